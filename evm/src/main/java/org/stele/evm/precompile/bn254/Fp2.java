package org.stele.evm.precompile.bn254;

import java.math.BigInteger;

/** {@code a + b·i} in Fp2 = Fp[i]/(i² + 1), the field of G2's coordinates. */
record Fp2(BigInteger a, BigInteger b) {
    static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);
    /** ξ = 9 + i, the non-residue that builds Fp6 and defines the twist. */
    static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);

    static Fp2 of(BigInteger a) {
        return new Fp2(a, BigInteger.ZERO);
    }

    boolean isZero() {
        return a.signum() == 0 && b.signum() == 0;
    }

    Fp2 add(Fp2 o) {
        return new Fp2(Fp.add(a, o.a), Fp.add(b, o.b));
    }

    Fp2 sub(Fp2 o) {
        return new Fp2(Fp.sub(a, o.a), Fp.sub(b, o.b));
    }

    Fp2 neg() {
        return new Fp2(Fp.neg(a), Fp.neg(b));
    }

    Fp2 dbl() {
        return add(this);
    }

    Fp2 mul(Fp2 o) {
        BigInteger ac = a.multiply(o.a);
        BigInteger bd = b.multiply(o.b);
        BigInteger cross = a.add(b).multiply(o.a.add(o.b)).subtract(ac).subtract(bd);
        return new Fp2(ac.subtract(bd).mod(Fp.P), cross.mod(Fp.P));
    }

    Fp2 square() {
        BigInteger re = a.add(b).multiply(a.subtract(b)).mod(Fp.P);
        BigInteger im = a.multiply(b).shiftLeft(1).mod(Fp.P);
        return new Fp2(re, im);
    }

    Fp2 mul(BigInteger k) {
        return new Fp2(Fp.mul(a, k), Fp.mul(b, k));
    }

    /** Multiplication by ξ = 9 + i: (a + bi)(9 + i) = (9a − b) + (a + 9b)i. */
    Fp2 mulByXi() {
        BigInteger nine = BigInteger.valueOf(9);
        return new Fp2(a.multiply(nine).subtract(b).mod(Fp.P), b.multiply(nine).add(a).mod(Fp.P));
    }

    Fp2 conjugate() {
        return new Fp2(a, Fp.neg(b));
    }

    /** The inverse of a non-zero element: conj / norm. */
    Fp2 inverse() {
        BigInteger norm = a.multiply(a).add(b.multiply(b)).mod(Fp.P);
        BigInteger n = Fp.inv(norm);
        return new Fp2(Fp.mul(a, n), Fp.mul(Fp.neg(b), n));
    }

    Fp2 pow(BigInteger e) {
        Fp2 r = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            r = r.square();
            if (e.testBit(i)) r = r.mul(this);
        }
        return r;
    }
}
