package org.stele.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Points of G1: y² = x³ + 3 over Fp (cofactor 1, so every curve point is in the group). An affine point is
 * {@code {x, y}} of field elements, with {@code null} for the point at infinity; arithmetic runs in Jacobian
 * coordinates {@code {X, Y, Z}}.
 */
final class G1 {
    private static final long[] B = Fp.of(3);

    private G1() {
    }

    static boolean isOnCurve(long[] x, long[] y) {
        return Fp.equal(Fp.square(y), Fp.add(Fp.mul(Fp.square(x), x), B));
    }

    /** Sum of two affine points (null = infinity). */
    static long[][] add(long[][] p, long[][] q) {
        if (p == null) return q;
        if (q == null) return p;
        return toAffine(addJacobian(jacobian(p), jacobian(q)));
    }

    /** {@code k·p} for any non-negative scalar (not reduced: the group order divides it out anyway). */
    static long[][] mul(long[][] p, BigInteger k) {
        if (p == null || k.signum() == 0) return null;
        long[][] base = jacobian(p);
        long[][] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = doubleJacobian(acc);
            if (k.testBit(i)) acc = addJacobian(acc, base);
        }
        return toAffine(acc);
    }

    private static long[][] jacobian(long[][] p) {
        return new long[][]{p[0], p[1], Fp.ONE};
    }

    private static long[][] toAffine(long[][] j) {
        if (j == null) return null;
        long[] zInv = Fp.inv(j[2]);
        long[] zInv2 = Fp.square(zInv);
        return new long[][]{Fp.mul(j[0], zInv2), Fp.mul(j[1], Fp.mul(zInv2, zInv))};
    }

    /** dbl-2009-l (a = 0). Null is infinity. */
    private static long[][] doubleJacobian(long[][] p) {
        if (p == null || Fp.isZero(p[1])) return null;
        long[] x = p[0], y = p[1], z = p[2];
        long[] a = Fp.square(x);
        long[] b = Fp.square(y);
        long[] c = Fp.square(b);
        long[] d = Fp.dbl(Fp.sub(Fp.sub(Fp.square(Fp.add(x, b)), a), c));
        long[] e = Fp.add(Fp.dbl(a), a);
        long[] f = Fp.square(e);
        long[] x3 = Fp.sub(f, Fp.dbl(d));
        long[] c8 = Fp.dbl(Fp.dbl(Fp.dbl(c)));
        long[] y3 = Fp.sub(Fp.mul(e, Fp.sub(d, x3)), c8);
        long[] z3 = Fp.mul(Fp.dbl(y), z);
        return new long[][]{x3, y3, z3};
    }

    /** add-2007-bl. Null is infinity. */
    private static long[][] addJacobian(long[][] p, long[][] q) {
        if (p == null) return q;
        if (q == null) return p;
        long[] z1z1 = Fp.square(p[2]);
        long[] z2z2 = Fp.square(q[2]);
        long[] u1 = Fp.mul(p[0], z2z2);
        long[] u2 = Fp.mul(q[0], z1z1);
        long[] s1 = Fp.mul(Fp.mul(p[1], q[2]), z2z2);
        long[] s2 = Fp.mul(Fp.mul(q[1], p[2]), z1z1);
        if (Fp.equal(u1, u2)) {
            return Fp.equal(s1, s2) ? doubleJacobian(p) : null;
        }
        long[] h = Fp.sub(u2, u1);
        long[] i = Fp.square(Fp.dbl(h));
        long[] j = Fp.mul(h, i);
        long[] r = Fp.dbl(Fp.sub(s2, s1));
        long[] v = Fp.mul(u1, i);
        long[] x3 = Fp.sub(Fp.sub(Fp.square(r), j), Fp.dbl(v));
        long[] y3 = Fp.sub(Fp.mul(r, Fp.sub(v, x3)), Fp.dbl(Fp.mul(s1, j)));
        long[] z3 = Fp.mul(Fp.sub(Fp.sub(Fp.square(Fp.add(p[2], q[2])), z1z1), z2z2), h);
        return new long[][]{x3, y3, z3};
    }
}
