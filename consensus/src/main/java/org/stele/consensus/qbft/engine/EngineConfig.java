package org.stele.consensus.qbft.engine;

/**
 * Tuning of one engine.
 *
 * @param baseRoundTimeoutMillis round r lasts {@code base * 2^min(r, maxTimeoutExponent)}: exponential back-off, so
 *                               that after a partition heals the rounds of all validators overlap long enough
 * @param maxTimeoutExponent     caps the back-off, bounding the time to recover from a long outage
 * @param futureRoundWindow      PREPARE, COMMIT and PROPOSAL messages for rounds further ahead are dropped
 * @param futureHeightWindow     messages for at most this many heights ahead are buffered; further ones dropped
 * @param maxBufferedPerSender   bound on buffered future-height messages per sender and height
 */
public record EngineConfig(long baseRoundTimeoutMillis, int maxTimeoutExponent, int futureRoundWindow,
        int futureHeightWindow, int maxBufferedPerSender) {
    public EngineConfig {
        if (baseRoundTimeoutMillis <= 0 || maxTimeoutExponent < 0 || maxTimeoutExponent > 30 || futureRoundWindow < 1
                || futureHeightWindow < 1 || maxBufferedPerSender < 1)
            throw new IllegalArgumentException("invalid engine configuration");
    }

    /** Besu's default request timeout is 10 s; Stele's consortium networks are faster. */
    public static EngineConfig defaults() {
        return new EngineConfig(2_000, 6, 10, 10, 100);
    }

    public long roundTimeout(int round) {
        return baseRoundTimeoutMillis << Math.min(round, maxTimeoutExponent);
    }
}
