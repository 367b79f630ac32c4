package org.stele.rpc;

/**
 * Limits on what one client may ask of the server. Each one, when hit, is answered with a clear JSON-RPC error and
 * leaves the server serving everyone else.
 *
 * @param maxRequestBytes largest HTTP body or WebSocket message accepted ({@code --rpc.max-request-size})
 * @param maxBatchSize most calls in one batch ({@code --rpc.batch-request-limit})
 * @param maxSubscriptionsPerConnection most {@code eth_subscribe} subscriptions one WebSocket connection may hold
 *            ({@code --ws.max-subscriptions})
 * @param maxTraceBytes largest struct-log trace a debug method builds, counted as the JSON it is written as
 *            ({@code --rpc.trace-limit}); past it the trace is refused and the caller told to use {@code disableStack},
 *            a {@code limit} or a tracer
 */
public record RpcLimits(int maxRequestBytes, int maxBatchSize, int maxSubscriptionsPerConnection, long maxTraceBytes) {
    /**
     * Defaults in line with geth (5 MiB bodies) and Besu (batches of 1024); 100 subscriptions a connection; traces up
     * to 64 MiB of JSON, which a node with a 512 MiB heap builds and sends without strain.
     */
    public static final RpcLimits DEFAULT = new RpcLimits(5 * 1024 * 1024, 1024, 100, 64L << 20);

    public RpcLimits {
        if (maxRequestBytes <= 0 || maxBatchSize <= 0 || maxSubscriptionsPerConnection <= 0 || maxTraceBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Request and batch limits, with the defaults for the rest. */
    public RpcLimits(int maxRequestBytes, int maxBatchSize) {
        this(maxRequestBytes, maxBatchSize, DEFAULT.maxSubscriptionsPerConnection(), DEFAULT.maxTraceBytes());
    }
}
