package org.stele.rpc.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * A growing run of ASCII bytes in fixed-size chunks, so that a long trace costs about the bytes of its JSON and
 * never a doubling copy of them.
 */
final class AsciiBuffer {
    private static final int CHUNK = 1 << 20;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int pos = CHUNK;
    private long size;

    long size() {
        return size;
    }

    AsciiBuffer append(char c) {
        if (pos == CHUNK) {
            current = new byte[CHUNK];
            chunks.add(current);
            pos = 0;
        }
        current[pos++] = (byte) c;
        size++;
        return this;
    }

    /** Appends text known to be ASCII (names, numbers, hex). */
    AsciiBuffer append(String ascii) {
        for (int i = 0; i < ascii.length(); i++) append(ascii.charAt(i));
        return this;
    }

    AsciiBuffer append(long v) {
        return append(Long.toString(v));
    }

    /** {@code "0x…"}: the word as a quantity, without leading zeros ({@code "0x0"} for zero). */
    AsciiBuffer quantity(byte[] word) {
        append('"').append('0').append('x');
        int i = 0;
        while (i < word.length && word[i] == 0) i++;
        if (i == word.length) return append('0').append('"');
        int first = word[i] & 0xff;
        if (first >= 0x10) append((char) HEX[first >>> 4]);
        append((char) HEX[first & 0xf]);
        for (i++; i < word.length; i++) hexByte(word[i]);
        return append('"');
    }

    /** {@code "…"}: bytes as hex without a prefix. */
    AsciiBuffer hex(byte[] bytes, int from, int to) {
        append('"');
        for (int i = from; i < to; i++) hexByte(bytes[i]);
        return append('"');
    }

    private void hexByte(byte b) {
        append((char) HEX[(b & 0xff) >>> 4]).append((char) HEX[b & 0xf]);
    }

    /** Copies {@code len} bytes from {@code from} into {@code out} at {@code at}. */
    void copy(long from, byte[] out, int at, int len) {
        while (len > 0) {
            int chunk = (int) (from / CHUNK);
            int offset = (int) (from % CHUNK);
            int n = Math.min(len, CHUNK - offset);
            System.arraycopy(chunks.get(chunk), offset, out, at, n);
            from += n;
            at += n;
            len -= n;
        }
    }
}
