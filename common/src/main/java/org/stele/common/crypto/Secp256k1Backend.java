package org.stele.common.crypto;

/**
 * The curve arithmetic behind {@link Secp256k1KeccakSuite}: libsecp256k1 through JNI, or BouncyCastle when the native
 * library cannot load. Arguments are already checked by the suite (lengths, 1 <= r, s, d < n, recovery id 0 or 1), so
 * both backends see the same inputs and must give the same answers.
 */
sealed interface Secp256k1Backend permits NativeSecp256k1Backend, BouncyCastleSecp256k1Backend {
    /** A short name for logs and benchmarks. */
    String name();

    /** The uncompressed public key (65 bytes, 0x04 || x || y) of a valid private key. */
    byte[] publicKey(byte[] privateKey);

    /** A deterministic (RFC 6979, HMAC-SHA256) signature r || s with s normalised to the low half (EIP-2). */
    byte[] sign(byte[] hash, byte[] privateKey);

    /** Whether r || s (low s) signs the hash for the uncompressed 65-byte public key; false for off-curve keys. */
    boolean verify(byte[] hash, byte[] signature, byte[] publicKey);

    /** The uncompressed 65-byte public key recovered from r || s, or null when no point recovers. */
    byte[] recover(byte[] hash, byte[] signature, int recoveryId);
}
