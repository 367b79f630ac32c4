package org.stele.common.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The secp256k1 constants both backends share, and the range checks on scalars that run before any curve arithmetic
 * so that the native and the pure-Java backend reject exactly the same inputs.
 */
final class Secp256k1Curve {
    /**
     * The group order (SEC 2 §2.4.1). Written out rather than read from BouncyCastle's curve so that the native path
     * never loads BouncyCastle's curve classes, which costs most of a second at start-up.
     */
    static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    static final BigInteger HALF_N = N.shiftRight(1);

    private static final byte[] N_BYTES = to32(N);
    private static final byte[] HALF_N_BYTES = to32(HALF_N);
    private static final byte[] ZERO = new byte[32];

    private Secp256k1Curve() {
    }

    /** 1 <= v < n, for a 32-byte big-endian scalar (r, s or a private key). */
    static boolean isValidScalar(byte[] v, int offset) {
        return Arrays.compareUnsigned(v, offset, offset + 32, N_BYTES, 0, 32) < 0
                && !Arrays.equals(v, offset, offset + 32, ZERO, 0, 32);
    }

    /** s <= n/2, the only s that EIP-2 (Homestead) accepts in a transaction signature. */
    static boolean isLowS(byte[] v, int offset) {
        return Arrays.compareUnsigned(v, offset, offset + 32, HALF_N_BYTES, 0, 32) <= 0;
    }

    static byte[] to32(BigInteger v) {
        byte[] raw = v.toByteArray();
        if (raw.length == 32)
            return raw;
        byte[] out = new byte[32];
        if (raw.length > 32)
            System.arraycopy(raw, raw.length - 32, out, 0, 32); // drop the sign byte
        else
            System.arraycopy(raw, 0, out, 32 - raw.length, raw.length);
        return out;
    }
}
