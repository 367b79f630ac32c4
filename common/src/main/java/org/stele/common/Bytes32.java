package org.stele.common;

import java.util.Arrays;

/** Exactly 32 bytes: hashes, storage keys and values, roots. */
public final class Bytes32 implements Comparable<Bytes32> {
    public static final int SIZE = 32;
    public static final Bytes32 ZERO = new Bytes32(new byte[SIZE]);

    private final byte[] bytes;
    private int hash;

    private Bytes32(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of a 32-byte array. */
    public static Bytes32 wrap(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
        }
        return new Bytes32(bytes);
    }

    public static Bytes32 of(Bytes b) {
        return wrap(b.toArray());
    }

    public static Bytes32 fromHex(String hex) {
        return wrap(Hex.decodeStrict(hex));
    }

    /** Left-pads up to 32 bytes, the way the EVM widens a shorter big-endian value. */
    public static Bytes32 leftPad(byte[] b) {
        if (b.length > SIZE)
            throw new IllegalArgumentException("more than 32 bytes: " + b.length);
        byte[] out = new byte[SIZE];
        System.arraycopy(b, 0, out, SIZE - b.length, b.length);
        return new Bytes32(out);
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    /** The backing array, for hot paths; it must not be modified. */
    public byte[] unsafeArray() {
        return bytes;
    }

    public Bytes toBytes() {
        return Bytes.wrap(bytes.clone());
    }

    public boolean isZero() {
        for (byte b : bytes)
            if (b != 0)
                return false;
        return true;
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes32 b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(Bytes32 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
