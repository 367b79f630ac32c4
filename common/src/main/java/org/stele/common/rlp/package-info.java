/**
 * Recursive Length Prefix encoding, Ethereum's serialisation for transactions, blocks, trie nodes and consensus
 * messages. {@link org.stele.common.rlp.RlpWriter} and the strict cursor {@link org.stele.common.rlp.RlpReader} are
 * what typed codecs use; {@link org.stele.common.rlp.Rlp} decodes any input into an
 * {@link org.stele.common.rlp.RlpItem} tree within {@link org.stele.common.rlp.RlpLimits}. Nothing here recurses on
 * the Java stack, so a hostile input cannot exhaust it.
 */
package org.stele.common.rlp;
