/**
 * Receipts anyone can verify offline: the {@code stele-proof/1} document (a transaction, its receipt, their Merkle
 * proofs, the sealed header and the validator-set history back to genesis), how a node builds it from what it
 * stores, and the verifier that checks it with nothing but the file and a trusted genesis. The format is described in
 * {@code docs/proofs.md}; the JavaScript verifier in {@code clients/proof-js} checks the same things in the same order.
 */
package org.stele.proof;
