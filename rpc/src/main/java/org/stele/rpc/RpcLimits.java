package org.stele.rpc;

/**
 * Limits on what one client may ask of the server. Each one, when hit, is answered with a clear JSON-RPC error and
 * leaves the server serving everyone else.
 *
 * @param maxRequestBytes largest HTTP body or WebSocket message accepted
 * @param maxBatchSize most calls in one batch
 */
public record RpcLimits(int maxRequestBytes, int maxBatchSize) {
    /** Defaults in line with geth (5 MiB bodies) and Besu (batches of 1024). */
    public static final RpcLimits DEFAULT = new RpcLimits(5 * 1024 * 1024, 1024);

    public RpcLimits {
        if (maxRequestBytes <= 0 || maxBatchSize <= 0) throw new IllegalArgumentException("limits must be positive");
    }
}
