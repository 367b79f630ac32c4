package org.stele.common.rlp;

import java.util.Objects;
import org.stele.common.Bytes;

/** An RLP byte string. */
public record RlpString(Bytes value) implements RlpItem {
    public static final RlpString EMPTY = new RlpString(Bytes.EMPTY);

    public RlpString {
        Objects.requireNonNull(value, "value");
    }

    public static RlpString of(byte... bytes) {
        return new RlpString(Bytes.of(bytes));
    }

    /** The bits of {@code unsigned} as an RLP scalar: big-endian, no leading zeros, zero as the empty string. */
    public static RlpString ofScalar(long unsigned) {
        if (unsigned == 0)
            return EMPTY;
        int n = 8 - Long.numberOfLeadingZeros(unsigned) / 8;
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++)
            b[n - 1 - i] = (byte) (unsigned >>> (8 * i));
        return new RlpString(Bytes.wrap(b));
    }

    @Override
    public String toString() {
        return value.toHex();
    }
}
