package org.stele.common.crypto;

import fr.acinq.secp256k1.Secp256k1;

/**
 * libsecp256k1 (Bitcoin Core's library) through the fr.acinq JNI binding with its bundled Linux natives. Its context
 * is immutable after creation, so one instance serves all threads.
 */
final class NativeSecp256k1Backend implements Secp256k1Backend {
    private final Secp256k1 lib;

    private NativeSecp256k1Backend(Secp256k1 lib) {
        this.lib = lib;
    }

    /**
     * Loads the native library; throws whatever the loader throws (usually a LinkageError or IllegalStateException).
     */
    static NativeSecp256k1Backend load() {
        Secp256k1 lib = Secp256k1.get();
        // Touch the library once, so that a broken native fails here and not on the first transaction.
        byte[] one = new byte[32];
        one[31] = 1;
        lib.pubkeyCreate(one);
        return new NativeSecp256k1Backend(lib);
    }

    @Override
    public String name() {
        return "libsecp256k1";
    }

    @Override
    public byte[] publicKey(byte[] privateKey) {
        return lib.pubkeyCreate(privateKey);
    }

    @Override
    public byte[] sign(byte[] hash, byte[] privateKey) {
        return lib.sign(hash, privateKey, null); // no extra entropy: plain RFC 6979, and libsecp256k1 emits low s
    }

    @Override
    public boolean verify(byte[] hash, byte[] signature, byte[] publicKey) {
        try {
            return lib.verify(signature, hash, publicKey);
        } catch (RuntimeException notOnCurve) {
            return false;
        }
    }

    @Override
    public byte[] recover(byte[] hash, byte[] signature, int recoveryId) {
        try {
            return lib.ecdsaRecover(signature, hash, recoveryId);
        } catch (RuntimeException noPoint) {
            return null;
        }
    }
}
