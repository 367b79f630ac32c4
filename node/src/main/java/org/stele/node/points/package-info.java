/**
 * The points application's relayer inside a node (docs/points.md): the JSON-RPC methods {@code points_relayerConfig}
 * and {@code points_relay} that a dev node and, when configured, a member's {@code stele node} serve, so pages served
 * by the node reach the relayer under their same-origin policy.
 */
package org.stele.node.points;
