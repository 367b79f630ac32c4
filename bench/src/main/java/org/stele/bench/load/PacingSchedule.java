package org.stele.bench.load;

/**
 * When each batch of transactions is due, as an offset from the first submission. Batch {@code k} starts at the
 * instant transaction {@code k * batchSize} is due at the offered rate, so the schedule holds the offered rate on
 * average whatever the batch size; a submitter that falls behind sends late batches at once instead of slowing the
 * whole schedule down (the offered rate is an open-loop arrival rate, not a target the node can push back on).
 */
public record PacingSchedule(double ratePerSecond, int batchSize) {

    public PacingSchedule {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond))
            throw new IllegalArgumentException("rate must be a finite number >= 0: " + ratePerSecond);
        if (batchSize < 1)
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
    }

    /** True when there is no offered rate: batches go out as fast as the submitter can send them. */
    public boolean unpaced() {
        return ratePerSecond == 0;
    }

    /** Nanoseconds after the start at which batch {@code k} is due (0 for every batch when unpaced). */
    public long dueNanos(long batchIndex) {
        if (batchIndex < 0)
            throw new IllegalArgumentException("negative batch index: " + batchIndex);
        if (unpaced())
            return 0;
        return Math.round(batchIndex * (double) batchSize * 1e9 / ratePerSecond);
    }

    /** How many batches carry {@code transactions} transactions (the last one may be short). */
    public long batchCount(long transactions) {
        return (transactions + batchSize - 1) / batchSize;
    }
}
