package org.stele.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeded simulation in CI: 500 runs across 4, 7, 10 and 13 validators with up to f Byzantine validators,
 * partitions and crashes, none of which may break agreement, validity or progress; the runs are reproducible; and
 * a validator that forgets its lock is caught.
 */
class SimulationTest {
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static List<SimulationResult> runAll(SimulationConfig base, int runs) throws Exception {
        List<Future<SimulationResult>> futures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            SimulationConfig c = base.withSeed(base.seed() + i);
            futures.add(pool.submit(() -> Simulation.run(c)));
        }
        List<SimulationResult> results = new ArrayList<>();
        for (Future<SimulationResult> f : futures)
            results.add(f.get());
        return results;
    }

    private static void assertAllHold(SimulationConfig base, int runs) throws Exception {
        List<String> failures = new ArrayList<>();
        for (SimulationResult r : runAll(base, runs))
            if (!r.ok())
                failures.add(r.summary() + "\n    " + String.join("\n    ", r.trace()));
        assertThat(failures).as("failing seeds with their traces").isEmpty();
    }

    @Test
    void fourValidatorsWithOneByzantinePartitionsAndCrashesHold() throws Exception {
        assertAllHold(SimulationConfig.of(4, 1, true, true, 10_000), 200);
    }

    @Test
    void fourValidatorsWithoutByzantineButWithPartitionsAndCrashesHold() throws Exception {
        assertAllHold(SimulationConfig.of(4, 0, true, true, 20_000), 50);
    }

    @Test
    void fourValidatorsWithOneByzantineOnALossyNetworkHold() throws Exception {
        assertAllHold(SimulationConfig.of(4, 1, false, false, 30_000), 50);
    }

    @Test
    void sevenValidatorsWithTwoByzantinePartitionsAndCrashesHold() throws Exception {
        assertAllHold(SimulationConfig.of(7, 2, true, true, 40_000), 100);
    }

    @Test
    void tenValidatorsWithThreeByzantineAndCrashesHold() throws Exception {
        assertAllHold(SimulationConfig.of(10, 3, false, true, 50_000), 50);
    }

    @Test
    void thirteenValidatorsWithFourByzantineAndPartitionsHold() throws Exception {
        assertAllHold(SimulationConfig.of(13, 4, true, false, 60_000), 40);
    }

    @Test
    void faultFreeNetworksOfEverySizeDecideEveryHeightInRoundZero() throws Exception {
        for (int n : new int[]{2, 4, 7, 10, 13}) {
            SimulationResult r = Simulation
                    .run(SimulationConfig.of(n, 0, false, false, 70_000 + n).withTargetHeight(8));
            assertThat(r.ok()).as(r.summary()).isTrue();
            assertThat(r.minHeight()).isGreaterThanOrEqualTo(8);
            assertThat(r.trace()).filteredOn(l -> l.contains(" final ")).allMatch(l -> l.endsWith("consensus r0"));
        }
    }

    @Test
    void aRunIsReproducibleFromItsSeedAlone() {
        SimulationConfig c = SimulationConfig.of(7, 2, true, true, 424_242);
        SimulationResult a = Simulation.run(c);
        SimulationResult b = Simulation.run(c);
        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(b.trace()).isEqualTo(a.trace());
        assertThat(b.deliveries()).isEqualTo(a.deliveries());
    }

    @Test
    void aValidatorThatForgetsItsLockIsCaughtBreakingAgreement() throws Exception {
        List<SimulationResult> results = runAll(SimulationConfig.of(4, 0, true, false, 1).withBrokenLock(), 12);
        assertThat(results).anySatisfy(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.violations().get(0)).startsWith("agreement");
            assertThat(r.trace()).isNotEmpty();
        });
    }

    @Test
    void aNetworkWithoutQuorumForAnHourResumesWithinTheBoundBecauseRoundTimersAreCapped() throws Exception {
        assertAllHold(SimulationConfig.of(4, 1, false, false, 80_000).withOutage(3_600_000), 10);
    }

    @Test
    void withoutTheCapTheSameHourLongOutageLeavesTheValidatorsWaitingPastTheBound() throws Exception {
        List<SimulationResult> results = runAll(SimulationConfig.of(4, 0, false, false, 90_000)
                .withOutage(3_600_000).withTimerCap(30), 4);
        assertThat(results).allSatisfy(r -> assertThat(r.violations()).first().asString().startsWith("progress"));
    }

    @Test
    void theRunnerPrintsALinePerRunAndTheTotal() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int v = SimulationRunner.runMany(SimulationConfig.of(4, 1, false, false, 5), 3, 2,
                new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(v).isZero();
        assertThat(out.lines()).hasSize(4).last().isEqualTo("3 runs, 0 violations");
        assertThat(out).contains("seed=5 ", "seed=6 ", "seed=7 ");
    }
}
