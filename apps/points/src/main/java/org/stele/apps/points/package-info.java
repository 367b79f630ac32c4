/**
 * The points application's Java SDK and relayer: the compiled contracts ({@link
 * org.stele.apps.points.PointsContracts}), their calls, events and refusals through web3j's ABI codec ({@link
 * org.stele.apps.points.PointsCalls}, {@link org.stele.apps.points.PointsEvent}, {@link
 * org.stele.apps.points.PointsContracts}), EIP-712 forward requests ({@link org.stele.apps.points.ForwardRequest}), a
 * client for any node over JSON-RPC ({@link org.stele.apps.points.PointsClient}) and the operator's gas-paying relayer
 * ({@link org.stele.apps.points.Relayer}, served over HTTP by {@link org.stele.apps.points.RelayerServer}). The
 * contracts are the only record: nothing here keeps state of its own beyond the relayer's rate limits.
 */
package org.stele.apps.points;
