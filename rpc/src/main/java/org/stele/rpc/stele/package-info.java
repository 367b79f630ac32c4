/**
 * The {@code stele_*} namespace: what Stele offers beyond Ethereum's methods, starting with
 * {@code stele_getTransactionProof}, the offline-verifiable receipt of {@code docs/proofs.md}.
 */
package org.stele.rpc.stele;
