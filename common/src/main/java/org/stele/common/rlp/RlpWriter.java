package org.stele.common.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.stele.common.UInt256;

/**
 * Streams RLP into a growing buffer. Lists are opened and closed explicitly; the length prefix of a list is
 * written when it closes, by shifting its payload right by the prefix size. Nesting is tracked on an int stack,
 * not on the Java call stack.
 */
public final class RlpWriter {
    private byte[] buf;
    private int pos;
    private int[] listStarts = new int[8];
    private int depth;

    public RlpWriter() {
        this(64);
    }

    public RlpWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public RlpWriter startList() {
        if (depth == listStarts.length)
            listStarts = Arrays.copyOf(listStarts, depth * 2);
        listStarts[depth++] = pos;
        return this;
    }

    public RlpWriter endList() {
        if (depth == 0)
            throw new IllegalStateException("endList without startList");
        int start = listStarts[--depth];
        int payload = pos - start;
        int prefix = prefixLength(payload);
        ensure(prefix);
        System.arraycopy(buf, start, buf, start + prefix, payload);
        writePrefix(start, payload, 0xc0);
        pos += prefix;
        return this;
    }

    /** Writes a byte string. */
    public RlpWriter writeBytes(byte[] b) {
        return writeBytes(b, 0, b.length);
    }

    public RlpWriter writeBytes(byte[] b, int off, int len) {
        if (len == 1 && (b[off] & 0xff) < 0x80) {
            ensure(1);
            buf[pos++] = b[off];
            return this;
        }
        int prefix = prefixLength(len);
        ensure(prefix + len);
        writePrefix(pos, len, 0x80);
        pos += prefix;
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    public RlpWriter writeBytes(org.stele.common.Bytes b) {
        return writeBytes(b.unsafeArray());
    }

    public RlpWriter writeBytes(org.stele.common.Bytes32 b) {
        return writeBytes(b.unsafeArray());
    }

    public RlpWriter writeBytes(org.stele.common.Address a) {
        return writeBytes(a.unsafeArray());
    }

    /** Writes a non-negative integer as a scalar: big-endian, no leading zeros, zero as the empty string. */
    public RlpWriter writeLong(long v) {
        if (v < 0)
            throw new IllegalArgumentException("RLP scalars are unsigned; use writeUnsignedLong for 64-bit values");
        return writeUnsignedLong(v);
    }

    /** Writes the 64 bits of {@code v} as an unsigned scalar. */
    public RlpWriter writeUnsignedLong(long v) {
        if (v == 0) {
            ensure(1);
            buf[pos++] = (byte) 0x80;
            return this;
        }
        if (v > 0 && v < 0x80) {
            ensure(1);
            buf[pos++] = (byte) v;
            return this;
        }
        int n = 8 - Long.numberOfLeadingZeros(v) / 8;
        ensure(1 + n);
        buf[pos++] = (byte) (0x80 + n);
        for (int i = n - 1; i >= 0; i--)
            buf[pos++] = (byte) (v >>> (8 * i));
        return this;
    }

    /** Writes {@code v} as a scalar: big-endian, no leading zeros, zero as the empty string. */
    public RlpWriter writeUInt256(UInt256 v) {
        if (v.u1() == 0 && v.u2() == 0 && v.u3() == 0)
            return writeUnsignedLong(v.u0());
        int n = (v.bitLength() + 7) >>> 3;
        ensure(1 + n);
        buf[pos++] = (byte) (0x80 + n);
        for (int i = n - 1; i >= 0; i--)
            buf[pos++] = (byte) (v.limb(i >>> 3) >>> (8 * (i & 7)));
        return this;
    }

    /** Writes a generic item (and everything nested in it) in its canonical encoding. */
    public RlpWriter writeItem(RlpItem item) {
        return writeRaw(Rlp.encode(item));
    }

    public RlpWriter writeBigInteger(BigInteger v) {
        if (v.signum() < 0)
            throw new IllegalArgumentException("RLP scalars are unsigned: " + v);
        if (v.signum() == 0)
            return writeBytes(new byte[0]);
        byte[] b = v.toByteArray();
        int off = b[0] == 0 ? 1 : 0;
        return writeBytes(b, off, b.length - off);
    }

    /** Writes an unsigned big-endian scalar given as bytes, dropping leading zeros. */
    public RlpWriter writeScalar(byte[] bigEndian) {
        int off = 0;
        while (off < bigEndian.length && bigEndian[off] == 0)
            off++;
        return writeBytes(bigEndian, off, bigEndian.length - off);
    }

    /** Appends already-encoded RLP verbatim. */
    public RlpWriter writeRaw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buf, pos, encoded.length);
        pos += encoded.length;
        return this;
    }

    public byte[] toByteArray() {
        if (depth != 0)
            throw new IllegalStateException(depth + " list(s) still open");
        return Arrays.copyOf(buf, pos);
    }

    public int size() {
        return pos;
    }

    static int prefixLength(int len) {
        if (len < 56)
            return 1;
        return 1 + lengthOfLength(len);
    }

    private static int lengthOfLength(int len) {
        return 4 - Integer.numberOfLeadingZeros(len) / 8;
    }

    private void writePrefix(int at, int len, int base) {
        writePrefix(buf, at, len, base);
    }

    /**
     * Writes the prefix of a string ({@code base} 0x80) or list ({@code base} 0xc0) whose payload is {@code len} bytes
     * long, and returns the prefix's size.
     */
    static int writePrefix(byte[] out, int at, int len, int base) {
        if (len < 56) {
            out[at] = (byte) (base + len);
            return 1;
        }
        int n = lengthOfLength(len);
        out[at] = (byte) (base + 55 + n);
        for (int i = 0; i < n; i++)
            out[at + 1 + i] = (byte) (len >>> (8 * (n - 1 - i)));
        return 1 + n;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) pos + extra);
            if (want > Integer.MAX_VALUE - 8)
                throw new IllegalStateException("RLP output too large");
            buf = Arrays.copyOf(buf, (int) want);
        }
    }
}
