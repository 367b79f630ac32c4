/**
 * did:ethr resolution on a Stele chain: the node-side index of the ERC-1056 registry's events per identity
 * ({@link org.stele.apps.identity.resolver.DidIndex}, kept in each block's batch), and the resolver that turns an
 * identity's history into a W3C DID Resolution Result exactly as ethr-did-resolver 11.0.4 does
 * ({@link org.stele.apps.identity.resolver.DidResolver}), over the index (the node's {@code /1.0/identifiers/}
 * endpoint) or over any node's JSON-RPC ({@code stele did resolve}).
 */
package org.stele.apps.identity.resolver;
