package org.stele.rpc.eth;

import java.util.Optional;

/** Where catching up stands, as {@code eth_syncing} reports it; fed by the node's sync. */
@FunctionalInterface
public interface SyncProgress {
    /** A catch-up under way: the head when it began, the head now, and the highest block peers announced. */
    record Progress(long startingBlock, long currentBlock, long highestBlock) {}

    /** Empty when the node is not catching up. */
    Optional<Progress> current();

    /** A node that never syncs: a lone dev node. */
    SyncProgress NONE = Optional::empty;
}
