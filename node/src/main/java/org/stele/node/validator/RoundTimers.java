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
 * a proposer that fails while transactions wait is replaced sooner than the empty-block period allows. A proposer that
 * did propose but whose block is still being checked is not a failed one: {@link #deferSeenRoundZero} lets the caller
 * give round 0 back the time the empty-block period gave it (on a starved machine, checking a full block took longer
 * than the busy timer, and each round change made every validator execute another block). Both extras may change with
 * the height (the committee sets the block period), so they are asked per height. Event thread only.
 */
final class RoundTimers {
    private final Scheduler scheduler;
    private final LongUnaryOperator idleExtraMillis;
    private final LongUnaryOperator busyExtraMillis;
    private final BooleanSupplier pending;
    private final Consumer<Event.RoundTimerExpired> expired;
    /** The round-0 timer scheduled while nothing was pending, not yet shortened; null when there is none. */
    private IdleRoundZero idle;
    /** When the current round 0 would expire with the empty-block period; null when deferred or past round 0. */
    private IdleRoundZero late;

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
            long idleDelay = delay + idleExtraMillis.applyAsLong(t.height());
            delay = busy ? delay + busyExtraMillis.applyAsLong(t.height()) : idleDelay;
            idle = busy ? null : new IdleRoundZero(t, scheduler.nowMillis() + delay);
            late = new IdleRoundZero(t, scheduler.nowMillis() + idleDelay);
        } else {
            idle = null;
            late = null;
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

    /**
     * Round 0 of {@code e}'s height expired early (pending transactions shortened it) although its proposal was seen:
     * expires it again when the empty-block period would have, once; answers whether it did, so that the caller drops
     * {@code e}.
     */
    boolean deferSeenRoundZero(Event.RoundTimerExpired e) {
        IdleRoundZero l = late;
        if (l == null || e.round() != 0 || e.height() != l.timer().height())
            return false;
        late = null;
        long now = scheduler.nowMillis();
        if (now >= l.dueMillis())
            return false;
        fire(l.timer(), l.dueMillis() - now);
        return true;
    }

    private void fire(Action.ScheduleTimer t, long delay) {
        scheduler.schedule(() -> expired.accept(new Event.RoundTimerExpired(t.height(), t.round())), delay);
    }

    private record IdleRoundZero(Action.ScheduleTimer timer, long dueMillis) {}
}
