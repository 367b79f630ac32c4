package org.stele.common.crypto;

import java.security.SecureRandom;
import org.stele.common.Address;

/**
 * The hash and signature scheme a chain chose in genesis. Everything that hashes a block, derives an address or
 * checks a signature asks the chain's suite; nothing outside the suites names Keccak, SM3, secp256k1 or SM2.
 */
public interface CryptoSuite {
    /** The name used in genesis and configuration: {@code secp256k1-keccak} or {@code sm2-sm3}. */
    String name();

    /** The chain's 32-byte hash (Keccak-256 or SM3). */
    byte[] hash(byte[] data);

    KeyPair generateKeyPair(SecureRandom random);

    /** The key pair for a 32-byte private key; rejects zero and values not below the curve order. */
    KeyPair keyPair(byte[] privateKey);

    /** Signs a 32-byte message hash. Signatures are deterministic (RFC 6979 or its SM2 counterpart). */
    Signature sign(byte[] messageHash, KeyPair key);

    boolean verify(byte[] messageHash, Signature signature, PublicKey publicKey);

    /**
     * The signer's public key: recovered from the signature on secp256k1, read from the signature on SM2 (which
     * carries it) after verifying. Throws {@link InvalidSignatureException} when the signature is invalid.
     */
    PublicKey recover(byte[] messageHash, Signature signature);

    /**
     * The signer's address: {@code address(recover(messageHash, signature))}, which suites may compute more cheaply.
     * Throws {@link InvalidSignatureException} when the signature is invalid.
     */
    default Address recoverAddress(byte[] messageHash, Signature signature) {
        return address(recover(messageHash, signature));
    }

    /** The account address of a public key: the low 20 bytes of the suite's hash of the uncompressed key (x || y). */
    Address address(PublicKey publicKey);
}
