package org.stele.trie;

import java.util.Arrays;

/** Paths as arrays of nibbles (one per byte, 0-15) and their hex-prefix (compact) encoding. */
final class Nibbles {
    static final byte[] EMPTY = new byte[0];

    private Nibbles() {
    }

    static byte[] fromBytes(byte[] key) {
        byte[] out = new byte[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            out[2 * i] = (byte) ((key[i] >> 4) & 0xF);
            out[2 * i + 1] = (byte) (key[i] & 0xF);
        }
        return out;
    }

    /** Packs an even number of nibbles back into bytes. */
    static byte[] toBytes(byte[] nibbles, int length) {
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++)
            out[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
        return out;
    }

    static int commonPrefix(byte[] a, int aOff, byte[] b, int bOff) {
        int n = Math.min(a.length - aOff, b.length - bOff);
        int i = 0;
        while (i < n && a[aOff + i] == b[bOff + i])
            i++;
        return i;
    }

    static boolean matchesAt(byte[] path, int off, byte[] prefix) {
        if (path.length - off < prefix.length)
            return false;
        for (int i = 0; i < prefix.length; i++)
            if (path[off + i] != prefix[i])
                return false;
        return true;
    }

    static byte[] slice(byte[] a, int from, int to) {
        return from == to ? EMPTY : Arrays.copyOfRange(a, from, to);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Hex-prefix encoding (Yellow Paper appendix C): flag nibble 2 for leaves, +1 for odd length. */
    static byte[] encodeCompact(byte[] nibbles, boolean leaf) {
        boolean odd = (nibbles.length & 1) == 1;
        int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
        byte[] out = new byte[nibbles.length / 2 + 1];
        int i = 0;
        if (odd) {
            out[0] = (byte) ((flag << 4) | nibbles[0]);
            i = 1;
        } else {
            out[0] = (byte) (flag << 4);
        }
        for (int o = 1; o < out.length; o++, i += 2)
            out[o] = (byte) ((nibbles[i] << 4) | nibbles[i + 1]);
        return out;
    }

    /** A decoded hex-prefix path. */
    record Compact(byte[] nibbles, boolean leaf) {}

    /** @throws TrieException when the flag nibble or the padding is not what hex-prefix allows */
    static Compact decodeCompact(byte[] compact) {
        if (compact.length == 0)
            throw new TrieException("empty hex-prefix path");
        int flag = (compact[0] >> 4) & 0xF;
        if (flag > 3)
            throw new TrieException("invalid hex-prefix flag " + flag);
        boolean odd = (flag & 1) == 1;
        if (!odd && (compact[0] & 0xF) != 0)
            throw new TrieException("hex-prefix padding nibble is not zero");
        int len = (compact.length - 1) * 2 + (odd ? 1 : 0);
        byte[] out = new byte[len];
        int o = 0;
        if (odd)
            out[o++] = (byte) (compact[0] & 0xF);
        for (int i = 1; i < compact.length; i++) {
            out[o++] = (byte) ((compact[i] >> 4) & 0xF);
            out[o++] = (byte) (compact[i] & 0xF);
        }
        return new Compact(out, flag >= 2);
    }
}
