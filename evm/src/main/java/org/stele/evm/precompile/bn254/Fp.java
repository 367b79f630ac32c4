package org.stele.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The BN254 base field. An element is a {@code long[4]} (little-endian 64-bit limbs) holding {@code a·2²⁵⁶ mod p}
 * (Montgomery form), always fully reduced, so equal elements have equal limbs. Results are fresh arrays; inputs are
 * never modified.
 */
final class Fp {
    static final BigInteger P = new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");

    private static final long[] MOD = limbs(P);
    /** −p⁻¹ mod 2⁶⁴, for Montgomery reduction. */
    private static final long INV = BigInteger.ONE.shiftLeft(64).subtract(P.modInverse(BigInteger.ONE.shiftLeft(64)))
            .longValue();
    private static final BigInteger R = BigInteger.ONE.shiftLeft(256);
    /** 2⁵¹² mod p: multiplying by it converts into Montgomery form. */
    private static final long[] R2 = limbs(R.multiply(R).mod(P));

    static final long[] ZERO = new long[4];
    static final long[] ONE = limbs(R.mod(P));

    private Fp() {
    }

    /** The element for a non-negative integer below p. */
    static long[] of(BigInteger v) {
        return mul(limbs(v), R2);
    }

    static long[] of(long v) {
        return of(BigInteger.valueOf(v));
    }

    /** The integer an element stands for, in [0, p). */
    static BigInteger toBigInteger(long[] a) {
        long[] plain = mul(a, new long[]{1, 0, 0, 0});
        byte[] be = new byte[32];
        for (int i = 0; i < 4; i++) {
            long limb = plain[i];
            for (int j = 0; j < 8; j++) {
                be[31 - 8 * i - j] = (byte) (limb >>> (8 * j));
            }
        }
        return new BigInteger(1, be);
    }

    static boolean isZero(long[] a) {
        return (a[0] | a[1] | a[2] | a[3]) == 0;
    }

    static boolean equal(long[] a, long[] b) {
        return Arrays.equals(a, b);
    }

    static long[] add(long[] a, long[] b) {
        long[] r = new long[4];
        long carry = 0;
        for (int i = 0; i < 4; i++) {
            long s = a[i] + b[i];
            long c1 = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
            long s2 = s + carry;
            long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            r[i] = s2;
            carry = c1 | c2;
        }
        // p < 2²⁵⁴, so a + b < 2²⁵⁵ never carries out; one conditional subtraction reduces it.
        return reduceOnce(r);
    }

    static long[] sub(long[] a, long[] b) {
        long[] r = new long[4];
        long borrow = subInto(r, a, b);
        if (borrow != 0) {
            addInto(r, r, MOD);
        }
        return r;
    }

    static long[] neg(long[] a) {
        if (isZero(a)) return ZERO;
        long[] r = new long[4];
        subInto(r, MOD, a);
        return r;
    }

    static long[] dbl(long[] a) {
        return add(a, a);
    }

    /** Montgomery product a·b·2⁻²⁵⁶ mod p (CIOS). */
    static long[] mul(long[] a, long[] b) {
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        for (int i = 0; i < 4; i++) {
            long bi = b[i];
            // t += a·b[i]
            long lo, hi, c;
            lo = a[0] * bi;
            hi = Math.unsignedMultiplyHigh(a[0], bi);
            lo += t0;
            hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
            t0 = lo;
            c = hi;

            lo = a[1] * bi;
            hi = Math.unsignedMultiplyHigh(a[1], bi);
            long s = lo + t1;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t1 = lo;
            c = hi;

            lo = a[2] * bi;
            hi = Math.unsignedMultiplyHigh(a[2], bi);
            s = lo + t2;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t2 = lo;
            c = hi;

            lo = a[3] * bi;
            hi = Math.unsignedMultiplyHigh(a[3], bi);
            s = lo + t3;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t3 = lo;
            long t4s = t4 + hi;
            long t5 = Long.compareUnsigned(t4s, t4) < 0 ? 1 : 0;
            t4 = t4s;

            // t = (t + m·p) / 2⁶⁴ with m chosen so the low limb vanishes
            long m = t0 * INV;
            lo = m * MOD[0];
            hi = Math.unsignedMultiplyHigh(m, MOD[0]);
            s = lo + t0;
            c = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);

            lo = m * MOD[1];
            hi = Math.unsignedMultiplyHigh(m, MOD[1]);
            s = lo + t1;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t0 = lo;
            c = hi;

            lo = m * MOD[2];
            hi = Math.unsignedMultiplyHigh(m, MOD[2]);
            s = lo + t2;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t1 = lo;
            c = hi;

            lo = m * MOD[3];
            hi = Math.unsignedMultiplyHigh(m, MOD[3]);
            s = lo + t3;
            hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
            lo = s + c;
            hi += Long.compareUnsigned(lo, s) < 0 ? 1 : 0;
            t2 = lo;
            c = hi;

            s = t4 + c;
            t3 = s;
            t4 = t5 + (Long.compareUnsigned(s, c) < 0 ? 1 : 0);
        }
        long[] r = {t0, t1, t2, t3};
        if (t4 != 0) {
            subInto(r, r, MOD);
            return r;
        }
        return reduceOnce(r);
    }

    static long[] square(long[] a) {
        return mul(a, a);
    }

    /** The inverse of a non-zero element (through BigInteger's binary extended Euclid, which beats Fermat here). */
    static long[] inv(long[] a) {
        return of(toBigInteger(a).modInverse(P));
    }

    private static long[] reduceOnce(long[] r) {
        for (int i = 3; i >= 0; i--) {
            int cmp = Long.compareUnsigned(r[i], MOD[i]);
            if (cmp < 0) return r;
            if (cmp > 0) break;
        }
        subInto(r, r, MOD);
        return r;
    }

    /** r = a − b over 256 bits; returns the borrow out. */
    private static long subInto(long[] r, long[] a, long[] b) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long ai = a[i], bi = b[i];
            long d = ai - bi;
            long b1 = Long.compareUnsigned(ai, bi) < 0 ? 1 : 0;
            long d2 = d - borrow;
            long b2 = Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
            r[i] = d2;
            borrow = b1 | b2;
        }
        return borrow;
    }

    private static void addInto(long[] r, long[] a, long[] b) {
        long carry = 0;
        for (int i = 0; i < 4; i++) {
            long s = a[i] + b[i];
            long c1 = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
            long s2 = s + carry;
            long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            r[i] = s2;
            carry = c1 | c2;
        }
    }

    private static long[] limbs(BigInteger v) {
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            r[i] = v.shiftRight(64 * i).longValue();
        }
        return r;
    }
}
