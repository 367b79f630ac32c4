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
 * @param outageMillis  the first this many milliseconds every message is lost, so no quorum exists (0: none);
 *                      the network stabilises no sooner than when the outage ends
 * @param timerCap      the engine's cap on round-timer doubling: round r lasts 1 s * 2^min(r, timerCap)
 */
public record SimulationConfig(int validators, int byzantine, boolean partitions, boolean crashes, long seed,
        int targetHeight, boolean brokenLock, long outageMillis, int timerCap) {
    /** The cap the simulated validators run with unless told otherwise: rounds of at most 16 s. */
    public static final int DEFAULT_TIMER_CAP = 4;

    public SimulationConfig {
        // a lone validator decides inside one event without ever waiting for the network; the simulated host
        // would recurse without end, and one validator has nothing to agree with anyway
        if (validators < 2 || byzantine < 0 || byzantine > validators || targetHeight < 1 || outageMillis < 0
                || timerCap < 0 || timerCap > 30)
            throw new IllegalArgumentException(
                    "invalid simulation configuration: need at least 2 validators, 0 <= byzantine <= validators, "
                            + "an outage of 0 or more and a timer cap of 0 to 30");
    }

    public static SimulationConfig of(int validators, int byzantine, boolean partitions, boolean crashes, long seed) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, 5, false, 0, DEFAULT_TIMER_CAP);
    }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, newSeed, targetHeight, brokenLock,
                outageMillis, timerCap);
    }

    public SimulationConfig withBrokenLock() {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, targetHeight, true, outageMillis,
                timerCap);
    }

    public SimulationConfig withTargetHeight(int h) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, h, brokenLock, outageMillis,
                timerCap);
    }

    /** Every message lost for the first {@code millis}: an outage of the whole network. */
    public SimulationConfig withOutage(long millis) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, targetHeight, brokenLock, millis,
                timerCap);
    }

    /** Round timers that double up to {@code cap} times. */
    public SimulationConfig withTimerCap(int cap) {
        return new SimulationConfig(validators, byzantine, partitions, crashes, seed, targetHeight, brokenLock,
                outageMillis, cap);
    }

    /** Whether any fault window (before GST) exists at all. */
    boolean faulty() {
        return partitions || crashes || byzantine > 0 || outageMillis > 0;
    }
}
