/**
 * web3j, the Java Ethereum client from Maven Central, driven against a dev node: anvil as the reference, or
 * {@code stele dev} through {@code STELE_RPC_URL}. It owns the node lifecycle for the suite ({@link DevNode}), the
 * solc-js compiled contracts ({@link ContractArtifacts}) and the well-known dev accounts ({@link DevAccounts}).
 */
package org.stele.clients.web3j;
