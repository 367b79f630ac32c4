package org.stele.common;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An unsigned 256-bit integer on four {@code long} limbs, most significant first ({@code u3} holds bits 192–255,
 * {@code u0} bits 0–63; each limb is read as unsigned). Balances, storage values and other Ethereum quantities use it.
 * Arithmetic wraps modulo 2<sup>256</sup> as the EVM's does; {@link #addExact} and {@link #subExact} are for balances,
 * where wrapping would be a bug. Division by zero throws, unlike the EVM's {@code DIV}: a caller that wants the EVM
 * rule says so explicitly.
 */
public record UInt256(long u3, long u2, long u1, long u0) implements Comparable<UInt256> {
    public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
    public static final UInt256 ONE = new UInt256(0, 0, 0, 1);
    public static final UInt256 MAX_VALUE = new UInt256(-1L, -1L, -1L, -1L);

    private static final long LOW32 = 0xFFFF_FFFFL;

    /** A non-negative {@code long}; negative values are rejected rather than sign-extended. */
    public static UInt256 of(long value) {
        if (value < 0)
            throw new IllegalArgumentException("UInt256 is unsigned: " + value);
        return ofUnsigned(value);
    }

    /** The 64 bits of {@code value} read as an unsigned number. */
    public static UInt256 ofUnsigned(long value) {
        return value == 0 ? ZERO : new UInt256(0, 0, 0, value);
    }

    /** A big-endian unsigned number of up to 32 bytes; leading zero bytes are allowed. */
    public static UInt256 fromBytes(byte[] bigEndian) {
        return fromBytes(bigEndian, 0, bigEndian.length);
    }

    public static UInt256 fromBytes(byte[] bigEndian, int offset, int length) {
        if (length > 32)
            throw new IllegalArgumentException("more than 32 bytes: " + length);
        Objects.checkFromIndexSize(offset, length, bigEndian.length);
        return new UInt256(limbFrom(bigEndian, offset, length, 3), limbFrom(bigEndian, offset, length, 2),
                limbFrom(bigEndian, offset, length, 1), limbFrom(bigEndian, offset, length, 0));
    }

    /** Limb {@code k} of a big-endian number: its bytes are the (up to) eight that end {@code 8k} from the end. */
    private static long limbFrom(byte[] b, int offset, int length, int k) {
        int end = offset + length - 8 * k;
        if (end <= offset)
            return 0;
        long v = 0;
        for (int i = Math.max(offset, end - 8); i < end; i++)
            v = (v << 8) | (b[i] & 0xFFL);
        return v;
    }

    public static UInt256 fromBytes(Bytes bigEndian) {
        return fromBytes(bigEndian.unsafeArray());
    }

    public static UInt256 fromBytes32(Bytes32 word) {
        return fromBytes(word.unsafeArray());
    }

    /** @throws IllegalArgumentException if {@code value} is negative or does not fit in 256 bits */
    public static UInt256 fromBigInteger(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256)
            throw new IllegalArgumentException("not an unsigned 256-bit value: " + value);
        return new UInt256(value.shiftRight(192).longValue(), value.shiftRight(128).longValue(),
                value.shiftRight(64).longValue(), value.longValue());
    }

    /**
     * Parses a hex quantity ({@code 0x1f}, {@code 1F}, {@code 0x0}), with or without prefix, of up to 64 digits.
     */
    public static UInt256 fromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.isEmpty())
            throw new IllegalArgumentException("empty hex quantity: " + hex);
        if (digits.length() > 64)
            throw new IllegalArgumentException("more than 64 hex digits: " + hex);
        return fromBytes(Hex.decode(digits));
    }

    /** Limb {@code i}, where limb 0 is the least significant. */
    public long limb(int i) {
        return switch (i) {
            case 0 -> u0;
            case 1 -> u1;
            case 2 -> u2;
            case 3 -> u3;
            default -> throw new IndexOutOfBoundsException("limb " + i);
        };
    }

    public boolean isZero() {
        return (u0 | u1 | u2 | u3) == 0;
    }

    /** Whether the value is below 2<sup>63</sup>, so {@link #toLong()} succeeds. */
    public boolean fitsLong() {
        return (u1 | u2 | u3) == 0 && u0 >= 0;
    }

    /** @throws ArithmeticException if the value does not fit in a {@code long} */
    public long toLong() {
        if (!fitsLong())
            throw new ArithmeticException("does not fit in a long: " + this);
        return u0;
    }

    /** The number of bits needed to write the value; 0 for zero. */
    public int bitLength() {
        if (u3 != 0)
            return 256 - Long.numberOfLeadingZeros(u3);
        if (u2 != 0)
            return 192 - Long.numberOfLeadingZeros(u2);
        if (u1 != 0)
            return 128 - Long.numberOfLeadingZeros(u1);
        return 64 - Long.numberOfLeadingZeros(u0);
    }

    public Bytes32 toBytes32() {
        byte[] out = new byte[32];
        putLong(out, 0, u3);
        putLong(out, 8, u2);
        putLong(out, 16, u1);
        putLong(out, 24, u0);
        return Bytes32.wrap(out);
    }

    /** Big-endian without leading zero bytes; zero is the empty array. This is the form of an RLP scalar. */
    public byte[] toMinimalBytes() {
        int n = (bitLength() + 7) >>> 3;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++)
            out[n - 1 - i] = (byte) (limb(i >>> 3) >>> (8 * (i & 7)));
        return out;
    }

    public BigInteger toBigInteger() {
        return new BigInteger(1, toBytes32().unsafeArray());
    }

    /** A hex quantity as JSON-RPC writes it: {@code 0x} and no leading zeros, {@code 0x0} for zero. */
    public String toHex() {
        if (isZero())
            return "0x0";
        StringBuilder sb = new StringBuilder(66).append("0x");
        boolean started = false;
        for (int i = 3; i >= 0; i--) {
            long l = limb(i);
            if (started) {
                String s = Long.toHexString(l);
                sb.append("0".repeat(16 - s.length())).append(s);
            } else if (l != 0) {
                sb.append(Long.toHexString(l));
                started = true;
            }
        }
        return sb.toString();
    }

    public UInt256 add(UInt256 o) {
        long r0 = u0 + o.u0;
        long c = Long.compareUnsigned(r0, u0) < 0 ? 1 : 0;
        long s1 = u1 + o.u1;
        long r1 = s1 + c;
        c = (Long.compareUnsigned(s1, u1) < 0 || Long.compareUnsigned(r1, s1) < 0) ? 1 : 0;
        long s2 = u2 + o.u2;
        long r2 = s2 + c;
        c = (Long.compareUnsigned(s2, u2) < 0 || Long.compareUnsigned(r2, s2) < 0) ? 1 : 0;
        long r3 = u3 + o.u3 + c;
        return new UInt256(r3, r2, r1, r0);
    }

    /** @throws ArithmeticException if the sum is 2<sup>256</sup> or more */
    public UInt256 addExact(UInt256 o) {
        UInt256 r = add(o);
        if (r.compareTo(this) < 0)
            throw new ArithmeticException("UInt256 overflow: " + this + " + " + o);
        return r;
    }

    public UInt256 sub(UInt256 o) {
        long r0 = u0 - o.u0;
        long b = Long.compareUnsigned(u0, o.u0) < 0 ? 1 : 0;
        long d1 = u1 - o.u1;
        long r1 = d1 - b;
        b = (Long.compareUnsigned(u1, o.u1) < 0 || Long.compareUnsigned(d1, b) < 0) ? 1 : 0;
        long d2 = u2 - o.u2;
        long r2 = d2 - b;
        b = (Long.compareUnsigned(u2, o.u2) < 0 || Long.compareUnsigned(d2, b) < 0) ? 1 : 0;
        long r3 = u3 - o.u3 - b;
        return new UInt256(r3, r2, r1, r0);
    }

    /** @throws ArithmeticException if {@code o} is larger than this value */
    public UInt256 subExact(UInt256 o) {
        if (compareTo(o) < 0)
            throw new ArithmeticException("UInt256 underflow: " + this + " - " + o);
        return sub(o);
    }

    /** The low 256 bits of the product. */
    public UInt256 mul(UInt256 o) {
        long[] a = {u0, u1, u2, u3};
        long[] b = {o.u0, o.u1, o.u2, o.u3};
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            if (a[i] == 0)
                continue;
            long carry = 0;
            for (int j = 0; i + j < 4; j++) {
                long lo = a[i] * b[j];
                long hi = Math.unsignedMultiplyHigh(a[i], b[j]);
                long s = r[i + j] + lo;
                if (Long.compareUnsigned(s, lo) < 0)
                    hi++;
                long s2 = s + carry;
                if (Long.compareUnsigned(s2, s) < 0)
                    hi++;
                r[i + j] = s2;
                // a*b + r + carry < 2^128, so the high half cannot overflow.
                carry = hi;
            }
        }
        return new UInt256(r[3], r[2], r[1], r[0]);
    }

    /** Unsigned division, rounding towards zero. */
    public UInt256 div(UInt256 divisor) {
        return divRem(divisor, true);
    }

    /** The remainder of unsigned division. */
    public UInt256 mod(UInt256 divisor) {
        return divRem(divisor, false);
    }

    @Override
    public int compareTo(UInt256 o) {
        if (u3 != o.u3)
            return Long.compareUnsigned(u3, o.u3);
        if (u2 != o.u2)
            return Long.compareUnsigned(u2, o.u2);
        if (u1 != o.u1)
            return Long.compareUnsigned(u1, o.u1);
        return Long.compareUnsigned(u0, o.u0);
    }

    public boolean lessThan(UInt256 o) {
        return compareTo(o) < 0;
    }

    public boolean greaterThan(UInt256 o) {
        return compareTo(o) > 0;
    }

    public static UInt256 min(UInt256 a, UInt256 b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static UInt256 max(UInt256 a, UInt256 b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Decimal, the way balances are read by people. */
    @Override
    public String toString() {
        if ((u1 | u2 | u3) == 0)
            return Long.toUnsignedString(u0);
        return toBigInteger().toString();
    }

    private static void putLong(byte[] out, int at, long v) {
        for (int i = 0; i < 8; i++)
            out[at + i] = (byte) (v >>> (56 - 8 * i));
    }

    private UInt256 divRem(UInt256 divisor, boolean wantQuotient) {
        if (divisor.isZero())
            throw new ArithmeticException("division by zero");
        int cmp = compareTo(divisor);
        if (cmp < 0)
            return wantQuotient ? ZERO : this;
        if (cmp == 0)
            return wantQuotient ? ONE : ZERO;
        if ((u1 | u2 | u3 | divisor.u1 | divisor.u2 | divisor.u3) == 0) {
            return ofUnsigned(
                    wantQuotient ? Long.divideUnsigned(u0, divisor.u0) : Long.remainderUnsigned(u0, divisor.u0));
        }
        int[] u = toDigits(this);
        int[] v = toDigits(divisor);
        int m = significantDigits(u);
        int n = significantDigits(v);
        int[] q = new int[8];
        int[] r = new int[8];
        if (n == 1) {
            long d = v[0] & LOW32;
            long rem = 0;
            for (int i = m - 1; i >= 0; i--) {
                long cur = (rem << 32) | (u[i] & LOW32);
                q[i] = (int) Long.divideUnsigned(cur, d);
                rem = Long.remainderUnsigned(cur, d);
            }
            r[0] = (int) rem;
        } else {
            knuthDivide(u, m, v, n, q, r);
        }
        return fromDigits(wantQuotient ? q : r);
    }

    /**
     * Knuth's algorithm D (TAOCP 4.3.1) on 32-bit digits, as in Hacker's Delight {@code divmnu}. Requires {@code n >=
     * 2} and {@code m >= n}.
     */
    private static void knuthDivide(int[] u, int m, int[] v, int n, int[] q, int[] r) {
        int s = Integer.numberOfLeadingZeros(v[n - 1]);
        int[] vn = new int[n];
        int[] un = new int[m + 1];
        for (int i = n - 1; i > 0; i--)
            vn[i] = (v[i] << s) | (s == 0 ? 0 : v[i - 1] >>> (32 - s));
        vn[0] = v[0] << s;
        un[m] = s == 0 ? 0 : u[m - 1] >>> (32 - s);
        for (int i = m - 1; i > 0; i--)
            un[i] = (u[i] << s) | (s == 0 ? 0 : u[i - 1] >>> (32 - s));
        un[0] = u[0] << s;

        long vTop = vn[n - 1] & LOW32;
        long vNext = vn[n - 2] & LOW32;
        for (int j = m - n; j >= 0; j--) {
            long num = ((un[j + n] & LOW32) << 32) | (un[j + n - 1] & LOW32);
            long qhat = Long.divideUnsigned(num, vTop);
            long rhat = Long.remainderUnsigned(num, vTop);
            while (qhat > LOW32
                    || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & LOW32)) > 0) {
                qhat--;
                rhat += vTop;
                if (rhat > LOW32)
                    break;
            }
            long borrow = 0;
            long t;
            for (int i = 0; i < n; i++) {
                long p = qhat * (vn[i] & LOW32);
                t = (un[i + j] & LOW32) - borrow - (p & LOW32);
                un[i + j] = (int) t;
                borrow = (p >>> 32) - (t >> 32);
            }
            t = (un[j + n] & LOW32) - borrow;
            un[j + n] = (int) t;
            q[j] = (int) qhat;
            if (t < 0) {
                // qhat was one too large (rare): add the divisor back.
                q[j]--;
                long carry = 0;
                for (int i = 0; i < n; i++) {
                    t = (un[i + j] & LOW32) + (vn[i] & LOW32) + carry;
                    un[i + j] = (int) t;
                    carry = t >>> 32;
                }
                un[j + n] += (int) carry;
            }
        }
        for (int i = 0; i < n - 1; i++)
            r[i] = (un[i] >>> s) | (s == 0 ? 0 : un[i + 1] << (32 - s));
        r[n - 1] = un[n - 1] >>> s;
    }

    private static int[] toDigits(UInt256 x) {
        int[] d = new int[8];
        for (int i = 0; i < 4; i++) {
            long l = x.limb(i);
            d[2 * i] = (int) l;
            d[2 * i + 1] = (int) (l >>> 32);
        }
        return d;
    }

    private static UInt256 fromDigits(int[] d) {
        long[] l = new long[4];
        for (int i = 0; i < 4; i++)
            l[i] = (d[2 * i] & LOW32) | ((long) d[2 * i + 1] << 32);
        return new UInt256(l[3], l[2], l[1], l[0]);
    }

    private static int significantDigits(int[] d) {
        int n = d.length;
        while (n > 0 && d[n - 1] == 0)
            n--;
        return n;
    }
}
