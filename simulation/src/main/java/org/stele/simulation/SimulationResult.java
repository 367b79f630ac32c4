package org.stele.simulation;

import java.util.List;

/**
 * What a run found.
 *
 * @param violations  invariant violations, empty when the run held
 * @param trace       the last events before the first violation (or the end), one compact line each
 * @param minHeight   the lowest chain height among honest validators at the end
 * @param simMillis   simulated time the run took
 * @param deliveries  messages delivered
 */
public record SimulationResult(SimulationConfig config, List<String> violations, List<String> trace, long minHeight,
        long simMillis, long deliveries) {
    public boolean ok() {
        return violations.isEmpty();
    }

    /** One line: seed, verdict, heights, time. */
    public String summary() {
        return String.format("seed=%d n=%d byz=%d%s%s%s%s cap=%d %s heights>=%d t=%.1fs msgs=%d", config.seed(),
                config.validators(), config.byzantine(), config.partitions() ? " partitions" : "",
                config.crashes() ? " crashes" : "", config.brokenLock() ? " broken-lock" : "",
                config.outageMillis() > 0 ? " outage=" + config.outageMillis() / 1000 + "s" : "", config.timerCap(),
                ok() ? "OK" : "VIOLATION " + violations.get(0), minHeight, simMillis / 1000.0, deliveries);
    }
}
