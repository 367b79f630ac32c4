package org.stele.common.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The secp256k1 constants both backends share, and the range checks on scalars that run before any curve arithmetic
 * so that the native and the pure-Java backend reject exactly the same inputs.
 */
final class Secp256k1Curve {
    /** BouncyCastle's custom curve, which uses the GLV endomorphism: several times faster than the generic one. */
    static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(),
            PARAMS.getH());
    static final BigInteger N = PARAMS.getN();
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
