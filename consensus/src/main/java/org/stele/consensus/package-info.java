/**
 * Consensus: QBFT (the EEA's Byzantine fault tolerant protocol) as a pure state machine. Nothing here opens
 * sockets, starts threads or reads a clock; the node feeds events in and carries the resulting actions out.
 */
package org.stele.consensus;
