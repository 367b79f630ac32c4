/**
 * The node's gas-free relayer of ERC-1056 meta-transactions: it takes an owner's signed {@code *Signed} call of the
 * registry, checks it by {@code eth_call} (refusing, with the registry's own error, what would revert), holds each
 * identity and all identities together to a rate, and sends it from an operator's account that pays the gas.
 * Transport-free: the node serves it as JSON-RPC {@code did_relay} (docs/identity.md).
 */
package org.stele.apps.identity.relay;
