package org.stele.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * 0x0a (EIP-4844): verifies a KZG proof that the blob committed to by {@code commitment} evaluates to {@code y} at
 * {@code z}. Input is exactly 192 bytes: versioned_hash (32), z (32), y (32), commitment (48), proof (48); 50000 gas.
 * The versioned hash must be 0x01 followed by the last 31 bytes of sha256(commitment). On success the output is
 * FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte words; everything else fails the call.
 *
 * <p>
 * The trusted setup is loaded on the first call that gets as far as verifying (about 2.5 s of CPU inside c-kzg), so
 * building a Cancun precompile set stays cheap; a node calls {@link KzgSetup#ensureLoaded()} at startup instead, so
 * that a platform without the native library fails there rather than in the middle of a block.
 */
final class KzgPointEvaluation implements Precompile {
    static final int INPUT_LENGTH = 192;
    private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
    private static final byte[] SUCCESS = successOutput();

    @Override
    public String name() {
        return "kzgPointEvaluation";
    }

    @Override
    public long gasCost(byte[] input) {
        return 50_000;
    }

    @Override
    public byte[] compute(byte[] input) throws PrecompileFailure {
        if (input.length != INPUT_LENGTH) {
            throw new PrecompileFailure(
                    "point evaluation input must be " + INPUT_LENGTH + " bytes, got " + input.length);
        }
        byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
        byte[] z = Arrays.copyOfRange(input, 32, 64);
        byte[] y = Arrays.copyOfRange(input, 64, 96);
        byte[] commitment = Arrays.copyOfRange(input, 96, 144);
        byte[] proof = Arrays.copyOfRange(input, 144, 192);
        if (!Arrays.equals(versionedHash, versionedHash(commitment))) {
            throw new PrecompileFailure("versioned hash does not match the commitment");
        }
        KzgSetup.ensureLoaded();
        boolean valid;
        try {
            valid = CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
        } catch (CKZGException e) {
            // Non-canonical field elements and bytes that do not decode to curve points.
            throw new PrecompileFailure("invalid point evaluation input: " + e.getErrorMessage());
        }
        if (!valid) throw new PrecompileFailure("KZG proof does not verify");
        return SUCCESS.clone();
    }

    /** 0x01 || sha256(commitment)[1..32]. */
    static byte[] versionedHash(byte[] commitment) {
        SHA256Digest d = new SHA256Digest();
        d.update(commitment, 0, commitment.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        h[0] = VERSIONED_HASH_VERSION_KZG;
        return h;
    }

    private static byte[] successOutput() {
        byte[] out = new byte[64];
        put(out, 0, BigInteger.valueOf(CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB));
        put(out, 32, CKZG4844JNI.BLS_MODULUS);
        return out;
    }

    private static void put(byte[] out, int off, BigInteger v) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }
}
