package org.stele.evm.precompile.bn254;

import java.math.BigInteger;

/** {@code c0 + c1·w} in Fp12 = Fp6[w]/(w² − v), the pairing's target field. */
record Fp12(Fp6 c0, Fp6 c1) {
    static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

    /**
     * γ_k = ξ^(k(p−1)/6) for k = 0..5: the Frobenius map sends g·w^k (g ∈ Fp2) to conj(g)·γ_k·w^k, since w⁶ = ξ.
     */
    private static final Fp2[] FROBENIUS_GAMMA = new Fp2[6];
    static {
        BigInteger e = Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
        Fp2 g = Fp2.XI.pow(e);
        FROBENIUS_GAMMA[0] = Fp2.ONE;
        for (int k = 1; k < 6; k++) {
            FROBENIUS_GAMMA[k] = FROBENIUS_GAMMA[k - 1].mul(g);
        }
    }

    Fp12 mul(Fp12 o) {
        Fp6 t0 = c0.mul(o.c0);
        Fp6 t1 = c1.mul(o.c1);
        Fp6 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1);
        return new Fp12(t0.add(t1.mulByV()), r1);
    }

    /** Complex squaring: (c0 + c1 w)² = (c0 + c1)(c0 + v c1) − t − v t + 2t·w with t = c0 c1. */
    Fp12 square() {
        Fp6 t = c0.mul(c1);
        Fp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(t).sub(t.mulByV());
        return new Fp12(r0, t.add(t));
    }

    /** The p⁶-power Frobenius, which negates w. */
    Fp12 conjugate() {
        return new Fp12(c0, c1.neg());
    }

    Fp12 inverse() {
        Fp6 t = c0.mul(c0).sub(c1.mul(c1).mulByV()).inverse();
        return new Fp12(c0.mul(t), c1.neg().mul(t));
    }

    /** The p-power Frobenius. Coefficients of w^k are c0 = (w⁰, w², w⁴) and c1 = (w¹, w³, w⁵). */
    Fp12 frobenius() {
        Fp6 r0 = new Fp6(c0.c0().conjugate(), c0.c1().conjugate().mul(FROBENIUS_GAMMA[2]),
                c0.c2().conjugate().mul(FROBENIUS_GAMMA[4]));
        Fp6 r1 = new Fp6(c1.c0().conjugate().mul(FROBENIUS_GAMMA[1]), c1.c1().conjugate().mul(FROBENIUS_GAMMA[3]),
                c1.c2().conjugate().mul(FROBENIUS_GAMMA[5]));
        return new Fp12(r0, r1);
    }

    boolean isOne() {
        return equals(ONE);
    }
}
