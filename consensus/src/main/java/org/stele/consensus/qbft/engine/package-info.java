/**
 * The QBFT engine: one validator's protocol state as a pure state machine. {@link
 * org.stele.consensus.qbft.engine.QbftEngine#handle} takes one {@link org.stele.consensus.qbft.engine.Event} and
 * returns the {@link org.stele.consensus.qbft.engine.Action}s to carry out; it has no threads, sockets or clock.
 */
package org.stele.consensus.qbft.engine;
