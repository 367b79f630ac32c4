/**
 * Recursive Length Prefix encoding, Ethereum's serialisation for transactions, blocks, trie nodes and consensus
 * messages. The reader is strict (canonical encodings only) and walks nested lists without Java recursion, so a
 * hostile input cannot exhaust the thread stack.
 */
package org.stele.common.rlp;
