package org.stele.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * Points of G2 on the sextic twist y² = x³ + 3/ξ over Fp2, in affine coordinates ({@code null} is infinity). The
 * twist has a large cofactor, so decoded points are checked for membership in the order-r subgroup.
 */
record G2(Fp2 x, Fp2 y) {
    static final Fp2 B = Fp2.of(BigInteger.valueOf(3)).mul(Fp2.XI.inverse());

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

    static G2 add(G2 p, G2 q) {
        if (p == null) return q;
        if (q == null) return p;
        if (p.x.equals(q.x)) {
            return p.y.equals(q.y) ? dbl(p) : null;
        }
        Fp2 lambda = q.y.sub(p.y).mul(q.x.sub(p.x).inverse());
        return withSlope(p, q.x, lambda);
    }

    static G2 dbl(G2 p) {
        if (p == null || p.y.isZero()) return null;
        Fp2 xx = p.x.square();
        Fp2 lambda = xx.add(xx).add(xx).mul(p.y.dbl().inverse());
        return withSlope(p, p.x, lambda);
    }

    /** The third intersection of the line of slope {@code lambda} through p and (qx, ·), negated. */
    static G2 withSlope(G2 p, Fp2 qx, Fp2 lambda) {
        Fp2 x3 = lambda.square().sub(p.x).sub(qx);
        Fp2 y3 = lambda.mul(p.x.sub(x3)).sub(p.y);
        return new G2(x3, y3);
    }

    static G2 mul(G2 p, BigInteger k) {
        G2 acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = dbl(acc);
            if (k.testBit(i)) acc = add(acc, p);
        }
        return acc;
    }
}
