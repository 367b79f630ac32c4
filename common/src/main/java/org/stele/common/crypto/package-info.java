/**
 * Hashing and signatures. A chain chooses its crypto suite in genesis ({@code secp256k1-keccak} or {@code sm2-sm3},
 * looked up with {@link org.stele.common.crypto.CryptoSuites#byName}); code asks the suite rather than naming an
 * algorithm. secp256k1 runs on libsecp256k1 through JNI with a BouncyCastle fallback that gives identical results;
 * Keccak-256 is hand-written because it is the node's hottest function.
 */
package org.stele.common.crypto;
