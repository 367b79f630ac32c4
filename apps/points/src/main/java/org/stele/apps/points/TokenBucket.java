package org.stele.apps.points;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how often each signer may have a request relayed: a bucket per signer holds up to {@code capacity} tokens and
 * refills at {@code perSecond}; each request takes one. Time comes from an injected {@link InstantSource} so the
 * limit is tested without sleeping. Full buckets of idle signers are dropped once there are many, so memory stays
 * bounded by the signers active within a refill period.
 */
public final class TokenBucket {
    private static final int TIDY_ABOVE = 100_000;
    private final double capacity;
    private final double perSecond;
    private final InstantSource clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** One signer's tokens at {@code atNanos} (time since the epoch, in nanoseconds). */
    private record Bucket(double tokens, long atNanos) {}

    public TokenBucket(int capacity, double perSecond, InstantSource clock) {
        if (capacity < 1) throw new IllegalArgumentException("the rate limit's burst must be at least 1");
        if (!(perSecond > 0)) throw new IllegalArgumentException("the rate limit's refill must be above 0 a second");
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    public int capacity() {
        return (int) capacity;
    }

    public double perSecond() {
        return perSecond;
    }

    /** Takes one token of {@code signer}'s bucket; false when it is empty. */
    public boolean tryTake(String signer) {
        long now = nanos();
        boolean[] taken = new boolean[1];
        buckets.compute(signer, (k, b) -> {
            double tokens = b == null
                    ? capacity
                    : Math.min(capacity, b.tokens() + (now - b.atNanos()) * perSecond / 1e9);
            taken[0] = tokens >= 1;
            return new Bucket(taken[0] ? tokens - 1 : tokens, now);
        });
        if (buckets.size() > TIDY_ABOVE) tidy(now);
        return taken[0];
    }

    /** Seconds until {@code signer} has a token again (0 when it has one now). */
    public double secondsUntilNext(String signer) {
        Bucket b = buckets.get(signer);
        if (b == null) return 0;
        double tokens = Math.min(capacity, b.tokens() + (nanos() - b.atNanos()) * perSecond / 1e9);
        return tokens >= 1 ? 0 : (1 - tokens) / perSecond;
    }

    private void tidy(long now) {
        buckets.entrySet()
                .removeIf(e -> e.getValue().tokens() + (now - e.getValue().atNanos()) * perSecond / 1e9 >= capacity);
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
