package org.stele.evm.interp;

/**
 * DIV, MOD, SDIV, SMOD, ADDMOD and MULMOD on limbs. A divisor of up to 64 bits is divided by multiplying with its
 * reciprocal; wider divisors, and ADDMOD/MULMOD's 257- and 512-bit intermediates, go through Knuth's algorithm D on
 * 32-bit digits. Nothing here allocates on the 64-bit paths.
 */
final class U256Division {
    private U256Division() {
    }

    /** dst = a / b (unsigned), 0 when b is 0. */
    static void div(long[] s, int a, int b, int dst) {
        if (U256.isZero(s, b)) {
            U256.set(s, dst, 0);
            return;
        }
        if ((s[a + 1] | s[a + 2] | s[a + 3] | s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
            U256.set(s, dst, Long.divideUnsigned(s[a], s[b]));
            return;
        }
        if (U256.compare(s, a, b) < 0) {
            U256.set(s, dst, 0);
            return;
        }
        if ((s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
            divWord(s, a, s[b], dst, true);
            return;
        }
        divMod(s, a, b, dst, true);
    }

    static void mod(long[] s, int a, int b, int dst) {
        if (U256.isZero(s, b)) {
            U256.set(s, dst, 0);
            return;
        }
        if ((s[a + 1] | s[a + 2] | s[a + 3] | s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
            U256.set(s, dst, Long.remainderUnsigned(s[a], s[b]));
            return;
        }
        if (U256.compare(s, a, b) < 0) {
            System.arraycopy(s, a, s, dst, 4);
            return;
        }
        if ((s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
            divWord(s, a, s[b], dst, false);
            return;
        }
        divMod(s, a, b, dst, false);
    }

    static void sdiv(long[] s, int a, int b, int dst) {
        if (U256.isZero(s, b)) {
            U256.set(s, dst, 0);
            return;
        }
        if (fitsSigned64(s, a) && fitsSigned64(s, b)) {
            long x = s[a], y = s[b];
            if (!(x == Long.MIN_VALUE && y == -1)) {
                setSigned(s, dst, x / y);
                return;
            }
        }
        boolean negA = s[a + 3] < 0, negB = s[b + 3] < 0;
        long[] t = new long[8];
        absInto(s, a, t, 0);
        absInto(s, b, t, 4);
        div(t, 0, 4, 0);
        if (negA != negB)
            negate(t, 0);
        System.arraycopy(t, 0, s, dst, 4);
    }

    static void smod(long[] s, int a, int b, int dst) {
        if (U256.isZero(s, b)) {
            U256.set(s, dst, 0);
            return;
        }
        if (fitsSigned64(s, a) && fitsSigned64(s, b)) {
            long y = s[b];
            setSigned(s, dst, y == -1 ? 0 : s[a] % y);
            return;
        }
        boolean negA = s[a + 3] < 0;
        long[] t = new long[8];
        absInto(s, a, t, 0);
        absInto(s, b, t, 4);
        mod(t, 0, 4, 0);
        if (negA)
            negate(t, 0);
        System.arraycopy(t, 0, s, dst, 4);
    }

    private static void absInto(long[] s, int a, long[] t, int o) {
        System.arraycopy(s, a, t, o, 4);
        if (t[o + 3] < 0)
            negate(t, o);
    }

    /** Two's complement negation in place. */
    static void negate(long[] t, int o) {
        long carry = 1;
        for (int i = 0; i < 4; i++) {
            long v = ~t[o + i] + carry;
            carry = (carry == 1 && v == 0) ? 1 : 0;
            t[o + i] = v;
        }
    }

    private static final long M32 = 0xFFFF_FFFFL;

    /**
     * a / d or a % d for a nonzero divisor of at most 64 bits, without allocating: the dividend is normalised so that
     * d's top bit is set, then divided a limb at a time by multiplying with d's reciprocal (Möller and Granlund,
     * "Improved division by invariant integers", 2011, algorithm 4), which costs two multiplications a limb instead of
     * a hardware division. {@code dst} may be {@code a}: limb i is written only after the limbs at or below it have
     * been read for the last time.
     */
    static void divWord(long[] s, int a, long d, int dst, boolean quotient) {
        int sh = Long.numberOfLeadingZeros(d);
        long dn = d << sh;
        Reciprocal last = lastReciprocal;
        long v;
        if (last.d == dn) {
            v = last.v;
        } else {
            v = reciprocal(dn);
            lastReciprocal = new Reciprocal(dn, v);
        }
        long r = sh == 0 ? 0 : s[a + 3] >>> (64 - sh);
        for (int i = 3; i >= 0; i--) {
            long u0 = s[a + i] << sh;
            if (sh != 0 && i > 0)
                u0 |= s[a + i - 1] >>> (64 - sh);
            // (r, u0) / dn where r < dn: estimate the quotient from the reciprocal, then correct it at most twice.
            long pLo = v * r;
            long pHi = Math.unsignedMultiplyHigh(v, r);
            long qLo = pLo + u0;
            long q = pHi + r + 1 + (Long.compareUnsigned(qLo, pLo) < 0 ? 1 : 0);
            long rem = u0 - q * dn;
            if (Long.compareUnsigned(rem, qLo) > 0) {
                q--;
                rem += dn;
            }
            if (Long.compareUnsigned(rem, dn) >= 0) {
                q++;
                rem -= dn;
            }
            r = rem;
            if (quotient)
                s[dst + i] = q;
        }
        if (!quotient)
            U256.set(s, dst, r >>> sh);
    }

    /** A normalised divisor and its reciprocal. */
    private record Reciprocal(long d, long v) {}

    /**
     * The last divisor's reciprocal, since a contract tends to divide by the same constant again and again. Shared
     * between threads without locking: a record's fields are final, so a thread sees either an old pair or a new one,
     * never a mix, and a miss only costs computing it.
     */
    private static Reciprocal lastReciprocal = new Reciprocal(1L << 63, reciprocal(1L << 63));

    /** floor((2^128 - 1) / d) - 2^64 for a normalised d (top bit set). */
    static long reciprocal(long d) {
        // 2^128 - 1 - 2^64 d = ~d * 2^64 + (2^64 - 1), and ~d < d, so the quotient fits in 64 bits.
        return divlu(~d, -1L, d);
    }

    /**
     * (u1 * 2^64 + u0) / v for a normalised v and u1 < v, by two steps of 32-bit digits (Hacker's Delight, divlu).
     */
    private static long divlu(long u1, long u0, long v) {
        long vn1 = v >>> 32, vn0 = v & M32;
        long un1 = u0 >>> 32, un0 = u0 & M32;
        long q1 = Long.divideUnsigned(u1, vn1);
        long rhat = u1 - q1 * vn1;
        while (q1 > M32 || Long.compareUnsigned(q1 * vn0, (rhat << 32) | un1) > 0) {
            q1--;
            rhat += vn1;
            if (rhat > M32)
                break;
        }
        long un21 = (u1 << 32) + un1 - q1 * v;
        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (q0 > M32 || Long.compareUnsigned(q0 * vn0, (rhat << 32) | un0) > 0) {
            q0--;
            rhat += vn1;
            if (rhat > M32)
                break;
        }
        return (q1 << 32) | q0;
    }

    /**
     * Unsigned 256-bit division by Knuth's algorithm D on 32-bit digits. Writes the quotient or the remainder to
     * {@code dst}. Requires b != 0 and a >= b.
     */
    static void divMod(long[] s, int a, int b, int dst, boolean quotient) {
        int[] u = new int[8], v = new int[8];
        for (int i = 0; i < 4; i++) {
            u[2 * i] = (int) s[a + i];
            u[2 * i + 1] = (int) (s[a + i] >>> 32);
            v[2 * i] = (int) s[b + i];
            v[2 * i + 1] = (int) (s[b + i] >>> 32);
        }
        int[] q = new int[8], r = new int[8];
        knuth(u, v, q, r);
        int[] out = quotient ? q : r;
        for (int i = 0; i < 4; i++)
            s[dst + i] = (out[2 * i] & M32) | ((long) out[2 * i + 1] << 32);
    }

    /**
     * u / v on little-endian 32-bit digits by Knuth's algorithm D (Hacker's Delight, divmnu): the quotient goes to
     * {@code q} (as long as {@code u}) and the remainder to {@code r} (as long as {@code v}). Requires v != 0.
     */
    static void knuth(int[] u, int[] v, int[] q, int[] r) {
        int m = u.length, n = v.length;
        while (m > 0 && u[m - 1] == 0)
            m--;
        while (n > 0 && v[n - 1] == 0)
            n--;
        if (m < n) {
            // The dividend is below the divisor: quotient 0, remainder the dividend.
            System.arraycopy(u, 0, r, 0, m);
            return;
        }
        if (n == 1) {
            long d = v[0] & M32, k = 0;
            for (int j = m - 1; j >= 0; j--) {
                long cur = (k << 32) | (u[j] & M32);
                q[j] = (int) Long.divideUnsigned(cur, d);
                k = Long.remainderUnsigned(cur, d);
            }
            r[0] = (int) k;
            return;
        }
        int sh = Integer.numberOfLeadingZeros(v[n - 1]);
        int[] vn = new int[n], un = new int[m + 1];
        for (int i = n - 1; i > 0; i--)
            vn[i] = (v[i] << sh) | (sh == 0 ? 0 : v[i - 1] >>> (32 - sh));
        vn[0] = v[0] << sh;
        un[m] = sh == 0 ? 0 : u[m - 1] >>> (32 - sh);
        for (int i = m - 1; i > 0; i--)
            un[i] = (u[i] << sh) | (sh == 0 ? 0 : u[i - 1] >>> (32 - sh));
        un[0] = u[0] << sh;
        long vTop = vn[n - 1] & M32, vNext = vn[n - 2] & M32;
        for (int j = m - n; j >= 0; j--) {
            long num = ((un[j + n] & M32) << 32) | (un[j + n - 1] & M32);
            long qhat = Long.divideUnsigned(num, vTop);
            long rhat = Long.remainderUnsigned(num, vTop);
            while (qhat > M32 || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & M32)) > 0) {
                qhat--;
                rhat += vTop;
                if (rhat > M32)
                    break;
            }
            long k = 0, t;
            for (int i = 0; i < n; i++) {
                long p = qhat * (vn[i] & M32);
                t = (un[i + j] & M32) - k - (p & M32);
                un[i + j] = (int) t;
                k = (p >>> 32) - (t >> 32);
            }
            t = (un[j + n] & M32) - k;
            un[j + n] = (int) t;
            q[j] = (int) qhat;
            if (t < 0) {
                q[j]--;
                k = 0;
                for (int i = 0; i < n; i++) {
                    t = (un[i + j] & M32) + (vn[i] & M32) + k;
                    un[i + j] = (int) t;
                    k = t >>> 32;
                }
                un[j + n] += (int) k;
            }
        }
        for (int i = 0; i < n; i++)
            r[i] = (un[i] >>> sh) | (sh == 0 ? 0 : un[i + 1] << (32 - sh));
    }

    /**
     * dst = (the number in {@code limbs}, little-endian 64-bit limbs) mod (the word at {@code n}), for ADDMOD's
     * 257-bit sums and MULMOD's 512-bit products. Requires the modulus to be nonzero.
     */
    private static void remainder(long[] limbs, long[] s, int n, int dst) {
        int[] u = new int[limbs.length * 2], v = new int[8];
        for (int i = 0; i < limbs.length; i++) {
            u[2 * i] = (int) limbs[i];
            u[2 * i + 1] = (int) (limbs[i] >>> 32);
        }
        for (int i = 0; i < 4; i++) {
            v[2 * i] = (int) s[n + i];
            v[2 * i + 1] = (int) (s[n + i] >>> 32);
        }
        int[] q = new int[u.length], r = new int[8];
        knuth(u, v, q, r);
        for (int i = 0; i < 4; i++)
            s[dst + i] = (r[2 * i] & M32) | ((long) r[2 * i + 1] << 32);
    }

    private static boolean fitsSigned64(long[] s, int b) {
        long ext = s[b] >> 63;
        return s[b + 1] == ext && s[b + 2] == ext && s[b + 3] == ext;
    }

    private static void setSigned(long[] s, int b, long v) {
        long ext = v >> 63;
        s[b] = v;
        s[b + 1] = ext;
        s[b + 2] = ext;
        s[b + 3] = ext;
    }

    /** dst = (a + b) mod n, computed without 2^256 wrap-around; 0 when n is 0. dst may alias any operand. */
    static void addmod(long[] s, int a, int b, int n, int dst) {
        if (U256.isZero(s, n)) {
            U256.set(s, dst, 0);
            return;
        }
        long a0 = s[a], a1 = s[a + 1], a2 = s[a + 2], a3 = s[a + 3];
        long r0 = a0 + s[b];
        long c = Long.compareUnsigned(r0, a0) < 0 ? 1 : 0;
        long t = a1 + s[b + 1];
        long c1 = Long.compareUnsigned(t, a1) < 0 ? 1 : 0;
        long r1 = t + c;
        c1 |= Long.compareUnsigned(r1, t) < 0 ? 1 : 0;
        t = a2 + s[b + 2];
        long c2 = Long.compareUnsigned(t, a2) < 0 ? 1 : 0;
        long r2 = t + c1;
        c2 |= Long.compareUnsigned(r2, t) < 0 ? 1 : 0;
        t = a3 + s[b + 3];
        long c3 = Long.compareUnsigned(t, a3) < 0 ? 1 : 0;
        long r3 = t + c2;
        c3 |= Long.compareUnsigned(r3, t) < 0 ? 1 : 0;
        long[] sum = {r0, r1, r2, r3, c3};
        remainder(sum, s, n, dst);
    }

    /** dst = (a * b) mod n over the full 512-bit product; 0 when n is 0. dst may alias any operand. */
    static void mulmod(long[] s, int a, int b, int n, int dst) {
        if (U256.isZero(s, n)) {
            U256.set(s, dst, 0);
            return;
        }
        if ((s[a + 1] | s[a + 2] | s[a + 3] | s[b + 1] | s[b + 2] | s[b + 3] | s[n + 1] | s[n + 2] | s[n + 3]) == 0
                && s[a] >= 0 && s[b] >= 0
                && s[n] > 0 && s[a] < (1L << 31) && s[b] < (1L << 31)) {
            U256.set(s, dst, (s[a] * s[b]) % s[n]);
            return;
        }
        long[] p = new long[8];
        for (int i = 0; i < 4; i++) {
            long x = s[a + i], carry = 0;
            for (int j = 0; j < 4; j++) {
                long y = s[b + j];
                long lo = x * y, hi = Math.unsignedMultiplyHigh(x, y);
                long acc = p[i + j] + lo;
                hi += Long.compareUnsigned(acc, lo) < 0 ? 1 : 0;
                long acc2 = acc + carry;
                hi += Long.compareUnsigned(acc2, acc) < 0 ? 1 : 0;
                p[i + j] = acc2;
                carry = hi;
            }
            p[i + 4] = carry;
        }
        remainder(p, s, n, dst);
    }
}
