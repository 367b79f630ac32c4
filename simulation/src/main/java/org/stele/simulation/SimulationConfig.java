package org.stele.simulation;

/**
 * One simulation run.
 *
 * @param validators    N, the number of validators
 * @param byzantine     how many of them are Byzantine (at most f = (N-1)/3 for the invariants to be owed)
 * @param partitions    whether partitions form and heal before the global stabilisation time (GST)
 * @param crashes       whether honest validators crash and restart from their WAL before GST
 * @param seed          everything random in the run derives from it
 * @param targetHeight  honest validators must all reach this height (and two more after GST)
 * @param brokenLock    honest validators forget their prepared certificate in ROUND-CHANGE: a deliberately unsafe
 *                      variant that the invariants must catch
 */
public record SimulationConfig(int validators, int byzantine, boolean partitions, boolean crashes, long seed,
        int targetHeight, boolean brokenLock) {
    public SimulationConfig {
        // a lone validator decides inside one event without ever waiting for the network; the simulated host
        // would recurse without end, and one validator has nothing to agree with anyway
        if (validators < 2 || byzantine < 0 || byzantine > validators || targetHeight < 1)
            throw new IllegalArgumentException(
                    "invalid simulation configuration: need at least 2 validators and 0 <= byzantine <= validators");
    }

    public static SimulationConfig of(int validators, int byzantine, boolean partitions, boolean crashes, long seed) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, 5, false);
    }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, newSeed, targetHeight, brokenLock);
    }

    public SimulationConfig withBrokenLock() {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, targetHeight, true);
    }

    public SimulationConfig withTargetHeight(int h) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, h, brokenLock);
    }

    /** Whether any fault window (before GST) exists at all. */
    boolean faulty() {
        return partitions || crashes || byzantine > 0;
    }
}
