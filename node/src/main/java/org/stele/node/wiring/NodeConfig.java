package org.stele.node.wiring;

import java.nio.file.Path;
import org.stele.node.logging.LoggingConfig;
import org.stele.node.metrics.MetricsConfig;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.txpool.TxPoolConfig;

/**
 * What every node is configured with. Each component's own components are configuration keys ({@code data-path},
 * {@code rpc-http-port}, {@code tx-pool-max-total}...), so a setting added to {@link RpcServerConfig} or
 * {@link TxPoolConfig} is read from flags, environment and file with no further code.
 *
 * @param dataPath where the chain is kept
 * @param rpcHttp the JSON-RPC server (HTTP and WebSocket on one port)
 * @param txPool the transaction pool's limits and prices
 * @param logging the log format and level ({@code logging-format}, {@code logging-level})
 * @param metrics the Prometheus endpoint ({@code metrics-enabled}, {@code metrics-host}, {@code metrics-port})
 */
public record NodeConfig(Path dataPath, RpcServerConfig rpcHttp, TxPoolConfig txPool, LoggingConfig logging,
        MetricsConfig metrics) {}
