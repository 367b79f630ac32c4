package org.stele.p2p;

import java.time.Duration;

/**
 * The bounds that keep one peer from hurting the node.
 *
 * @param maxFrameBytes        largest frame payload accepted or sent; a larger one costs the peer its connection
 * @param outboundQueue        messages queued to one peer before further ones to it are dropped
 * @param inboundPerSecond     sustained messages per second accepted from one peer
 * @param inboundBurst         messages a peer may send at once above the sustained rate
 * @param strikesBeforeBan     misbehaviours (within {@code banDuration}) that get a peer banned
 * @param banDuration          how long a ban lasts, by the network's clock
 * @param handshakeTimeout     time allowed for TLS and the hello exchange
 * @param reconnectInitial     first wait before redialing a static peer
 * @param reconnectMax         longest wait between redials (the wait doubles up to it)
 * @param knownTransactions    transaction hashes remembered per peer, to send none twice
 * @param ioThreads            Netty I/O threads for connections
 */
public record P2pLimits(int maxFrameBytes, int outboundQueue, int inboundPerSecond, int inboundBurst,
        int strikesBeforeBan, Duration banDuration, Duration handshakeTimeout, Duration reconnectInitial,
        Duration reconnectMax, int knownTransactions, int ioThreads) {
    public static final P2pLimits DEFAULT = new P2pLimits(16 * 1024 * 1024, 4096, 2000, 4000, 2,
            Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(30), 32_768,
            2);

    public P2pLimits {
        if (maxFrameBytes < 1024 || outboundQueue < 1 || inboundPerSecond < 1 || inboundBurst < 1
                || strikesBeforeBan < 1 || knownTransactions < 1 || ioThreads < 1)
            throw new IllegalArgumentException("P2P limits must be positive (frames at least 1 KiB)");
        if (banDuration.isNegative() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || reconnectInitial.isNegative() || reconnectInitial.isZero()
                || reconnectMax.compareTo(reconnectInitial) < 0)
            throw new IllegalArgumentException("P2P durations must be positive, reconnectMax >= reconnectInitial");
    }

    public P2pLimits withMaxFrameBytes(int bytes) {
        return new P2pLimits(bytes, outboundQueue, inboundPerSecond, inboundBurst, strikesBeforeBan, banDuration,
                handshakeTimeout, reconnectInitial, reconnectMax, knownTransactions, ioThreads);
    }

    public P2pLimits withInbound(int perSecond, int burst) {
        return new P2pLimits(maxFrameBytes, outboundQueue, perSecond, burst, strikesBeforeBan, banDuration,
                handshakeTimeout, reconnectInitial, reconnectMax, knownTransactions, ioThreads);
    }

    public P2pLimits withBans(int strikes, Duration duration) {
        return new P2pLimits(maxFrameBytes, outboundQueue, inboundPerSecond, inboundBurst, strikes, duration,
                handshakeTimeout, reconnectInitial, reconnectMax, knownTransactions, ioThreads);
    }
}
