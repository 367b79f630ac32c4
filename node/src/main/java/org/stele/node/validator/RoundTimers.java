package org.stele.node.validator;

import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import org.stele.consensus.qbft.engine.Action;
import org.stele.consensus.qbft.engine.Event;

/**
 * Carries out the engine's {@link Action.ScheduleTimer}s with a {@link Scheduler}. Round 0 waits the empty-block
 * period longer: an idle proposer proposes only that often, and its peers must not give up on it meanwhile. That
 * period may change with the height (the committee sets the block period), so it is asked per height.
 */
final class RoundTimers {
    private final Scheduler scheduler;
    private final LongUnaryOperator roundZeroExtraMillis;
    private final Consumer<Event.RoundTimerExpired> expired;

    RoundTimers(Scheduler scheduler, long roundZeroExtraMillis, Consumer<Event.RoundTimerExpired> expired) {
        this(scheduler, height -> roundZeroExtraMillis, expired);
    }

    /** @param roundZeroExtraMillis the extra wait of round 0 at a height */
    RoundTimers(Scheduler scheduler, LongUnaryOperator roundZeroExtraMillis,
            Consumer<Event.RoundTimerExpired> expired) {
        this.scheduler = scheduler;
        this.roundZeroExtraMillis = roundZeroExtraMillis;
        this.expired = expired;
    }

    void schedule(Action.ScheduleTimer t) {
        long delay = t.delayMillis() + (t.round() == 0 ? roundZeroExtraMillis.applyAsLong(t.height()) : 0);
        scheduler.schedule(() -> expired.accept(new Event.RoundTimerExpired(t.height(), t.round())), delay);
    }
}
