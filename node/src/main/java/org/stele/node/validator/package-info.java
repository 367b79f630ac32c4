/**
 * A member's node on a QBFT network: the seal check every imported block passes, the configuration of a network node,
 * and the live QBFT service that runs the pure engine of {@code consensus} on one event thread over the {@code p2p}
 * transport, with real timers, the write-ahead log and the block importer.
 */
package org.stele.node.validator;
