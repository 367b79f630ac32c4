package org.stele.common.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.UInt256;

/**
 * A cursor over one level of RLP. {@link #readList()} returns a reader over the list's payload, so callers walk
 * nested structures with their own loops and the decoder never recurses. Decoding is strict: non-canonical
 * lengths, single bytes wrapped in a string prefix, leading zeros in scalars, items that overrun their
 * container and trailing bytes are all {@link RlpException}s naming the offset. Offsets are positions in the
 * original input, also for sub-readers. Input from outside should come in through {@link #of(byte[], int)} or
 * {@link #list(byte[], int)}, which refuse anything larger than the caller expects.
 */
public final class RlpReader {
    private final byte[] data;
    private final int end;
    private int pos;
    /*
     * The header that header() read last: where its item starts, whether it is a list, and where its payload starts
     * and how long it is. They are fields rather than a record returned by header() because header() made that record
     * on five paths: once inlined a dozen times into a transaction decoder, C2's escape analysis spent seconds of CPU
     * per compilation merging those allocations (JDK 25, ReduceAllocationMerges; docs/performance.md, branch h/jit).
     */
    private int itemStart;
    private boolean itemIsList;
    private int itemPayload;
    private int itemLength;

    private RlpReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** A reader over a whole encoding, which must be exactly one item. */
    public static RlpReader of(byte[] encoded) {
        return new RlpReader(encoded, 0, encoded.length);
    }

    /**
     * A reader over a whole encoding of at most {@code maxSize} bytes: input from outside is refused before any of it
     * is decoded when it is larger than the caller expects.
     */
    public static RlpReader of(byte[] encoded, int maxSize) {
        if (encoded.length > maxSize)
            throw new RlpException("input of " + encoded.length + " bytes exceeds the limit of " + maxSize, 0);
        return of(encoded);
    }

    /** Decodes {@code encoded}, which must be a single list, and returns a reader over its elements. */
    public static RlpReader list(byte[] encoded) {
        RlpReader r = of(encoded);
        RlpReader list = r.readList();
        r.requireEnd();
        return list;
    }

    /**
     * Decodes {@code encoded[from, to)}, which must be a single list, without copying it; offsets, {@link #position()}
     * included, stay positions in {@code encoded}.
     */
    public static RlpReader list(byte[] encoded, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, encoded.length);
        RlpReader r = new RlpReader(encoded, from, to);
        RlpReader list = r.readList();
        r.requireEnd();
        return list;
    }

    /** Like {@link #list(byte[])}, refusing input longer than {@code maxSize} bytes. */
    public static RlpReader list(byte[] encoded, int maxSize) {
        RlpReader r = of(encoded, maxSize);
        RlpReader list = r.readList();
        r.requireEnd();
        return list;
    }

    public boolean hasNext() {
        return pos < end;
    }

    public int position() {
        return pos;
    }

    /** Whether the next item is a list. */
    public boolean nextIsList() {
        requireMore();
        return (data[pos] & 0xff) >= 0xc0;
    }

    /** Fails unless every byte of this reader's range has been consumed. */
    public void requireEnd() {
        if (pos != end)
            throw new RlpException("unexpected trailing bytes: " + (end - pos) + " left", pos);
    }

    public RlpReader readList() {
        header();
        if (!itemIsList)
            throw new RlpException("expected a list, found a string", itemStart);
        pos = payloadEnd();
        return new RlpReader(data, itemPayload, payloadEnd());
    }

    public byte[] readBytes() {
        stringHeader();
        pos = payloadEnd();
        return Arrays.copyOfRange(data, itemPayload, payloadEnd());
    }

    public Bytes readBytesValue() {
        return Bytes.wrap(readBytes());
    }

    public Bytes32 readBytes32() {
        stringHeader();
        if (itemLength != 32)
            throw new RlpException("expected 32 bytes, got " + itemLength, itemStart);
        pos = payloadEnd();
        return Bytes32.wrap(Arrays.copyOfRange(data, itemPayload, payloadEnd()));
    }

    public Address readAddress() {
        stringHeader();
        if (itemLength != 20)
            throw new RlpException("expected a 20-byte address, got " + itemLength + " bytes", itemStart);
        pos = payloadEnd();
        return Address.wrap(Arrays.copyOfRange(data, itemPayload, payloadEnd()));
    }

    /** Reads a scalar's canonical bytes (no leading zero; zero is empty), up to {@code maxBytes} long. */
    public byte[] readScalarBytes(int maxBytes) {
        scalar(maxBytes);
        return Arrays.copyOfRange(data, itemPayload, payloadEnd());
    }

    /** A scalar that must fit in 63 bits. */
    public long readLong() {
        scalar(8);
        long v = bits();
        if (v < 0)
            throw new RlpException("scalar does not fit in a signed 64-bit integer", itemStart);
        return v;
    }

    /** A scalar of up to 64 bits, returned as the bits of an unsigned long. */
    public long readUnsignedLong() {
        scalar(8);
        return bits();
    }

    public int readInt() {
        int at = pos;
        long v = readLong();
        if (v > Integer.MAX_VALUE)
            throw new RlpException("scalar does not fit in an int", at);
        return (int) v;
    }

    /** A scalar of up to 32 bytes. */
    public BigInteger readUInt256() {
        return new BigInteger(1, readScalarBytes(32));
    }

    /** A scalar of up to 32 bytes, as limbs rather than a {@link BigInteger}. */
    public UInt256 readUInt256Value() {
        scalar(32);
        return UInt256.fromBytes(data, itemPayload, itemLength);
    }

    /** The next item as a generic tree, within {@link RlpLimits#DEFAULT}. */
    public RlpItem readItem() {
        return readItem(RlpLimits.DEFAULT);
    }

    /**
     * The next item as a generic tree. The item's encoding must fit in {@code limits.maxSize()} bytes, and its depth
     * and item count within the other limits; the tree is built with an explicit stack.
     */
    public RlpItem readItem(RlpLimits limits) {
        header();
        long size = (long) payloadEnd() - itemStart;
        if (size > limits.maxSize())
            throw new RlpException("item of " + size + " bytes exceeds the limit of " + limits.maxSize(), itemStart);
        return Rlp.read(this, limits);
    }

    /** The next item's complete encoding, prefix included. */
    public byte[] readRaw() {
        header();
        pos = payloadEnd();
        return Arrays.copyOfRange(data, itemStart, payloadEnd());
    }

    /** Skips the next item. */
    public void skip() {
        header();
        pos = payloadEnd();
    }

    private void stringHeader() {
        header();
        if (itemIsList)
            throw new RlpException("expected a string, found a list", itemStart);
    }

    /** Checks that the next item is a canonical scalar of at most {@code maxBytes} bytes and steps past it. */
    private void scalar(int maxBytes) {
        stringHeader();
        if (itemLength > 0 && data[itemPayload] == 0)
            throw new RlpException("scalar has leading zero bytes", itemStart);
        if (itemLength > maxBytes)
            throw new RlpException("scalar longer than " + maxBytes + " bytes", itemStart);
        pos = payloadEnd();
    }

    private long bits() {
        long v = 0;
        for (int i = itemPayload; i < payloadEnd(); i++)
            v = (v << 8) | (data[i] & 0xff);
        return v;
    }

    private void requireMore() {
        if (pos >= end)
            throw new RlpException("unexpected end of input", pos);
    }

    private int payloadEnd() {
        return itemPayload + itemLength;
    }

    /** Reads the next item's header into the item fields, without moving past it. */
    private void header() {
        requireMore();
        int start = pos;
        int b = data[pos] & 0xff;
        int payload;
        int len;
        if (b < 0x80) {
            payload = start;
            len = 1;
        } else if (b <= 0xb7) {
            len = b - 0x80;
            checkFits(start, 1, len);
            if (len == 1 && (data[start + 1] & 0xff) < 0x80) {
                throw new RlpException("single byte below 0x80 must not have a string prefix", start);
            }
            payload = start + 1;
        } else if (b < 0xc0) {
            len = longLength(start, b - 0xb7);
            payload = start + 1 + (b - 0xb7);
        } else if (b <= 0xf7) {
            len = b - 0xc0;
            checkFits(start, 1, len);
            payload = start + 1;
        } else {
            len = longLength(start, b - 0xf7);
            payload = start + 1 + (b - 0xf7);
        }
        itemStart = start;
        itemIsList = b >= 0xc0;
        itemPayload = payload;
        itemLength = len;
    }

    private int longLength(int start, int lenOfLen) {
        if (start + 1 + lenOfLen > end)
            throw new RlpException("length prefix runs past the end of input", start);
        if (data[start + 1] == 0)
            throw new RlpException("length has leading zero bytes", start);
        if (lenOfLen > 4)
            throw new RlpException("length of " + lenOfLen + " bytes is too large", start);
        long len = 0;
        for (int i = 0; i < lenOfLen; i++)
            len = (len << 8) | (data[start + 1 + i] & 0xff);
        if (len < 56)
            throw new RlpException("long-form length " + len + " should use the short form", start);
        if (len > Integer.MAX_VALUE)
            throw new RlpException("length " + len + " is too large", start);
        checkFits(start, 1 + lenOfLen, len);
        return (int) len;
    }

    private void checkFits(int start, int prefix, long len) {
        if (start + prefix + len > end) {
            throw new RlpException("item of " + len + " bytes runs past the end of its container", start);
        }
    }
}
