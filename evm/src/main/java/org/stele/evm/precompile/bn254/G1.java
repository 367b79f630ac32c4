package org.stele.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Points of G1: y² = x³ + 3 over Fp (cofactor 1, so every curve point is in the group). Affine points are
 * {@code BigInteger[2]} with {@code null} for the point at infinity; arithmetic runs in Jacobian coordinates.
 */
final class G1 {
    static final BigInteger B = BigInteger.valueOf(3);

    private G1() {
    }

    static boolean isOnCurve(BigInteger x, BigInteger y) {
        BigInteger lhs = Fp.mul(y, y);
        BigInteger rhs = Fp.add(Fp.mul(Fp.mul(x, x), x), B);
        return lhs.equals(rhs);
    }

    /** Sum of two affine points (null = infinity). */
    static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        if (p == null) return q;
        if (q == null) return p;
        return toAffine(addJacobian(jacobian(p), jacobian(q)));
    }

    /** {@code k·p} for any non-negative scalar (not reduced: the group order divides it out anyway). */
    static BigInteger[] mul(BigInteger[] p, BigInteger k) {
        if (p == null || k.signum() == 0) return null;
        BigInteger[] base = jacobian(p);
        BigInteger[] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = doubleJacobian(acc);
            if (k.testBit(i)) acc = addJacobian(acc, base);
        }
        return toAffine(acc);
    }

    static BigInteger[] negate(BigInteger[] p) {
        return p == null ? null : new BigInteger[]{p[0], Fp.neg(p[1])};
    }

    private static BigInteger[] jacobian(BigInteger[] p) {
        return new BigInteger[]{p[0], p[1], BigInteger.ONE};
    }

    private static BigInteger[] toAffine(BigInteger[] j) {
        if (j == null) return null;
        BigInteger zInv = Fp.inv(j[2]);
        BigInteger zInv2 = Fp.mul(zInv, zInv);
        return new BigInteger[]{Fp.mul(j[0], zInv2), Fp.mul(j[1], Fp.mul(zInv2, zInv))};
    }

    /** dbl-2009-l (a = 0). Null is infinity. */
    private static BigInteger[] doubleJacobian(BigInteger[] p) {
        if (p == null || p[1].signum() == 0) return null;
        BigInteger x = p[0], y = p[1], z = p[2];
        BigInteger a = Fp.mul(x, x);
        BigInteger b = Fp.mul(y, y);
        BigInteger c = Fp.mul(b, b);
        BigInteger xb = Fp.add(x, b);
        BigInteger d = Fp.sub(Fp.sub(Fp.mul(xb, xb), a), c);
        d = Fp.add(d, d);
        BigInteger e = Fp.add(Fp.add(a, a), a);
        BigInteger f = Fp.mul(e, e);
        BigInteger x3 = Fp.sub(f, Fp.add(d, d));
        BigInteger c8 = Fp.mul(c, BigInteger.valueOf(8));
        BigInteger y3 = Fp.sub(Fp.mul(e, Fp.sub(d, x3)), c8);
        BigInteger z3 = Fp.mul(Fp.add(y, y), z);
        return new BigInteger[]{x3, y3, z3};
    }

    /** add-2007-bl. Null is infinity. */
    private static BigInteger[] addJacobian(BigInteger[] p, BigInteger[] q) {
        if (p == null) return q;
        if (q == null) return p;
        BigInteger z1z1 = Fp.mul(p[2], p[2]);
        BigInteger z2z2 = Fp.mul(q[2], q[2]);
        BigInteger u1 = Fp.mul(p[0], z2z2);
        BigInteger u2 = Fp.mul(q[0], z1z1);
        BigInteger s1 = Fp.mul(Fp.mul(p[1], q[2]), z2z2);
        BigInteger s2 = Fp.mul(Fp.mul(q[1], p[2]), z1z1);
        if (u1.equals(u2)) {
            return s1.equals(s2) ? doubleJacobian(p) : null;
        }
        BigInteger h = Fp.sub(u2, u1);
        BigInteger h2 = Fp.add(h, h);
        BigInteger i = Fp.mul(h2, h2);
        BigInteger j = Fp.mul(h, i);
        BigInteger r = Fp.sub(s2, s1);
        r = Fp.add(r, r);
        BigInteger v = Fp.mul(u1, i);
        BigInteger x3 = Fp.sub(Fp.sub(Fp.mul(r, r), j), Fp.add(v, v));
        BigInteger s1j = Fp.mul(s1, j);
        BigInteger y3 = Fp.sub(Fp.mul(r, Fp.sub(v, x3)), Fp.add(s1j, s1j));
        BigInteger zs = Fp.add(p[2], q[2]);
        BigInteger z3 = Fp.mul(Fp.sub(Fp.sub(Fp.mul(zs, zs), z1z1), z2z2), h);
        return new BigInteger[]{x3, y3, z3};
    }
}
