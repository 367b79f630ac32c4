package org.stele.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable byte string. The array it wraps is never exposed without a copy, except through
 * {@link #unsafeArray()} for hot paths that promise not to write to it.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;
    private int hash;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies the array. */
    public static Bytes of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** Takes ownership of the array: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    public static Bytes fromHex(String hex) {
        return wrap(Hex.decodeStrict(hex));
    }

    public static Bytes concat(Bytes... parts) {
        int len = 0;
        for (Bytes p : parts)
            len += p.bytes.length;
        byte[] out = new byte[len];
        int o = 0;
        for (Bytes p : parts) {
            System.arraycopy(p.bytes, 0, out, o, p.bytes.length);
            o += p.bytes.length;
        }
        return wrap(out);
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte get(int i) {
        return bytes[i];
    }

    /** @throws IndexOutOfBoundsException unless the range lies within this byte string */
    public Bytes slice(int from, int length) {
        // Arrays.copyOfRange would silently pad a range that runs past the end with zeros.
        Objects.checkFromIndexSize(from, length, bytes.length);
        return wrap(Arrays.copyOfRange(bytes, from, from + length));
    }

    public Bytes slice(int from) {
        return slice(from, bytes.length - from);
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    /** The backing array, for hot paths; it must not be modified. */
    public byte[] unsafeArray() {
        return bytes;
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
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

    /** Unsigned lexicographic order, the order of keys in RocksDB and in the trie. */
    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
