/**
 * QBFT's messages: PROPOSAL, PREPARE, COMMIT and ROUND-CHANGE as records in a sealed hierarchy, their signed
 * payloads and justifications, and their RLP, byte-identical to Besu's and GoQuorum's (checked against the public
 * {@code qbft-tests} vectors). Decoding recovers every signer and fails with a typed error, never a crash.
 */
package org.stele.consensus.qbft.message;
