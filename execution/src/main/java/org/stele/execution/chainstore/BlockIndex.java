package org.stele.execution.chainstore;

import java.util.List;
import org.stele.chain.Block;
import org.stele.chain.Receipt;
import org.stele.storage.WriteBatch;

/**
 * An index that a module outside execution keeps over the canonical chain (an application's events, for instance),
 * registered with {@link KeyValueBlockStore} at construction. The store stages a block's entries in the same batch as
 * the block, so the index is never behind nor ahead of the chain; when a reorganisation takes a block off the canonical
 * chain, the store stages the removal of its entries in the batch that moves the head. On a chain stored before the
 * index existed, the store builds it for the older blocks in the background ({@link KeyValueBlockStore#buildIndexes}).
 */
public interface BlockIndex {
    /**
     * A stable name, 1 to 32 characters of {@code [a-z0-9_]}: it keys the index's progress in the chain's metadata.
     */
    String name();

    /** Stages the entries of a block that becomes canonical. */
    void stage(Block block, List<Receipt> receipts, WriteBatch batch);

    /** Stages the removal of the entries {@link #stage} staged for the block, which leaves the canonical chain. */
    void unstage(Block block, List<Receipt> receipts, WriteBatch batch);
}
