/**
 * What every node runs, whatever makes its blocks: the chain on RocksDB, the state, block execution, the pool and
 * the JSON-RPC server, wired from a {@link org.stele.node.wiring.NodeConfig}. The dev chain adds sealing and funded
 * accounts on top; a network node adds consensus.
 */
package org.stele.node.wiring;
