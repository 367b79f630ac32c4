package org.stele.node.cli;

import java.util.concurrent.Callable;
import org.stele.simulation.SimulationConfig;
import org.stele.simulation.SimulationRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stele consensus}: tools around QBFT. */
@Command(name = "consensus", description = "QBFT consensus tools.", subcommands = {ConsensusCommand.Simulate.class})
public final class ConsensusCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * {@code stele consensus simulate}: seeded runs of a simulated QBFT network (see docs/consensus.md). Prints a line
     * per run, the trace of every failing run, and {@code R runs, V violations}; exits 1 on any violation.
     */
    @Command(name = "simulate", mixinStandardHelpOptions = true, description = "Run seeded simulations of a QBFT network with faults and check agreement, validity and progress.")
    public static final class Simulate implements Callable<Integer> {
        @Option(names = "--validators", description = "Number of validators N (default: ${DEFAULT-VALUE}).")
        int validators = 4;

        @Option(names = "--byzantine", description = "Byzantine validators, at most (N-1)/3 for the guarantees (default: ${DEFAULT-VALUE}).")
        int byzantine = 0;

        @Option(names = "--runs", description = "Number of runs; run i uses seed S+i (default: ${DEFAULT-VALUE}).")
        int runs = 1;

        @Option(names = "--seed", description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--partitions", description = "Partitions form and heal before the network stabilises.")
        boolean partitions;

        @Option(names = "--crashes", description = "Honest validators crash and restart from their WAL before the network stabilises.")
        boolean crashes;

        @Option(names = "--outage", description = "Every message is lost for this many seconds first, so the network has no quorum (default: ${DEFAULT-VALUE}).")
        long outageSeconds = 0;

        @Option(names = "--timer-cap", description = "Round timers double at most this many times: round r lasts 1 s x 2^min(r, cap) (default: ${DEFAULT-VALUE}).")
        int timerCap = SimulationConfig.DEFAULT_TIMER_CAP;

        @Option(names = "--target-height", description = "Height every honest validator must reach (default: ${DEFAULT-VALUE}).")
        int targetHeight = 5;

        @Option(names = "--threads", description = "Runs executed in parallel (default: available processors).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Override
        public Integer call() {
            if (validators < 2 || byzantine < 0 || byzantine > validators || runs < 1 || targetHeight < 1
                    || outageSeconds < 0 || outageSeconds > 365L * 24 * 3600 || timerCap < 0 || timerCap > 30) {
                System.err.println("invalid options: need validators >= 2, 0 <= byzantine <= validators, runs >= 1, "
                        + "an outage of 0 s to a year and a timer cap of 0 to 30");
                return 2;
            }
            if (byzantine > (validators - 1) / 3)
                System.err.println("note: " + byzantine + " Byzantine of " + validators
                        + " exceeds f = (N-1)/3; QBFT promises nothing then");
            SimulationConfig c = new SimulationConfig(validators, byzantine, partitions, crashes, seed, targetHeight,
                    false, outageSeconds * 1000, timerCap);
            return SimulationRunner.runMany(c, runs, threads, System.out) == 0 ? 0 : 1;
        }
    }
}
