package org.stele.node.validator;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import org.stele.consensus.qbft.engine.Action;
import org.stele.consensus.qbft.engine.Event;

/**
 * Carries out the engine's {@link Action.ScheduleTimer}s with a {@link Scheduler}. Round 0 waits longer than the
 * request timeout: while nothing is pending by the empty-block period (an idle proposer proposes only that often, and
 * its peers must not give up on it meanwhile); once transactions are pending by less (the caller's busy extra: the
 * block period, after which the proposer proposes, and another request timeout, so that round 0 leaves a proposal's
 * build and checks as much time as round 1 does). A round 0 that began idle and then saw a transaction become pending
 * gets a second, earlier expiry (the engine ignores whichever of a round's expiries comes after it left the round), so
 * a proposer that fails while transactions wait is replaced sooner than the empty-block period allows. Both extras may
 * change with the height (the committee sets the block period), so they are asked per height. Event thread only.
 */
final class RoundTimers {
    private final Scheduler scheduler;
    private final LongUnaryOperator idleExtraMillis;
    private final LongUnaryOperator busyExtraMillis;
    private final BooleanSupplier pending;
    private final Consumer<Event.RoundTimerExpired> expired;
    /** The round-0 timer scheduled while nothing was pending, not yet shortened; null when there is none. */
    private IdleRoundZero idle;

    RoundTimers(Scheduler scheduler, long roundZeroExtraMillis, Consumer<Event.RoundTimerExpired> expired) {
        this(scheduler, height -> roundZeroExtraMillis, height -> roundZeroExtraMillis, () -> false, expired);
    }

    /**
     * @param idleExtraMillis round 0's extra wait at a height while nothing is pending (the empty-block period)
     * @param busyExtraMillis round 0's extra wait at a height once transactions are pending
     * @param pending         whether transactions are pending in this node's pool
     */
    RoundTimers(Scheduler scheduler, LongUnaryOperator idleExtraMillis, LongUnaryOperator busyExtraMillis,
            BooleanSupplier pending, Consumer<Event.RoundTimerExpired> expired) {
        this.scheduler = scheduler;
        this.idleExtraMillis = idleExtraMillis;
        this.busyExtraMillis = busyExtraMillis;
        this.pending = pending;
        this.expired = expired;
    }

    void schedule(Action.ScheduleTimer t) {
        long delay = t.delayMillis();
        if (t.round() == 0) {
            boolean busy = pending.getAsBoolean();
            delay += busy ? busyExtraMillis.applyAsLong(t.height()) : idleExtraMillis.applyAsLong(t.height());
            idle = busy ? null : new IdleRoundZero(t, scheduler.nowMillis() + delay);
        } else {
            idle = null;
        }
        fire(t, delay);
    }

    /** Whether a round-0 timer scheduled while idle is waiting, so that pending transactions would shorten it. */
    boolean waitingIdle() {
        return idle != null;
    }

    /**
     * Transactions became pending: a round-0 timer scheduled while idle expires, at the latest, the request timeout
     * plus the busy extra from now.
     */
    void transactionsPending() {
        IdleRoundZero w = idle;
        if (w == null)
            return;
        idle = null;
        long delay = w.timer().delayMillis() + busyExtraMillis.applyAsLong(w.timer().height());
        if (scheduler.nowMillis() + delay < w.dueMillis())
            fire(w.timer(), delay);
    }

    private void fire(Action.ScheduleTimer t, long delay) {
        scheduler.schedule(() -> expired.accept(new Event.RoundTimerExpired(t.height(), t.round())), delay);
    }

    private record IdleRoundZero(Action.ScheduleTimer timer, long dueMillis) {}
}
