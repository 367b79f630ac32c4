package org.stele.evm.interp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * 256-bit arithmetic on words held as four limbs in a {@code long[]}, least significant limb first. Everything works on
 * limbs: division by a divisor of up to 64 bits multiplies by its reciprocal; wider divisors, and ADDMOD/MULMOD's
 * 257- and 512-bit intermediates, go through Knuth's algorithm D on 32-bit digits. {@code BigInteger} appears only in
 * the conversions for values that come from outside the stack (balances, call values).
 */
final class U256 {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
    /** Big-endian longs at any byte offset of a {@code byte[]}; the JIT turns these into single loads and stores. */
    private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private U256() {
    }

    /** The word as a non-negative long, or {@code Long.MAX_VALUE} when it is 2^63 or more. */
    static long clamp(long[] s, int b) {
        if ((s[b + 1] | s[b + 2] | s[b + 3]) != 0 || s[b] < 0)
            return Long.MAX_VALUE;
        return s[b];
    }

    static boolean equal(long[] s, int a, int b) {
        return ((s[a] ^ s[b]) | (s[a + 1] ^ s[b + 1]) | (s[a + 2] ^ s[b + 2]) | (s[a + 3] ^ s[b + 3])) == 0;
    }

    static boolean isZero(long[] s, int b) {
        return (s[b] | s[b + 1] | s[b + 2] | s[b + 3]) == 0;
    }

    static void set(long[] s, int b, long v) {
        s[b] = v;
        s[b + 1] = 0;
        s[b + 2] = 0;
        s[b + 3] = 0;
    }

    static void toBytes(long[] s, int b, byte[] out, int off) {
        writeLong(out, off, s[b + 3]);
        writeLong(out, off + 8, s[b + 2]);
        writeLong(out, off + 16, s[b + 1]);
        writeLong(out, off + 24, s[b]);
    }

    static void writeLong(byte[] out, int off, long v) {
        BE_LONG.set(out, off, v);
    }

    /** Reads 32 big-endian bytes at {@code off} (which must be in bounds). */
    static void fromBytes32(byte[] in, int off, long[] s, int b) {
        s[b + 3] = readLong(in, off);
        s[b + 2] = readLong(in, off + 8);
        s[b + 1] = readLong(in, off + 16);
        s[b] = readLong(in, off + 24);
    }

    static long readLong(byte[] b, int off) {
        return (long) BE_LONG.get(b, off);
    }

    /**
     * PUSHn's immediate: {@code len} bytes of code at {@code pc}, big-endian, read a limb at a time; bytes past the
     * end of the code read as zero.
     */
    static void fromCode(byte[] code, int pc, int len, long[] s, int b) {
        int end = pc + len;
        if (end > code.length) {
            fromBytesPadRight(code, pc, len, s, b);
            return;
        }
        s[b] = limbOfCode(code, pc, end);
        s[b + 1] = limbOfCode(code, pc, end - 8);
        s[b + 2] = limbOfCode(code, pc, end - 16);
        s[b + 3] = limbOfCode(code, pc, end - 24);
    }

    /** The up to eight bytes of {@code code[pc, hi)} that end at {@code hi}, as a number. */
    private static long limbOfCode(byte[] code, int pc, int hi) {
        if (hi <= pc)
            return 0;
        int lo = hi - 8;
        if (lo >= pc)
            return readLong(code, lo);
        if (lo >= 0)
            return readLong(code, lo) & ((1L << ((hi - pc) << 3)) - 1);
        long v = 0;
        for (int i = pc; i < hi; i++)
            v = (v << 8) | (code[i] & 0xFFL);
        return v;
    }

    /**
     * Reads {@code len} bytes at {@code off} as a big-endian number; bytes past the end of {@code in} read as zero
     * (as PUSH at the end of code does, where the missing bytes are the low ones).
     */
    static void fromBytesPadRight(byte[] in, long off, int len, long[] s, int b) {
        if (off + len <= in.length && len == 32) {
            fromBytes32(in, (int) off, s, b);
            return;
        }
        long l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        for (int i = 0; i < len; i++) {
            long idx = off + i;
            int v = idx < in.length ? in[(int) idx] & 0xFF : 0;
            int bytePos = len - 1 - i; // 0 = least significant
            int limb = bytePos >>> 3;
            long shifted = (long) v << ((bytePos & 7) << 3);
            switch (limb) {
                case 0 -> l0 |= shifted;
                case 1 -> l1 |= shifted;
                case 2 -> l2 |= shifted;
                default -> l3 |= shifted;
            }
        }
        s[b] = l0;
        s[b + 1] = l1;
        s[b + 2] = l2;
        s[b + 3] = l3;
    }

    static BigInteger toBig(long[] s, int b) {
        if ((s[b + 1] | s[b + 2] | s[b + 3]) == 0 && s[b] >= 0)
            return BigInteger.valueOf(s[b]);
        byte[] out = new byte[33];
        toBytes(s, b, out, 1);
        return new BigInteger(out);
    }

    static void fromBig(BigInteger v, long[] s, int b) {
        if (v.signum() < 0 || v.bitLength() > 256)
            v = v.mod(MOD);
        if (v.bitLength() < 64) {
            set(s, b, v.longValue());
            return;
        }
        s[b] = v.longValue();
        s[b + 1] = v.shiftRight(64).longValue();
        s[b + 2] = v.shiftRight(128).longValue();
        s[b + 3] = v.shiftRight(192).longValue();
    }

    /** Unsigned comparison of the words at {@code a} and {@code b}. */
    static int compare(long[] s, int a, int b) {
        for (int i = 3; i >= 0; i--) {
            long x = s[a + i], y = s[b + i];
            if (x != y)
                return Long.compareUnsigned(x, y);
        }
        return 0;
    }

    /** Signed (two's complement) comparison. */
    static int compareSigned(long[] s, int a, int b) {
        long x = s[a + 3], y = s[b + 3];
        if (x != y)
            return Long.compare(x, y);
        for (int i = 2; i >= 0; i--) {
            x = s[a + i];
            y = s[b + i];
            if (x != y)
                return Long.compareUnsigned(x, y);
        }
        return 0;
    }

    /** dst = a + b mod 2^256. dst may alias a or b. */
    static void add(long[] s, int a, int b, int dst) {
        long a0 = s[a], a1 = s[a + 1], a2 = s[a + 2], a3 = s[a + 3];
        long r0 = a0 + s[b];
        long c = Long.compareUnsigned(r0, a0) < 0 ? 1 : 0;
        long t1 = a1 + s[b + 1];
        long c1 = Long.compareUnsigned(t1, a1) < 0 ? 1 : 0;
        long r1 = t1 + c;
        c1 |= Long.compareUnsigned(r1, t1) < 0 ? 1 : 0;
        long t2 = a2 + s[b + 2];
        long c2 = Long.compareUnsigned(t2, a2) < 0 ? 1 : 0;
        long r2 = t2 + c1;
        c2 |= Long.compareUnsigned(r2, t2) < 0 ? 1 : 0;
        long r3 = a3 + s[b + 3] + c2;
        s[dst] = r0;
        s[dst + 1] = r1;
        s[dst + 2] = r2;
        s[dst + 3] = r3;
    }

    /** dst = a - b mod 2^256. */
    static void sub(long[] s, int a, int b, int dst) {
        long a0 = s[a], a1 = s[a + 1], a2 = s[a + 2], a3 = s[a + 3];
        long b0 = s[b], b1 = s[b + 1], b2 = s[b + 2], b3 = s[b + 3];
        long r0 = a0 - b0;
        long br = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
        long t1 = a1 - b1;
        long br1 = Long.compareUnsigned(a1, b1) < 0 ? 1 : 0;
        long r1 = t1 - br;
        br1 |= Long.compareUnsigned(t1, br) < 0 ? 1 : 0;
        long t2 = a2 - b2;
        long br2 = Long.compareUnsigned(a2, b2) < 0 ? 1 : 0;
        long r2 = t2 - br1;
        br2 |= Long.compareUnsigned(t2, br1) < 0 ? 1 : 0;
        long r3 = a3 - b3 - br2;
        s[dst] = r0;
        s[dst + 1] = r1;
        s[dst + 2] = r2;
        s[dst + 3] = r3;
    }

    /**
     * dst = a * b mod 2^256, schoolbook on 64-bit limbs unrolled into columns. Every limb is read before any is
     * written, so dst may alias a or b.
     */
    static void mul(long[] s, int a, int b, int dst) {
        long a0 = s[a], a1 = s[a + 1], a2 = s[a + 2], a3 = s[a + 3];
        long b0 = s[b], b1 = s[b + 1], b2 = s[b + 2], b3 = s[b + 3];
        long ea = a0 >> 63, eb = b0 >> 63;
        if (((a1 ^ ea) | (a2 ^ ea) | (a3 ^ ea) | (b1 ^ eb) | (b2 ^ eb) | (b3 ^ eb)) == 0) {
            // Both are 64-bit two's complement numbers (small, or small and negative as fixed-point code has them):
            // their signed 128-bit product, sign-extended, is the product modulo 2^256.
            long hi = Math.multiplyHigh(a0, b0);
            s[dst] = a0 * b0;
            s[dst + 1] = hi;
            s[dst + 2] = hi >> 63;
            s[dst + 3] = hi >> 63;
            return;
        }
        if ((a1 | a2 | a3 | b1 | b2 | b3) == 0) {
            s[dst] = a0 * b0;
            s[dst + 1] = Math.unsignedMultiplyHigh(a0, b0);
            s[dst + 2] = 0;
            s[dst + 3] = 0;
            return;
        }
        mulFull(s, a0, a1, a2, a3, b0, b1, b2, b3, dst);
    }

    /** The general case of {@link #mul}, apart so that the short test above stays small enough to inline. */
    private static void mulFull(long[] s, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3,
            int dst) {
        // Truncated schoolbook product, unrolled: column k collects a_i * b_j with i + j == k.
        long r0 = a0 * b0;
        long h00 = Math.unsignedMultiplyHigh(a0, b0);
        // column 1
        long p01 = a0 * b1, p10 = a1 * b0;
        long r1 = h00 + p01;
        long c1 = Long.compareUnsigned(r1, p01) < 0 ? 1 : 0;
        long t = r1 + p10;
        c1 += Long.compareUnsigned(t, p10) < 0 ? 1 : 0;
        r1 = t;
        // column 2: high halves of column 1 products, low halves of column 2 products, carries
        long r2 = Math.unsignedMultiplyHigh(a0, b1);
        long c2 = 0;
        long q = Math.unsignedMultiplyHigh(a1, b0);
        t = r2 + q;
        c2 += Long.compareUnsigned(t, q) < 0 ? 1 : 0;
        r2 = t;
        t = r2 + c1;
        c2 += Long.compareUnsigned(t, c1) < 0 ? 1 : 0;
        r2 = t;
        q = a0 * b2;
        t = r2 + q;
        c2 += Long.compareUnsigned(t, q) < 0 ? 1 : 0;
        r2 = t;
        q = a1 * b1;
        t = r2 + q;
        c2 += Long.compareUnsigned(t, q) < 0 ? 1 : 0;
        r2 = t;
        q = a2 * b0;
        t = r2 + q;
        c2 += Long.compareUnsigned(t, q) < 0 ? 1 : 0;
        r2 = t;
        // column 3 wraps modulo 2^64, so carries out of it are dropped
        long r3 = c2 + Math.unsignedMultiplyHigh(a0, b2) + Math.unsignedMultiplyHigh(a1, b1)
                + Math.unsignedMultiplyHigh(a2, b0) + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
        s[dst] = r0;
        s[dst + 1] = r1;
        s[dst + 2] = r2;
        s[dst + 3] = r3;
    }

    /** dst = a / b (unsigned), 0 when b is 0. */
    static void div(long[] s, int a, int b, int dst) {
        if (isZero(s, b)) {
            set(s, dst, 0);
            return;
        }
        if ((s[a + 1] | s[a + 2] | s[a + 3] | s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
            set(s, dst, Long.divideUnsigned(s[a], s[b]));
            return;
        }
        if (compare(s, a, b) < 0) {
            set(s, dst, 0);
            return;
        }
        if ((s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
            divWord(s, a, s[b], dst, true);
            return;
        }
        divMod(s, a, b, dst, true);
    }

    static void mod(long[] s, int a, int b, int dst) {
        if (isZero(s, b)) {
            set(s, dst, 0);
            return;
        }
        if ((s[a + 1] | s[a + 2] | s[a + 3] | s[b + 1] | s[b + 2] | s[b + 3]) == 0) {
            set(s, dst, Long.remainderUnsigned(s[a], s[b]));
            return;
        }
        if (compare(s, a, b) < 0) {
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
        if (isZero(s, b)) {
            set(s, dst, 0);
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
        if (isZero(s, b)) {
            set(s, dst, 0);
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
            set(s, dst, r >>> sh);
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
        if (isZero(s, n)) {
            set(s, dst, 0);
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
        if (isZero(s, n)) {
            set(s, dst, 0);
            return;
        }
        if ((s[a + 1] | s[a + 2] | s[a + 3] | s[b + 1] | s[b + 2] | s[b + 3] | s[n + 1] | s[n + 2] | s[n + 3]) == 0
                && s[a] >= 0 && s[b] >= 0
                && s[n] > 0 && s[a] < (1L << 31) && s[b] < (1L << 31)) {
            set(s, dst, (s[a] * s[b]) % s[n]);
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

    /** dst = base^exp mod 2^256 by square-and-multiply on limbs; {@code tmp} needs 12 free longs. */
    static void exp(long[] s, int base, int exp, int dst, long[] tmp) {
        // tmp[0..3] result, tmp[4..7] base power, tmp[8..11] scratch
        tmp[0] = 1;
        tmp[1] = tmp[2] = tmp[3] = 0;
        System.arraycopy(s, base, tmp, 4, 4);
        int bits = bitLength(s, exp);
        for (int i = 0; i < bits; i++) {
            if (((s[exp + (i >>> 6)] >>> (i & 63)) & 1) != 0) {
                mul(tmp, 0, 4, 0);
            }
            if (i + 1 < bits)
                mul(tmp, 4, 4, 4);
        }
        System.arraycopy(tmp, 0, s, dst, 4);
    }

    static int bitLength(long[] s, int b) {
        for (int i = 3; i >= 0; i--) {
            if (s[b + i] != 0)
                return i * 64 + 64 - Long.numberOfLeadingZeros(s[b + i]);
        }
        return 0;
    }

    /** Number of bytes needed for the value (EXP's dynamic gas). */
    static int byteLength(long[] s, int b) {
        return (bitLength(s, b) + 7) >>> 3;
    }

    /** dst = value << shift (shift taken as a word). Limbs are moved in locals so nothing is allocated. */
    static void shl(long[] s, int shiftAt, int value, int dst) {
        long sh = clamp(s, shiftAt);
        if (sh >= 256) {
            set(s, dst, 0);
            return;
        }
        int bits = (int) (sh & 63);
        long v0 = s[value], v1 = s[value + 1], v2 = s[value + 2], v3 = s[value + 3];
        long y0, y1, y2, y3;
        switch ((int) (sh >>> 6)) {
            case 0 -> {
                y0 = v0;
                y1 = v1;
                y2 = v2;
                y3 = v3;
            }
            case 1 -> {
                y0 = 0;
                y1 = v0;
                y2 = v1;
                y3 = v2;
            }
            case 2 -> {
                y0 = 0;
                y1 = 0;
                y2 = v0;
                y3 = v1;
            }
            default -> {
                y0 = 0;
                y1 = 0;
                y2 = 0;
                y3 = v0;
            }
        }
        if (bits != 0) {
            int back = 64 - bits;
            y3 = (y3 << bits) | (y2 >>> back);
            y2 = (y2 << bits) | (y1 >>> back);
            y1 = (y1 << bits) | (y0 >>> back);
            y0 <<= bits;
        }
        s[dst] = y0;
        s[dst + 1] = y1;
        s[dst + 2] = y2;
        s[dst + 3] = y3;
    }

    /** SHR, or SAR when {@code arithmetic}: vacated bits are filled with the sign. */
    static void shr(long[] s, int shiftAt, int value, int dst, boolean arithmetic) {
        long fill = arithmetic ? s[value + 3] >> 63 : 0;
        long sh = clamp(s, shiftAt);
        if (sh >= 256) {
            s[dst] = s[dst + 1] = s[dst + 2] = s[dst + 3] = fill;
            return;
        }
        int bits = (int) (sh & 63);
        long v0 = s[value], v1 = s[value + 1], v2 = s[value + 2], v3 = s[value + 3];
        long x0, x1, x2, x3;
        switch ((int) (sh >>> 6)) {
            case 0 -> {
                x0 = v0;
                x1 = v1;
                x2 = v2;
                x3 = v3;
            }
            case 1 -> {
                x0 = v1;
                x1 = v2;
                x2 = v3;
                x3 = fill;
            }
            case 2 -> {
                x0 = v2;
                x1 = v3;
                x2 = fill;
                x3 = fill;
            }
            default -> {
                x0 = v3;
                x1 = fill;
                x2 = fill;
                x3 = fill;
            }
        }
        if (bits != 0) {
            int back = 64 - bits;
            x0 = (x0 >>> bits) | (x1 << back);
            x1 = (x1 >>> bits) | (x2 << back);
            x2 = (x2 >>> bits) | (x3 << back);
            x3 = (x3 >>> bits) | (fill << back);
        }
        s[dst] = x0;
        s[dst + 1] = x1;
        s[dst + 2] = x2;
        s[dst + 3] = x3;
    }

    /** SIGNEXTEND: extends the sign of byte {@code k} (0 = least significant) of the value. */
    static void signExtend(long[] s, int kAt, int value, int dst) {
        long k = clamp(s, kAt);
        if (k >= 31) {
            System.arraycopy(s, value, s, dst, 4);
            return;
        }
        int bit = (int) k * 8 + 7;
        int limb = bit >>> 6, pos = bit & 63;
        boolean neg = ((s[value + limb] >>> pos) & 1) != 0;
        long[] r = {s[value], s[value + 1], s[value + 2], s[value + 3]};
        long mask = pos == 63 ? -1L : (1L << (pos + 1)) - 1;
        r[limb] = neg ? r[limb] | ~mask : r[limb] & mask;
        for (int i = limb + 1; i < 4; i++)
            r[i] = neg ? -1L : 0;
        System.arraycopy(r, 0, s, dst, 4);
    }

    /** BYTE: byte {@code i} of the value counting from the most significant (0). */
    static long byteAt(long[] s, int iAt, int value) {
        long i = clamp(s, iAt);
        if (i >= 32)
            return 0;
        int fromLow = 31 - (int) i;
        return (s[value + (fromLow >>> 3)] >>> ((fromLow & 7) * 8)) & 0xFF;
    }
}
