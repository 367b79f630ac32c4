package org.stele.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing on BN254, as a product check: ∏ e(P_i, Q_i) = 1. One Miller loop runs over all pairs (they
 * share the squarings of f), then one final exponentiation.
 *
 * <p>
 * The loop keeps T in homogeneous projective coordinates (X : Y : Z) on the twist, so it needs no inversions; lines
 * are scaled by factors in Fp2, which the final exponentiation maps to 1 (formulas after Costello–Lange–Naehrig and
 * Aranha et al., "Faster explicit formulas for computing pairings over ordinary curves", 2010).
 */
final class Pairing {
    /** The curve parameter u; the Miller loop runs over 6u + 2. */
    static final BigInteger U = new BigInteger("4965661367192848881");
    static final BigInteger ATE_LOOP_COUNT = U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
    /** The order of G1 and G2. */
    static final BigInteger R = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");

    /** (p⁴ − p² + 1)/r in base p, least significant first: the hard part of the final exponentiation. */
    private static final BigInteger[] HARD_PART_DIGITS = new BigInteger[4];
    private static final int HARD_PART_BITS;
    static {
        BigInteger p2 = Fp.P.pow(2);
        BigInteger[] qr = Fp.P.pow(4).subtract(p2).add(BigInteger.ONE).divideAndRemainder(R);
        if (qr[1].signum() != 0) throw new ExceptionInInitializerError("r does not divide p^4 - p^2 + 1");
        BigInteger e = qr[0];
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            HARD_PART_DIGITS[i] = e.mod(Fp.P);
            e = e.divide(Fp.P);
            bits = Math.max(bits, HARD_PART_DIGITS[i].bitLength());
        }
        if (e.signum() != 0)
            throw new ExceptionInInitializerError("hard part exponent has more than four base-p digits");
        HARD_PART_BITS = bits;
    }

    /** 3·b' of the twist, used by the doubling step. */
    private static final Fp2 THREE_B = G2.B.dbl().add(G2.B);
    private static final long[] INV_TWO = Fp.inv(Fp.of(2));

    private Pairing() {
    }

    /** A G1 point {x, y} and a G2 point; neither is infinity, and Q is in the order-r subgroup. */
    record Pair(long[][] p, G2 q) {}

    static boolean productIsOne(List<Pair> pairs) {
        if (pairs.isEmpty()) return true;
        return finalExponentiation(millerLoop(pairs)).isOne();
    }

    static Fp12 millerLoop(List<Pair> pairs) {
        int n = pairs.size();
        Fp2[][] t = new Fp2[n][];
        for (int k = 0; k < n; k++) {
            G2 q = pairs.get(k).q();
            t[k] = new Fp2[]{q.x(), q.y(), Fp2.ONE};
        }
        Fp12 f = Fp12.ONE;
        for (int i = ATE_LOOP_COUNT.bitLength() - 2; i >= 0; i--) {
            f = f.square();
            for (int k = 0; k < n; k++) {
                f = doublingStep(f, t[k], pairs.get(k).p());
            }
            if (ATE_LOOP_COUNT.testBit(i)) {
                for (int k = 0; k < n; k++) {
                    f = additionStep(f, t[k], pairs.get(k).q(), pairs.get(k).p());
                }
            }
        }
        for (int k = 0; k < n; k++) {
            G2 q1 = pairs.get(k).q().frobenius();
            G2 q2 = q1.frobenius().negate();
            f = additionStep(f, t[k], q1, pairs.get(k).p());
            f = additionStep(f, t[k], q2, pairs.get(k).p());
        }
        return f;
    }

    /**
     * f · l_{T,T}(P) and T ← 2T. With B = Y², E = 3b'Z², H = 2YZ, the tangent scaled by 2YZ is
     * H·y_P − 3X²·x_P·w + (B − E)·w³.
     */
    static Fp12 doublingStep(Fp12 f, Fp2[] t, long[][] p) {
        Fp2 x = t[0], y = t[1], z = t[2];
        Fp2 a = x.mul(y).mul(INV_TWO);
        Fp2 b = y.square();
        Fp2 c = z.square();
        Fp2 e = c.mul(THREE_B);
        Fp2 ff = e.dbl().add(e);
        Fp2 g = b.add(ff).mul(INV_TWO);
        Fp2 h = y.add(z).square().sub(b.add(c));
        Fp2 j = x.square();
        t[0] = a.mul(b.sub(ff));
        t[1] = g.square().sub(e.square().dbl().add(e.square()));
        t[2] = b.mul(h);
        return mulByLine(f, h.mul(p[1]), j.dbl().add(j).mul(p[0]).neg(), b.sub(e));
    }

    /**
     * f · l_{T,Q}(P) and T ← T + Q for affine Q. With θ = Y − y_Q·Z and λ = X − x_Q·Z, the chord scaled by λ is
     * λ·y_P − θ·x_P·w + (θ·x_Q − λ·y_Q)·w³.
     */
    static Fp12 additionStep(Fp12 f, Fp2[] t, G2 q, long[][] p) {
        Fp2 x = t[0], y = t[1], z = t[2];
        Fp2 theta = y.sub(q.y().mul(z));
        Fp2 lambda = x.sub(q.x().mul(z));
        Fp2 c = theta.square();
        Fp2 d = lambda.square();
        Fp2 e = lambda.mul(d);
        Fp2 ff = z.mul(c);
        Fp2 g = x.mul(d);
        Fp2 h = e.add(ff).sub(g.dbl());
        t[0] = lambda.mul(h);
        t[1] = theta.mul(g.sub(h)).sub(y.mul(e));
        t[2] = z.mul(e);
        Fp2 jj = theta.mul(q.x()).sub(lambda.mul(q.y()));
        return mulByLine(f, lambda.mul(p[1]), theta.mul(p[0]).neg(), jj);
    }

    /**
     * f · (l0 + l1·w + l3·w³) for a line with only these three coefficients; in the tower that is c0 = (l0, 0, 0) and
     * c1 = (l1, l3, 0), since w³ = v·w.
     */
    static Fp12 mulByLine(Fp12 f, Fp2 l0, Fp2 l1, Fp2 l3) {
        Fp6 t0 = f.c0().mul(l0);
        Fp6 t1 = mulBy01(f.c1(), l1, l3);
        Fp6 r1 = mulBy01(f.c0().add(f.c1()), l0.add(l1), l3).sub(t0).sub(t1);
        return new Fp12(t0.add(t1.mulByV()), r1);
    }

    /** (x0 + x1·v + x2·v²)(b + c·v) = (x0·b + ξ·x2·c) + (x0·c + x1·b)·v + (x1·c + x2·b)·v². */
    private static Fp6 mulBy01(Fp6 x, Fp2 b, Fp2 c) {
        Fp2 r0 = x.c0().mul(b).add(x.c2().mul(c).mulByXi());
        Fp2 r1 = x.c0().mul(c).add(x.c1().mul(b));
        Fp2 r2 = x.c1().mul(c).add(x.c2().mul(b));
        return new Fp6(r0, r1, r2);
    }

    /** f^((p¹² − 1)/r) = (f^((p⁶ − 1)(p² + 1)))^((p⁴ − p² + 1)/r). */
    static Fp12 finalExponentiation(Fp12 f) {
        Fp12 easy = f.conjugate().mul(f.inverse());
        easy = easy.frobenius().frobenius().mul(easy);

        // Hard part: ∏ (easy^(p^i))^(digit_i), one shared square-and-multiply over a table of all 16 subproducts.
        Fp12[] bases = new Fp12[4];
        bases[0] = easy;
        for (int i = 1; i < 4; i++) bases[i] = bases[i - 1].frobenius();
        Fp12[] table = new Fp12[16];
        table[0] = Fp12.ONE;
        for (int mask = 1; mask < 16; mask++) {
            int low = Integer.numberOfTrailingZeros(mask);
            table[mask] = table[mask & (mask - 1)].mul(bases[low]);
        }
        Fp12 acc = Fp12.ONE;
        for (int bit = HARD_PART_BITS - 1; bit >= 0; bit--) {
            acc = acc.square();
            int idx = 0;
            for (int i = 0; i < 4; i++) {
                if (HARD_PART_DIGITS[i].testBit(bit)) idx |= 1 << i;
            }
            if (idx != 0) acc = acc.mul(table[idx]);
        }
        return acc;
    }
}
