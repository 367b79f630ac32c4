/**
 * The notary application's Java SDK: document hashing (SHA-256, or SM3) and the batch Merkle tree
 * ({@link org.stele.apps.notary.HashAlgorithm}, {@link org.stele.apps.notary.MerkleTree}), the Notary contract's
 * calls, events and refusals ({@link org.stele.apps.notary.NotaryCalls}, {@link org.stele.apps.notary.NotaryEvent},
 * {@link org.stele.apps.notary.NotaryContracts}), EIP-712 signatures of a document
 * ({@link org.stele.apps.notary.NotarySignatures}), a client for any node ({@link org.stele.apps.notary.NotaryClient}),
 * and the {@code stele-notary/1} proof file with its offline verifier
 * ({@link org.stele.apps.notary.NotaryProof}, {@link org.stele.apps.notary.NotaryProofVerifier}), which checks the
 * anchoring and signing transactions with the proof module. Documents never leave the caller: only hashes are sent.
 */
package org.stele.apps.notary;
