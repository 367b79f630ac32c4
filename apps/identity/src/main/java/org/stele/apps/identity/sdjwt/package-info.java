/**
 * SD-JWT VC (RFC 9901 SD-JWT, typ {@code dc+sd-jwt}) from the same did:ethr issuer keys: salted disclosures whose
 * SHA-256 digests the issuer signs in {@code _sd}, the holder's key in {@code cnf}, presentations that disclose chosen
 * claims with a key-binding JWT over the verifier's nonce and audience, and their verification.
 */
package org.stele.apps.identity.sdjwt;
