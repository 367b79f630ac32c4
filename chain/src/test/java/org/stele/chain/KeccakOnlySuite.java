package org.stele.chain;

import java.security.SecureRandom;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.PublicKey;
import org.stele.common.crypto.Signature;

/** A suite that only hashes, for block-level tests that never sign. */
final class KeccakOnlySuite implements CryptoSuite {
    @Override
    public String name() {
        return "keccak-only";
    }

    @Override
    public byte[] hash(byte[] data) {
        return Keccak256.hash(data);
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        throw new UnsupportedOperationException();
    }

    @Override
    public KeyPair keyPair(byte[] privateKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Signature sign(byte[] messageHash, KeyPair key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean verify(byte[] messageHash, Signature signature, PublicKey publicKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PublicKey recover(byte[] messageHash, Signature signature) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Address address(PublicKey publicKey) {
        throw new UnsupportedOperationException();
    }
}
