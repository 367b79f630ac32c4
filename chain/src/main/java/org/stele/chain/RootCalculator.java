package org.stele.chain;

import java.util.List;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;

/**
 * Computes the root of the trie Ethereum builds over a block's ordered items (transactions, receipts, withdrawals):
 * key {@code rlp(i)}, value the i-th item's encoding. The trie itself lives in module {@code trie}, which
 * {@code chain} does not depend on; whoever holds both (execution, the node) supplies the implementation.
 */
@FunctionalInterface
public interface RootCalculator {
    /** The root of {@code rlp(i) → items.get(i)}; the empty-trie root when there are no items. */
    Bytes32 root(List<byte[]> items);

    /** The trie key of the item at {@code index}: its RLP scalar encoding (so 0 is {@code 0x80}). */
    static byte[] indexKey(int index) {
        return new RlpWriter(8).writeLong(index).toByteArray();
    }
}
