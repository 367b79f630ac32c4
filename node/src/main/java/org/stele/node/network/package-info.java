/**
 * A network definition on disk: what {@code stele network init} writes (a Besu-shaped genesis.json with the
 * validators in its QBFT extra data, and one key and TOML configuration per node) and the ports it picks.
 */
package org.stele.node.network;
