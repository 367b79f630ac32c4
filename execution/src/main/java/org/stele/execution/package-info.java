/**
 * Runs transactions against the world state: validity checks with the errors the Ethereum fixtures name, gas
 * purchase, nonce, warm sets, the EVM call, refunds and fee payment (EIP-1559 base fee burned, priority fee to the
 * coinbase, EIP-4844 blob fee burned). The result is a change set the caller applies to its
 * {@link org.stele.state.WorldState}.
 */
package org.stele.execution;
