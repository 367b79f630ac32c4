package org.stele.evm.interp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Conversions between 256-bit words on the limb stack and what lies outside it: big-endian bytes in memory and code,
 * PUSH immediates, longs, and {@code BigInteger} for the values that come from outside the stack (balances, call
 * values). The arithmetic on the limbs is {@link U256}; division and the modular opcodes are {@link U256Division}.
 */
final class U256Bytes {
    private U256Bytes() {
    }

    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

    /**
     * Big-endian longs at any byte offset of a {@code byte[]}, for loads: the JIT turns each into a single load and a
     * byte swap, which eight byte loads are not (C2 merges adjacent stores, not loads). Every call site inlines the
     * handle's {@code java.lang.invoke} plumbing, which C2 parses again each time, so the loads below go through as
     * few call sites as they can.
     */
    private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static void toBytes(long[] s, int b, byte[] out, int off) {
        writeLong(out, off, s[b + 3]);
        writeLong(out, off + 8, s[b + 2]);
        writeLong(out, off + 16, s[b + 1]);
        writeLong(out, off + 24, s[b]);
    }

    /**
     * Eight byte stores, most significant first: C2's MergeStores makes them one 8-byte store with a byte swap, as
     * fast as the VarHandle's and without its plumbing to parse in every method that inlines a store.
     */
    static void writeLong(byte[] out, int off, long v) {
        out[off] = (byte) (v >>> 56);
        out[off + 1] = (byte) (v >>> 48);
        out[off + 2] = (byte) (v >>> 40);
        out[off + 3] = (byte) (v >>> 32);
        out[off + 4] = (byte) (v >>> 24);
        out[off + 5] = (byte) (v >>> 16);
        out[off + 6] = (byte) (v >>> 8);
        out[off + 7] = (byte) v;
    }

    /**
     * Reads 32 big-endian bytes at {@code off} (which must be in bounds). A loop so that the handle's plumbing is
     * parsed once, not four times, wherever this is inlined; C2 unrolls the four iterations.
     */
    static void fromBytes32(byte[] in, int off, long[] s, int b) {
        for (int i = 0; i < 4; i++)
            s[b + 3 - i] = readLong(in, off + 8 * i);
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
            U256.set(s, b, v.longValue());
            return;
        }
        s[b] = v.longValue();
        s[b + 1] = v.shiftRight(64).longValue();
        s[b + 2] = v.shiftRight(128).longValue();
        s[b + 3] = v.shiftRight(192).longValue();
    }
}
