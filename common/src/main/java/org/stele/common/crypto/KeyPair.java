package org.stele.common.crypto;

import org.stele.common.Bytes;

/** A private key (32 bytes) and its public key. */
public record KeyPair(Bytes privateKey, PublicKey publicKey) {
    @Override
    public String toString() {
        return "KeyPair[publicKey=" + publicKey + "]"; // never print the private key
    }
}
