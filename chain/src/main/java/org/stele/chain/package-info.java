/**
 * Ethereum's block-level data as Stele stores and hashes it: headers (with an extra-data field that carries QBFT's
 * seals), bodies, withdrawals, typed receipts, logs and the 2048-bit logs bloom. Everything here encodes to the
 * exact RLP Ethereum uses, and hashes through the chain's {@link org.stele.common.crypto.CryptoSuite}.
 */
package org.stele.chain;
