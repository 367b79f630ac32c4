/**
 * W3C Bitstring Status Lists kept as chain state: the {@code StatusLists} contract that every Stele chain holds in
 * genesis (per-issuer index allocation, revocation and suspension bits), the encoding of a list
 * ({@code encodedList}: multibase base64url of the GZIP of the bits, bit 0 the most significant bit of byte 0), the
 * credential status entries a credential carries, and the status-list credential the node serves for each list.
 */
package org.stele.apps.identity.status;
