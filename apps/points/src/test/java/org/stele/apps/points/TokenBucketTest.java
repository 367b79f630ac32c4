package org.stele.apps.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The relayer's per-signer rate limit, on a clock the test moves. */
class TokenBucketTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;

    @Test
    void aSignerSpendsItsBurstThenOneRequestPerRefill() {
        TokenBucket limits = new TokenBucket(3, 2, clock);
        for (int i = 0; i < 3; i++) assertThat(limits.tryTake("alice")).isTrue();
        assertThat(limits.tryTake("alice")).isFalse();
        assertThat(limits.secondsUntilNext("alice")).isEqualTo(0.5);

        now = now.plus(Duration.ofMillis(499));
        assertThat(limits.tryTake("alice")).isFalse();
        now = now.plus(Duration.ofMillis(1));
        assertThat(limits.tryTake("alice")).isTrue();
        assertThat(limits.tryTake("alice")).isFalse();
    }

    @Test
    void eachSignerHasItsOwnBucketAndAnIdleOneRefillsOnlyToItsBurst() {
        TokenBucket limits = new TokenBucket(2, 1, clock);
        assertThat(limits.tryTake("alice")).isTrue();
        assertThat(limits.tryTake("alice")).isTrue();
        assertThat(limits.tryTake("alice")).isFalse();
        assertThat(limits.tryTake("bob")).isTrue();

        now = now.plus(Duration.ofHours(1));
        assertThat(limits.tryTake("alice")).isTrue();
        assertThat(limits.tryTake("alice")).isTrue();
        assertThat(limits.tryTake("alice")).isFalse();
    }

    @Test
    void aLimitNeedsABurstOfOneAndAPositiveRefill() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, clock)).hasMessage("the rate limit's burst must be at least 1");
        assertThatThrownBy(() -> new TokenBucket(1, 0, clock))
                .hasMessage("the rate limit's refill must be above 0 a second");
    }
}
