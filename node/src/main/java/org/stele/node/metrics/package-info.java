/**
 * The node's Prometheus metrics: {@link org.stele.node.metrics.NodeMetrics} is the one facade that the chain, the
 * pool, RPC, P2P, QBFT and sync report to (consensus itself stays free of Micrometer), and
 * {@link org.stele.node.metrics.MetricsServer} serves them at {@code /metrics} on their own port, as Besu does.
 */
package org.stele.node.metrics;
