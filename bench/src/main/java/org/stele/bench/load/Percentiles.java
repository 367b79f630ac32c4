package org.stele.bench.load;

import java.util.Arrays;

/**
 * Nearest-rank percentiles over a set of samples: the p-th percentile is the smallest sample that at least p percent
 * of all samples are less than or equal to, so every reported figure is a latency some transaction really had.
 */
public final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy of {@code samples}; the caller's array is left as it was. */
    public static Percentiles of(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile for {@code p} in (0, 100].
     *
     * @throws IllegalStateException when there are no samples
     */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100))
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        if (sorted.length == 0)
            throw new IllegalStateException("no samples");
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long max() {
        if (sorted.length == 0)
            throw new IllegalStateException("no samples");
        return sorted[sorted.length - 1];
    }
}
