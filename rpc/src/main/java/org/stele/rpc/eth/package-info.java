/**
 * The {@code eth_*} namespace: one class per method, reading the chain through {@link org.stele.rpc.eth.EthBackend}
 * and answering in the shapes of the Ethereum execution-apis specification.
 */
package org.stele.rpc.eth;
