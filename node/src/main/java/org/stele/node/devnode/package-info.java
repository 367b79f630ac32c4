/**
 * The single-node development chain: one process that holds the chain on RocksDB, takes transactions over
 * JSON-RPC, and seals a block as soon as transactions are pending (or on a fixed block time).
 */
package org.stele.node.devnode;
