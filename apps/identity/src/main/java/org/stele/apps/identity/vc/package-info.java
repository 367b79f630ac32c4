/**
 * Verifiable credentials as VC-JWTs (VC Data Model 1.1 in a JWT, signed ES256K by a did:ethr issuer) and the chain
 * reads behind them: issuing, parsing and verifying a credential, and deciding whether the key that signed it speaks
 * for its issuer, from the ERC-1056 registry itself ({@code identityOwner}, {@code validDelegate}), over any JSON-RPC
 * (a node's HTTP endpoint, or the node's own dispatcher). Status bits live in {@code .status}, trusted issuers in
 * {@code .trust}.
 */
package org.stele.apps.identity.vc;
