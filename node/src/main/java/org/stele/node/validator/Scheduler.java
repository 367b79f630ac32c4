package org.stele.node.validator;

import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time for the QBFT service: what time it is, and running a task later. Production uses a
 * {@link ScheduledExecutorService} and the system clock; tests move time by hand.
 */
public interface Scheduler {
    long nowMillis();

    /** Runs {@code task} once, {@code delayMillis} from now; the task must hand its work to the event thread. */
    void schedule(Runnable task, long delayMillis);

    static Scheduler of(ScheduledExecutorService executor, Clock clock) {
        return new Scheduler() {
            @Override
            public long nowMillis() {
                return clock.millis();
            }

            @Override
            public void schedule(Runnable task, long delayMillis) {
                try {
                    executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // the node is stopping: nothing scheduled now would be carried out anyway
                }
            }
        };
    }
}
