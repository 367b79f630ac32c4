/**
 * A whole-node load generator: it funds deterministic sender accounts, pre-signs plain transfers or ERC-20
 * transfers, submits them over JSON-RPC at an offered rate and reports confirmed throughput and submit-to-inclusion
 * latency. It talks only standard Ethereum JSON-RPC, so the same run drives {@code stele dev} and anvil alike.
 */
package org.stele.bench.load;
