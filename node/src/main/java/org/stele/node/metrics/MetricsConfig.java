package org.stele.node.metrics;

/**
 * Where the Prometheus endpoint listens.
 *
 * @param enabled whether the node serves {@code /metrics} at all
 * @param host the interface to bind; 127.0.0.1 unless the operator says otherwise
 * @param port the TCP port, Besu's 9545 by default; 0 picks a free one
 */
public record MetricsConfig(boolean enabled, String host, int port) {
    /** What a member's node runs with: metrics on, on loopback. */
    public static final MetricsConfig NODE = new MetricsConfig(true, "127.0.0.1", 9545);
    /** What the dev chain runs with: metrics off, since a developer's laptop has no Prometheus to scrape them. */
    public static final MetricsConfig DEV = new MetricsConfig(false, "127.0.0.1", 9545);

    public MetricsConfig {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("metrics-host must not be empty");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("metrics-port must be in 0..65535");
    }
}
