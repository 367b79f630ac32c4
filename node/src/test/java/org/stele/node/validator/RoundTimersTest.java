package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.consensus.qbft.ValidatorProvider;
import org.stele.consensus.qbft.engine.Action;
import org.stele.consensus.qbft.engine.EngineConfig;
import org.stele.consensus.qbft.engine.Event;
import org.stele.consensus.qbft.engine.QbftEngine;
import org.stele.consensus.qbft.wal.InMemoryWal;
import org.stele.node.network.NetworkInit;

class RoundTimersTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();

    /** Time that moves only when the test says so; tasks run in the order they fall due. */
    static final class ManualScheduler implements Scheduler {
        private record Task(long due, long seq, Runnable run) {}

        private final PriorityQueue<Task> tasks = new PriorityQueue<>(
                Comparator.comparingLong(Task::due).thenComparingLong(Task::seq));
        final List<Long> delays = new ArrayList<>();
        private long now;
        private long seq;

        @Override
        public long nowMillis() {
            return now;
        }

        @Override
        public void schedule(Runnable task, long delayMillis) {
            delays.add(delayMillis);
            tasks.add(new Task(now + delayMillis, seq++, task));
        }

        /** Moves time to the next task and runs it. */
        void runNext() {
            Task t = tasks.poll();
            now = t.due();
            t.run().run();
        }
    }

    @Test
    void roundTimeoutsDoubleUpToTheCapAndRoundZeroWaitsTheEmptyBlockPeriodLonger() {
        List<KeyPair> keys = new ArrayList<>();
        SecureRandom random = new SecureRandom(new byte[]{3});
        for (int i = 0; i < 4; i++)
            keys.add(SUITE.generateKeyPair(random));
        List<Address> validators = keys.stream().map(k -> SUITE.address(k.publicKey())).sorted().toList();
        BlockHeader genesis = BlockHeader.builder().number(0).gasLimit(30_000_000)
                .extraData(NetworkInit.extraData(validators)).build();
        // Whoever is not round 0's proposer of block 1 waits for it; the others stay silent, so every round times out.
        QbftEngine engine = new QbftEngine(new EngineConfig(1_000, 3, 10, 10, 100), keys.get(0), SUITE,
                ValidatorProvider.fixed(validators), new InMemoryWal());
        ManualScheduler scheduler = new ManualScheduler();
        List<Consumer<List<Action>>> perform = new ArrayList<>();
        RoundTimers timers = new RoundTimers(scheduler, 300,
                expired -> perform.get(0).accept(engine.handle(expired)));
        perform.add(actions -> actions.stream().filter(a -> a instanceof Action.ScheduleTimer)
                .forEach(a -> timers.schedule((Action.ScheduleTimer) a)));
        perform.get(0).accept(engine.start(genesis));
        for (int i = 0; i < 6; i++)
            scheduler.runNext();

        assertThat(scheduler.delays).containsExactly(1_300L, 2_000L, 4_000L, 8_000L, 8_000L, 8_000L, 8_000L);
        assertThat(engine.round()).isEqualTo(6);
    }

    /** An engine of four validators whose timers a {@link RoundTimers} carries out; the others stay silent. */
    private static final class Silent {
        final QbftEngine engine;
        final ManualScheduler scheduler = new ManualScheduler();
        final AtomicBoolean pending = new AtomicBoolean();
        final RoundTimers timers;
        private final List<Address> validators;
        private final List<Consumer<List<Action>>> perform = new ArrayList<>();

        Silent() {
            List<KeyPair> keys = new ArrayList<>();
            SecureRandom random = new SecureRandom(new byte[]{3});
            for (int i = 0; i < 4; i++)
                keys.add(SUITE.generateKeyPair(random));
            validators = keys.stream().map(k -> SUITE.address(k.publicKey())).sorted().toList();
            engine = new QbftEngine(new EngineConfig(1_000, 3, 10, 10, 100), keys.get(0), SUITE,
                    ValidatorProvider.fixed(validators), new InMemoryWal());
            // Empty-block period 5 s; once transactions are pending, the block period 250 ms and a request timeout.
            timers = new RoundTimers(scheduler, height -> 5_000, height -> 1_250, pending::get,
                    expired -> perform.get(0).accept(engine.handle(expired)));
            perform.add(actions -> actions.stream().filter(a -> a instanceof Action.ScheduleTimer)
                    .forEach(a -> timers.schedule((Action.ScheduleTimer) a)));
        }

        void start() {
            BlockHeader genesis = BlockHeader.builder().number(0).gasLimit(30_000_000)
                    .extraData(NetworkInit.extraData(validators)).build();
            perform.get(0).accept(engine.start(genesis));
        }
    }

    @Test
    void roundZeroWaitsTheBlockPeriodAndARequestTimeoutLongerRatherThanTheEmptyBlockPeriodWhenTransactionsArePending() {
        Silent s = new Silent();
        s.pending.set(true);
        s.start();
        s.timers.transactionsPending();
        s.scheduler.runNext();

        assertThat(s.scheduler.delays).containsExactly(2_250L, 2_000L);
        assertThat(s.engine.round()).isEqualTo(1);
        assertThat(s.timers.waitingIdle()).isFalse();
    }

    @Test
    void aRoundZeroBegunIdleExpiresEarlierOnceTransactionsBecomePendingAndItsLaterExpiryIsIgnored() {
        Silent s = new Silent();
        s.start();
        assertThat(s.timers.waitingIdle()).isTrue();
        s.pending.set(true);
        s.timers.transactionsPending();
        s.timers.transactionsPending();
        s.scheduler.runNext();
        assertThat(s.engine.round()).isEqualTo(1);
        assertThat(s.scheduler.nowMillis()).isEqualTo(2_250);
        s.scheduler.runNext();
        assertThat(s.engine.round()).isEqualTo(2);
        s.scheduler.runNext();

        assertThat(s.scheduler.nowMillis()).isEqualTo(6_000);
        assertThat(s.engine.round()).isEqualTo(2);
        assertThat(s.scheduler.delays).containsExactly(6_000L, 2_250L, 2_000L, 4_000L);
    }

    @Test
    void aShortenedRoundZeroWhoseProposalWasSeenExpiresOnceMoreWhenTheEmptyBlockPeriodWouldHaveAndNoLater() {
        ManualScheduler scheduler = new ManualScheduler();
        List<Event.RoundTimerExpired> seen = new ArrayList<>();
        // Transactions pending: round 0 of block 1 expires after 1 s + 1.25 s rather than 1 s + 5 s.
        RoundTimers deferring = new RoundTimers(scheduler, height -> 5_000, height -> 1_250, () -> true, seen::add);
        deferring.schedule(new Action.ScheduleTimer(1, 0, 1_000));
        scheduler.runNext();
        assertThat(deferring.deferSeenRoundZero(seen.getFirst())).isTrue();
        scheduler.runNext();
        assertThat(deferring.deferSeenRoundZero(seen.getLast())).isFalse();

        Event.RoundTimerExpired roundZero = new Event.RoundTimerExpired(1, 0);
        assertThat(seen).containsExactly(roundZero, roundZero);
        assertThat(scheduler.nowMillis()).isEqualTo(6_000);
        assertThat(scheduler.delays).containsExactly(2_250L, 3_750L);
    }
}
