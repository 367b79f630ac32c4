package org.stele.evm;

import org.stele.common.Bytes32;

/**
 * An immutable 256-bit word as four 64-bit limbs, least significant first ({@code l0} holds bits 0..63). The journal
 * keys and values storage by it, so that SLOAD and SSTORE never go through byte arrays or {@code BigInteger}.
 */
public record Word(long l0, long l1, long l2, long l3) {
    public static final Word ZERO = new Word(0, 0, 0, 0);

    public boolean isZero() {
        return (l0 | l1 | l2 | l3) == 0;
    }

    public static Word of(long value) {
        return value == 0 ? ZERO : new Word(value, 0, 0, 0);
    }

    public static Word fromBytes32(Bytes32 b) {
        return fromBytes(b.unsafeArray(), 0);
    }

    /** Reads 32 big-endian bytes from {@code b} at {@code off}. */
    public static Word fromBytes(byte[] b, int off) {
        long l3 = readLong(b, off), l2 = readLong(b, off + 8), l1 = readLong(b, off + 16), l0 = readLong(b, off + 24);
        if ((l0 | l1 | l2 | l3) == 0)
            return ZERO;
        return new Word(l0, l1, l2, l3);
    }

    public Bytes32 toBytes32() {
        byte[] out = new byte[32];
        writeTo(out, 0);
        return Bytes32.wrap(out);
    }

    /** Writes the word as 32 big-endian bytes into {@code out} at {@code off}. */
    public void writeTo(byte[] out, int off) {
        writeLong(out, off, l3);
        writeLong(out, off + 8, l2);
        writeLong(out, off + 16, l1);
        writeLong(out, off + 24, l0);
    }

    static long readLong(byte[] b, int off) {
        return ((long) b[off] << 56) | ((long) (b[off + 1] & 0xFF) << 48) | ((long) (b[off + 2] & 0xFF) << 40)
                | ((long) (b[off + 3] & 0xFF) << 32)
                | ((long) (b[off + 4] & 0xFF) << 24) | ((b[off + 5] & 0xFF) << 16) | ((b[off + 6] & 0xFF) << 8)
                | (b[off + 7] & 0xFF);
    }

    static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    /**
     * Written out rather than left to the record: the generated {@code equals} and {@code hashCode} go through
     * {@code ObjectMethods}' method-handle tree, which C2 parses again in every hot method that inlines them (the
     * journal's slot maps), about 6% of all the bytecode it parsed in a benchmark run. Same results as the record's.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Word w && l0 == w.l0 && l1 == w.l1 && l2 == w.l2 && l3 == w.l3;
    }

    /** The record's own combination ({@code 31 * h + c} over the components in order), so maps keep their order. */
    @Override
    public int hashCode() {
        return ((Long.hashCode(l0) * 31 + Long.hashCode(l1)) * 31 + Long.hashCode(l2)) * 31 + Long.hashCode(l3);
    }

    @Override
    public String toString() {
        return toBytes32().toHex();
    }
}
