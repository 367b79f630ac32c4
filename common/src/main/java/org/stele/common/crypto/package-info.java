/**
 * Hashing and signatures. A chain chooses its crypto suite in genesis ({@code secp256k1-keccak} or
 * {@code sm2-sm3}); code asks the suite rather than naming an algorithm.
 */
package org.stele.common.crypto;
