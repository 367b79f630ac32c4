package org.stele.simulation;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

/**
 * Runs many seeded simulations: run i uses seed {@code seed + i}, so any line of the output can be replayed alone
 * with {@code --runs 1 --seed <its seed>}. Runs are independent and execute on a few threads; lines are printed in
 * run order, so the output does not depend on the thread count.
 */
public final class SimulationRunner {
    private SimulationRunner() {
    }

    /** Prints a line per run, the trace of every failing run, and the totals; returns the number of violations. */
    public static int runMany(SimulationConfig base, int runs, int threads, PrintStream out) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<SimulationResult>> results = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                SimulationConfig c = base.withSeed(base.seed() + i);
                results.add(pool.submit(() -> Simulation.run(c)));
            }
            int violations = 0;
            for (Future<SimulationResult> f : results) {
                SimulationResult r = f.get();
                out.println(r.summary());
                if (!r.ok() || Boolean.getBoolean("stele.sim.printTrace")) {
                    violations += r.violations().size();
                    out.println("  trace of seed " + r.config().seed() + " (replay: --runs 1 --seed "
                            + r.config().seed() + "):");
                    for (String line : r.trace())
                        out.println("    " + line);
                }
            }
            out.println(runs + " runs, " + violations + " violations");
            return violations;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a simulation run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
