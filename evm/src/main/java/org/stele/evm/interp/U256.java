package org.stele.evm.interp;

/**
 * 256-bit arithmetic on words held as four limbs in a {@code long[]}, least significant limb first: comparisons,
 * addition, subtraction, multiplication, EXP, shifts, SIGNEXTEND and BYTE, all on limbs and without allocating.
 * Division and the modular opcodes are {@link U256Division}; conversions to and from bytes and {@code BigInteger} are
 * {@link U256Bytes}.
 */
final class U256 {
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
