package org.stele.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/** {@code a + b·i} in Fp2 = Fp[i]/(i² + 1), the field of G2's coordinates. Immutable. */
final class Fp2 {
    static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
    static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
    /** ξ = 9 + i, the non-residue that builds Fp6 and defines the twist. */
    static final Fp2 XI = new Fp2(Fp.of(9), Fp.ONE);

    final long[] a;
    final long[] b;

    Fp2(long[] a, long[] b) {
        this.a = a;
        this.b = b;
    }

    static Fp2 of(BigInteger re, BigInteger im) {
        return new Fp2(Fp.of(re), Fp.of(im));
    }

    /** An element of the base field. */
    static Fp2 of(long[] re) {
        return new Fp2(re, Fp.ZERO);
    }

    boolean isZero() {
        return Fp.isZero(a) && Fp.isZero(b);
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
        return new Fp2(Fp.dbl(a), Fp.dbl(b));
    }

    /** Karatsuba: (a + bi)(c + di) = (ac − bd) + ((a + b)(c + d) − ac − bd)i. */
    Fp2 mul(Fp2 o) {
        long[] ac = Fp.mul(a, o.a);
        long[] bd = Fp.mul(b, o.b);
        long[] cross = Fp.sub(Fp.sub(Fp.mul(Fp.add(a, b), Fp.add(o.a, o.b)), ac), bd);
        return new Fp2(Fp.sub(ac, bd), cross);
    }

    /** (a + bi)² = (a + b)(a − b) + 2ab·i. */
    Fp2 square() {
        long[] ab = Fp.mul(a, b);
        return new Fp2(Fp.mul(Fp.add(a, b), Fp.sub(a, b)), Fp.dbl(ab));
    }

    /** Multiplication by an element of the base field. */
    Fp2 mul(long[] k) {
        return new Fp2(Fp.mul(a, k), Fp.mul(b, k));
    }

    /** Multiplication by ξ = 9 + i: (a + bi)(9 + i) = (9a − b) + (a + 9b)i. */
    Fp2 mulByXi() {
        long[] a2 = Fp.dbl(a);
        long[] a8 = Fp.dbl(Fp.dbl(a2));
        long[] b2 = Fp.dbl(b);
        long[] b8 = Fp.dbl(Fp.dbl(b2));
        return new Fp2(Fp.sub(Fp.add(a8, a), b), Fp.add(Fp.add(b8, b), a));
    }

    Fp2 conjugate() {
        return new Fp2(a, Fp.neg(b));
    }

    /** The inverse of a non-zero element: conj / (a² + b²). */
    Fp2 inverse() {
        long[] n = Fp.inv(Fp.add(Fp.square(a), Fp.square(b)));
        return new Fp2(Fp.mul(a, n), Fp.neg(Fp.mul(b, n)));
    }

    Fp2 pow(BigInteger e) {
        Fp2 r = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            r = r.square();
            if (e.testBit(i)) r = r.mul(this);
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp2 f && Arrays.equals(a, f.a) && Arrays.equals(b, f.b);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(a) + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return Fp.toBigInteger(a) + " + " + Fp.toBigInteger(b) + "i";
    }
}
