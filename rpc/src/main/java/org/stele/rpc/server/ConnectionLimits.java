package org.stele.rpc.server;

import java.time.Duration;

/**
 * How long and how many connections the server keeps.
 *
 * @param maxConnections most open connections, HTTP and WebSocket together; one more is closed as it is accepted
 *            ({@code --http.maxconnections}, Besu's {@code --rpc-http-max-active-connections})
 * @param headerReadTimeout how long a request may take to arrive once its first byte has ({@code
 * --http.readheadertimeout},
 *            geth's ReadHeaderTimeout); a connection that takes longer is closed
 * @param idleTimeout how long an HTTP connection may sit with no request and no reply pending
 *            ({@code --http.idletimeout}); WebSocket connections are not subject to it, they hold subscriptions
 * @param maxPipelined most requests of one connection waiting for their replies ({@code --http.maxpipelined}); past it
 *            the server stops reading that connection until replies go out (back-pressure); of requests a client
 *            sent regardless, up to eight times this many are answered, and the next gets 503 with
 *            {@code Connection: close}: none is dropped unanswered
 */
public record ConnectionLimits(int maxConnections, Duration headerReadTimeout, Duration idleTimeout, int maxPipelined) {
    /** geth's 30 s for headers would let slow-header clients hold a slot for long; 10 s is ample for a real client. */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(1024, Duration.ofSeconds(10),
            Duration.ofSeconds(120), 128);

    public ConnectionLimits {
        if (maxConnections <= 0 || maxPipelined <= 0 || headerReadTimeout.isNegative() || headerReadTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("connection limits and timeouts must be positive");
        }
    }
}
