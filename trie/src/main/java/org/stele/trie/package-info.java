/**
 * Ethereum's hexary Merkle Patricia Trie: leaf, extension and branch nodes, hex-prefix paths, nodes shorter than
 * 32 bytes inlined in their parent, Keccak-256 node hashes. Changes stay in memory as immutable nodes until
 * {@code commit} stages them in one storage {@link org.stele.storage.WriteBatch}; proofs are generated and verified
 * here too ({@code eth_getProof}).
 */
package org.stele.trie;
