/**
 * {@code stele did}: did:ethr identities on any Stele chain from the command line: create a key and its DID, show an
 * identity's registry state, change it (keys, services, delegates, owner, deactivation) sent by the owner or signed by
 * the owner and relayed gas-free by another account, and resolve a DID with the same resolver the node's
 * {@code /1.0/identifiers/} endpoint uses (docs/identity.md).
 */
package org.stele.node.did;
