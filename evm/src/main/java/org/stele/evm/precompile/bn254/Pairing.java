package org.stele.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing on BN254, as a product check: ∏ e(P_i, Q_i) = 1. One Miller loop runs over all pairs (they
 * share the squarings), then one final exponentiation.
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

    private Pairing() {
    }

    /** A G1 point in affine coordinates and a G2 point; neither is infinity. */
    record Pair(BigInteger[] p, G2 q) {}

    static boolean productIsOne(List<Pair> pairs) {
        if (pairs.isEmpty()) return true;
        return finalExponentiation(millerLoop(pairs)).isOne();
    }

    static Fp12 millerLoop(List<Pair> pairs) {
        int n = pairs.size();
        G2[] t = new G2[n];
        for (int k = 0; k < n; k++) t[k] = pairs.get(k).q();
        Fp12 f = Fp12.ONE;
        for (int i = ATE_LOOP_COUNT.bitLength() - 2; i >= 0; i--) {
            f = f.square();
            for (int k = 0; k < n; k++) {
                f = doublingStep(f, t, k, pairs.get(k).p());
            }
            if (ATE_LOOP_COUNT.testBit(i)) {
                for (int k = 0; k < n; k++) {
                    f = additionStep(f, t, k, pairs.get(k).q(), pairs.get(k).p());
                }
            }
        }
        for (int k = 0; k < n; k++) {
            G2 q1 = pairs.get(k).q().frobenius();
            G2 q2 = q1.frobenius().negate();
            f = additionStep(f, t, k, q1, pairs.get(k).p());
            f = additionStep(f, t, k, q2, pairs.get(k).p());
        }
        return f;
    }

    /** f · l_{T,T}(P), T ← 2T. */
    private static Fp12 doublingStep(Fp12 f, G2[] t, int k, BigInteger[] p) {
        G2 tk = t[k];
        if (tk == null || tk.y().isZero()) {
            // Only reachable for points outside G2, which decoding rejects; the vertical line lies in Fp6 and the
            // final exponentiation would map it to 1.
            t[k] = null;
            return f;
        }
        Fp2 xx = tk.x().square();
        Fp2 lambda = xx.add(xx).add(xx).mul(tk.y().dbl().inverse());
        t[k] = G2.withSlope(tk, tk.x(), lambda);
        return f.mul(line(tk, lambda, p));
    }

    /** f · l_{T,Q}(P), T ← T + Q. */
    private static Fp12 additionStep(Fp12 f, G2[] t, int k, G2 q, BigInteger[] p) {
        G2 tk = t[k];
        if (tk == null) {
            t[k] = q;
            return f;
        }
        if (tk.x().equals(q.x())) {
            if (tk.y().equals(q.y())) return doublingStep(f, t, k, p);
            t[k] = null;
            return f;
        }
        Fp2 lambda = q.y().sub(tk.y()).mul(q.x().sub(tk.x()).inverse());
        t[k] = G2.withSlope(tk, q.x(), lambda);
        return f.mul(line(tk, lambda, p));
    }

    /**
     * The line of slope λ through the untwisted T, evaluated at P. Untwisting maps (x, y) to (x·w², y·w³) and the
     * slope to λ·w, so l(P) = y_P − λ·x_P·w + (λ·x_T − y_T)·w³, with w³ = v·w.
     */
    private static Fp12 line(G2 t, Fp2 lambda, BigInteger[] p) {
        Fp6 c0 = new Fp6(Fp2.of(p[1]), Fp2.ZERO, Fp2.ZERO);
        Fp6 c1 = new Fp6(lambda.mul(p[0]).neg(), lambda.mul(t.x()).sub(t.y()), Fp2.ZERO);
        return new Fp12(c0, c1);
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
