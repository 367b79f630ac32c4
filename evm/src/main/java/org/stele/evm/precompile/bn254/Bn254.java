package org.stele.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stele.evm.precompile.PrecompileFailure;

/**
 * The alt_bn128 operations of EIP-196 and EIP-197 on their byte encodings. Field elements are 32-byte big-endian
 * integers that must be below p; (0, 0) encodes the point at infinity; a G2 coordinate a·i + b is encoded as a then
 * b. Points off the curve, and G2 points outside the order-r subgroup, are rejected.
 */
public final class Bn254 {
    public static final int G1_SIZE = 64;
    public static final int G2_SIZE = 128;
    public static final int PAIR_SIZE = G1_SIZE + G2_SIZE;

    private static final byte[] TRUE = word(1);
    private static final byte[] FALSE = word(0);

    private Bn254() {
    }

    /** EIP-196 ECADD: two G1 points from the first 128 bytes (zero-padded), their sum as 64 bytes. */
    public static byte[] add(byte[] input) throws PrecompileFailure {
        byte[] in = Arrays.copyOf(input, 2 * G1_SIZE);
        long[][] a = decodeG1(in, 0);
        long[][] b = decodeG1(in, G1_SIZE);
        return encodeG1(G1.add(a, b));
    }

    /** EIP-196 ECMUL: a G1 point and a 256-bit scalar from the first 96 bytes (zero-padded), the product. */
    public static byte[] mul(byte[] input) throws PrecompileFailure {
        byte[] in = Arrays.copyOf(input, G1_SIZE + 32);
        long[][] p = decodeG1(in, 0);
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(in, G1_SIZE, G1_SIZE + 32));
        return encodeG1(G1.mul(p, k));
    }

    /**
     * EIP-197: input is k pairs (G1, G2) of 192 bytes; returns the 32-byte word 1 when the product of their pairings is
     * one (true for k = 0) and 0 otherwise.
     */
    public static byte[] pairingCheck(byte[] input) throws PrecompileFailure {
        if (input.length % PAIR_SIZE != 0) {
            throw new PrecompileFailure("pairing input length " + input.length + " is not a multiple of " + PAIR_SIZE);
        }
        List<Pairing.Pair> pairs = new ArrayList<>();
        for (int off = 0; off < input.length; off += PAIR_SIZE) {
            long[][] p = decodeG1(input, off);
            G2 q = decodeG2(input, off + G1_SIZE);
            // e(O, Q) = e(P, O) = 1, so such pairs drop out after validation.
            if (p != null && q != null) pairs.add(new Pairing.Pair(p, q));
        }
        return Pairing.productIsOne(pairs) ? TRUE.clone() : FALSE.clone();
    }

    private static long[][] decodeG1(byte[] in, int off) throws PrecompileFailure {
        BigInteger x = field(in, off);
        BigInteger y = field(in, off + 32);
        if (x.signum() == 0 && y.signum() == 0) return null;
        long[][] p = {Fp.of(x), Fp.of(y)};
        if (!G1.isOnCurve(p[0], p[1])) throw new PrecompileFailure("G1 point is not on the curve");
        return p;
    }

    private static G2 decodeG2(byte[] in, int off) throws PrecompileFailure {
        BigInteger xIm = field(in, off);
        BigInteger xRe = field(in, off + 32);
        BigInteger yIm = field(in, off + 64);
        BigInteger yRe = field(in, off + 96);
        if (xIm.signum() == 0 && xRe.signum() == 0 && yIm.signum() == 0 && yRe.signum() == 0) return null;
        G2 q = new G2(Fp2.of(xRe, xIm), Fp2.of(yRe, yIm));
        if (!q.isOnCurve()) throw new PrecompileFailure("G2 point is not on the twist curve");
        if (!q.inSubgroup()) throw new PrecompileFailure("G2 point is not in the order-r subgroup");
        return q;
    }

    private static BigInteger field(byte[] in, int off) throws PrecompileFailure {
        BigInteger v = new BigInteger(1, Arrays.copyOfRange(in, off, off + 32));
        if (v.compareTo(Fp.P) >= 0) throw new PrecompileFailure("coordinate is not below the field modulus");
        return v;
    }

    private static byte[] encodeG1(long[][] p) {
        byte[] out = new byte[G1_SIZE];
        if (p != null) {
            put(out, 0, Fp.toBigInteger(p[0]));
            put(out, 32, Fp.toBigInteger(p[1]));
        }
        return out;
    }

    private static void put(byte[] out, int off, BigInteger v) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }

    private static byte[] word(int v) {
        byte[] w = new byte[32];
        w[31] = (byte) v;
        return w;
    }
}
