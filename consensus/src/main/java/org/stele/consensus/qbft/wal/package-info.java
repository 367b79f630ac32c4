/**
 * The validator's write-ahead log: every message it signs (and the prepared certificate that justifies a COMMIT) is
 * made durable before it is sent, so that after a crash it recovers its round and prepared state and never signs two
 * different values for one height and round. A file implementation for nodes, an in-memory one for simulations.
 */
package org.stele.consensus.qbft.wal;
