/**
 * What {@code stele did} sends to the ERC-1056 registry: each change of an identity as call data for its owner, and as
 * the hash the owner signs and the call data a relayer sends for the {@code *Signed} variant under the registry's one
 * nonce rule ({@link org.stele.apps.identity.cli.RegistryChange}).
 */
package org.stele.apps.identity.cli;
