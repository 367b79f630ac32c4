package org.stele.apps.identity.relay;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.stele.common.Address;

/**
 * Token buckets: one per identity ({@code burst} requests at once, then one each {@code every}), and one for all
 * identities together ({@code allBurst}, then one each {@code allEvery}), since a new key is a new identity and costs
 * nothing. A request takes a token from both before anything is checked, so refused requests count too. Buckets that
 * have filled up again are forgotten once many are kept. Time is the injected clock's.
 */
public final class RateLimit {
    private static final int FORGET_ABOVE = 10_000;

    /** The limits: per identity, and over all. */
    public record Limits(int burst, Duration every, int allBurst, Duration allEvery) {
        /** Five changes at once per identity then one a minute; 100 at once over all then ten a second. */
        public static final Limits DEFAULT = new Limits(5, Duration.ofMinutes(1), 100, Duration.ofMillis(100));

        public Limits {
            if (burst < 1 || allBurst < 1 || !every.isPositive() || !allEvery.isPositive())
                throw new IllegalArgumentException("a rate needs a burst of at least 1 and a positive refill time");
        }
    }

    private record Bucket(double tokens, long atNanos) {}

    private final Limits limits;
    private final InstantSource clock;
    private final Map<Address, Bucket> identities = new HashMap<>();
    private Bucket all;

    public RateLimit(Limits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public Limits limits() {
        return limits;
    }

    /** Takes a token for {@code identity}, or refuses saying which rate it exceeds. */
    public synchronized void take(Address identity) {
        long now = nanos();
        Bucket mine = refill(identities.get(identity), limits.burst(), limits.every(), now);
        Bucket total = refill(all, limits.allBurst(), limits.allEvery(), now);
        if (mine.tokens() < 1)
            throw new RelayRefusal(RelayRefusal.Code.RATE_LIMITED, identity.toHex() + " has sent " + limits.burst()
                    + " changes lately: one more each " + limits.every().toSeconds() + " s");
        if (total.tokens() < 1)
            throw new RelayRefusal(RelayRefusal.Code.RATE_LIMITED, "the relayer takes at most " + limits.allBurst()
                    + " changes at once, then one each " + limits.allEvery().toMillis() + " ms: try again shortly");
        if (identities.size() > FORGET_ABOVE)
            identities.entrySet().removeIf(e -> refill(e.getValue(), limits.burst(), limits.every(), now)
                    .tokens() >= limits.burst());
        identities.put(identity, new Bucket(mine.tokens() - 1, now));
        all = new Bucket(total.tokens() - 1, now);
    }

    private static Bucket refill(Bucket b, int burst, Duration every, long now) {
        if (b == null) return new Bucket(burst, now);
        double added = (double) (now - b.atNanos()) / every.toNanos();
        return new Bucket(Math.min(burst, b.tokens() + added), now);
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
