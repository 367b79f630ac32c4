package org.stele.simulation;

/**
 * Runs the simulation without the node module:
 * {@code java -cp ... org.stele.simulation.SimulationMain --validators 4 --byzantine 1 --runs 100 --seed 1
 * [--partitions] [--crashes] [--outage SECONDS] [--timer-cap E] [--target-height H] [--threads T] [--broken-lock]}.
 * Exits 1 on any violation.
 */
public final class SimulationMain {
    private SimulationMain() {
    }

    public static void main(String[] args) {
        int validators = 4, byzantine = 0, runs = 1, target = 5, threads = Runtime.getRuntime().availableProcessors();
        long seed = 1, outage = 0;
        int cap = SimulationConfig.DEFAULT_TIMER_CAP;
        boolean partitions = false, crashes = false, broken = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--validators" -> validators = Integer.parseInt(args[++i]);
                case "--byzantine" -> byzantine = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--target-height" -> target = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--partitions" -> partitions = true;
                case "--crashes" -> crashes = true;
                case "--broken-lock" -> broken = true;
                case "--outage" -> outage = Long.parseLong(args[++i]) * 1000;
                case "--timer-cap" -> cap = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        SimulationConfig c = new SimulationConfig(validators, byzantine, partitions, crashes, seed, target, broken,
                outage, cap);
        int v = SimulationRunner.runMany(c, runs, threads, System.out);
        System.exit(v == 0 ? 0 : 1);
    }
}
