package org.stele.node.wiring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stele.execution.chainstore.KeyValueBlockStore;

/**
 * Builds the explorer indexes of a chain stored before they existed, then the store's registered indexes (the DID
 * index) likewise, newest blocks first, on one background thread
 * while the node serves; logs its progress about every tenth of the way. Each step is a few blocks in one batch, so
 * an import waits at most for those few, and a node stopped midway resumes where the last batch left off.
 */
final class ExplorerIndexBuild {
    private static final Logger LOG = LoggerFactory.getLogger("org.stele.explorer");
    private static final int BLOCKS_PER_STEP = 16;

    private final KeyValueBlockStore blocks;
    private final Thread thread;
    private volatile boolean stopped;

    private ExplorerIndexBuild(KeyValueBlockStore blocks) {
        this.blocks = blocks;
        this.thread = Thread.ofPlatform().name("explorer-index-build").daemon().unstarted(this::run);
    }

    /** Starts the build when the chain has blocks not yet indexed; null when there is nothing to do. */
    static ExplorerIndexBuild startIfNeeded(KeyValueBlockStore blocks) {
        if (blocks.explorer().complete() && blocks.indexesComplete())
            return null;
        ExplorerIndexBuild build = new ExplorerIndexBuild(blocks);
        build.thread.start();
        return build;
    }

    private void run() {
        long total = blocks.explorer().indexedFrom();
        long started = System.nanoTime();
        if (total > 0)
            LOG.info("explorer indexes: building for blocks 0 to {}, newest first; the node serves meanwhile",
                    total - 1);
        long nextReport = total - Math.max(1, total / 10);
        long left = total;
        while (!stopped && left > 0) {
            left = blocks.buildExplorerIndexes(BLOCKS_PER_STEP);
            if (left <= nextReport && left > 0) {
                LOG.info("explorer indexes: {}% built ({} of {} blocks)",
                        (total - left) * 100 / total, total - left, total);
                nextReport = left - Math.max(1, total / 10);
            }
        }
        if (left == 0 && total > 0) {
            LOG.info("explorer indexes: built for all {} older blocks in {} ms", total,
                    (System.nanoTime() - started) / 1_000_000);
        }
        if (!stopped && !blocks.indexesComplete()) {
            LOG.info("block indexes (DID): building for the older blocks; resolution answers 503 meanwhile");
            while (!stopped && blocks.buildIndexes(BLOCKS_PER_STEP) > 0) {
                // each step is a few blocks in their own batches, so imports interleave
            }
            if (!stopped)
                LOG.info("block indexes (DID): built");
        }
    }

    /** Stops after the current step and waits for it, so the store can be closed. */
    void stop() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
