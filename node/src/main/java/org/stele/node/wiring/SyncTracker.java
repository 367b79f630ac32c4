package org.stele.node.wiring;

import java.util.Optional;
import org.stele.rpc.eth.SyncProgress;

/**
 * Where catching up stands, told by the node's sync and read by {@code eth_syncing} and the metrics. Not syncing until
 * {@link #started} is called.
 */
public final class SyncTracker implements SyncProgress {
    private volatile Optional<Progress> current = Optional.empty();

    /** Catching up began at {@code head}; peers announced {@code highest}. */
    public void started(long head, long highest) {
        current = Optional.of(new Progress(head, head, highest));
    }

    /** The head moved to {@code head} while catching up; peers now announce {@code highest}. */
    public void advanced(long head, long highest) {
        current.ifPresent(p -> current = Optional.of(new Progress(p.startingBlock(), head, highest)));
    }

    /** Caught up: the node follows the chain live again. */
    public void finished() {
        current = Optional.empty();
    }

    @Override
    public Optional<Progress> current() {
        return current;
    }
}
