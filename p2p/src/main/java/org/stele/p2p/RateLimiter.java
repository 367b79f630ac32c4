package org.stele.p2p;

import java.time.Clock;

/** A token bucket by an injected clock: {@code perSecond} sustained, {@code burst} at once. Not thread-safe. */
final class RateLimiter {
    private final Clock clock;
    private final double perMilli;
    private final double burst;
    private double tokens;
    private long lastMillis;

    RateLimiter(Clock clock, int perSecond, int burst) {
        this.clock = clock;
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.lastMillis = clock.millis();
    }

    boolean tryAcquire() {
        long now = clock.millis();
        if (now > lastMillis) {
            tokens = Math.min(burst, tokens + (now - lastMillis) * perMilli);
            lastMillis = now;
        }
        if (tokens < 1)
            return false;
        tokens -= 1;
        return true;
    }
}
