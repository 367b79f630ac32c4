/**
 * The chain's trust registry ({@code TrustRegistry.sol}, in every genesis at {@link
 * org.stele.apps.identity.trust.TrustRegistry#ADDRESS}): which issuers may issue which credential types, each type
 * with its credentialSchema (id and content hash), admitted by the governance committee or an operator, kept as
 * periods of block time so that a verifier asks about the issuance time.
 */
package org.stele.apps.identity.trust;
