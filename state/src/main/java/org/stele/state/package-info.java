/**
 * The world state on the Merkle Patricia Trie: accounts under keccak(address), each account's storage in its own trie
 * under keccak(slot), code by hash. {@link org.stele.state.WorldState} is what the EVM reads (it implements the EVM's
 * {@code WorldView}) and what a transaction's change set is applied to; committing stages every new trie node and code
 * in one {@code WriteBatch}, so a block's state lands atomically. It also answers account and storage proofs.
 */
package org.stele.state;
