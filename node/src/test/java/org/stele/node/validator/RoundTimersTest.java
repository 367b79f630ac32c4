package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.consensus.qbft.ValidatorProvider;
import org.stele.consensus.qbft.engine.Action;
import org.stele.consensus.qbft.engine.EngineConfig;
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
}
