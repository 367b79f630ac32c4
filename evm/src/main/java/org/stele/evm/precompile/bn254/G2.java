package org.stele.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Points of G2 on the sextic twist y² = x³ + 3/ξ over Fp2, in affine coordinates ({@code null} is infinity). The
 * twist has a large cofactor, so decoded points are checked for membership in the order-r subgroup.
 */
record G2(Fp2 x, Fp2 y) {
    static final Fp2 B = Fp2.of(Fp.of(3)).mul(Fp2.XI.inverse());

    /** ξ^((p−1)/3) and ξ^((p−1)/2): untwist–Frobenius–twist multiplies x and y by these after conjugation. */
    private static final Fp2 FROBENIUS_X = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    private static final Fp2 FROBENIUS_Y = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).shiftRight(1));

    boolean isOnCurve() {
        return y.square().equals(x.square().mul(x).add(B));
    }

    G2 negate() {
        return new G2(x, y.neg());
    }

    /** The p-power Frobenius endomorphism, acting on G2 as multiplication by p. */
    G2 frobenius() {
        return new G2(x.conjugate().mul(FROBENIUS_X), y.conjugate().mul(FROBENIUS_Y));
    }

    /**
     * Whether r·Q is infinity. The Jacobian formulas below treat every special case (infinity, P = Q, P = −Q)
     * explicitly, so points of small order on the twist cannot slip through a degenerate formula.
     */
    boolean inSubgroup() {
        Fp2[] base = {x, y, Fp2.ONE};
        Fp2[] acc = null;
        BigInteger k = Pairing.R;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = doubleJacobian(acc);
            if (k.testBit(i)) acc = addJacobian(acc, base);
        }
        return acc == null;
    }

    /** {@code k·p} in affine coordinates (null = infinity). */
    static G2 mul(G2 p, BigInteger k) {
        if (p == null) return null;
        Fp2[] base = {p.x, p.y, Fp2.ONE};
        Fp2[] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = doubleJacobian(acc);
            if (k.testBit(i)) acc = addJacobian(acc, base);
        }
        if (acc == null) return null;
        Fp2 zInv = acc[2].inverse();
        Fp2 zInv2 = zInv.square();
        return new G2(acc[0].mul(zInv2), acc[1].mul(zInv2).mul(zInv));
    }

    /** dbl-2009-l (a = 0). Null is infinity. */
    private static Fp2[] doubleJacobian(Fp2[] p) {
        if (p == null || p[1].isZero()) return null;
        Fp2 a = p[0].square();
        Fp2 b = p[1].square();
        Fp2 c = b.square();
        Fp2 d = p[0].add(b).square().sub(a).sub(c).dbl();
        Fp2 e = a.dbl().add(a);
        Fp2 x3 = e.square().sub(d.dbl());
        Fp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
        Fp2 z3 = p[1].dbl().mul(p[2]);
        return new Fp2[]{x3, y3, z3};
    }

    /** add-2007-bl. Null is infinity. */
    private static Fp2[] addJacobian(Fp2[] p, Fp2[] q) {
        if (p == null) return q;
        if (q == null) return p;
        Fp2 z1z1 = p[2].square();
        Fp2 z2z2 = q[2].square();
        Fp2 u1 = p[0].mul(z2z2);
        Fp2 u2 = q[0].mul(z1z1);
        Fp2 s1 = p[1].mul(q[2]).mul(z2z2);
        Fp2 s2 = q[1].mul(p[2]).mul(z1z1);
        if (u1.equals(u2)) {
            return s1.equals(s2) ? doubleJacobian(p) : null;
        }
        Fp2 h = u2.sub(u1);
        Fp2 i = h.dbl().square();
        Fp2 j = h.mul(i);
        Fp2 r = s2.sub(s1).dbl();
        Fp2 v = u1.mul(i);
        Fp2 x3 = r.square().sub(j).sub(v.dbl());
        Fp2 y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
        Fp2 z3 = p[2].add(q[2]).square().sub(z1z1).sub(z2z2).mul(h);
        return new Fp2[]{x3, y3, z3};
    }
}
