/**
 * Decentralised identity on every Stele chain: the ERC-1056 registry that did:ethr resolves against, held in genesis at
 * the address it has on public networks ({@link org.stele.apps.identity.DidRegistry}), compiled reproducibly from
 * {@code apps/identity/src/main/solidity} (docs/contracts.md, docs/identity.md).
 */
package org.stele.apps.identity;
