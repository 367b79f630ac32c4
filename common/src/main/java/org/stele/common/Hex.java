package org.stele.common;

/** Hex text at the edges of the system (JSON, CLI, fixtures); everything inside works on bytes. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case hex with a {@code 0x} prefix. */
    public static String encode(byte[] bytes) {
        return "0x" + encodeNoPrefix(bytes);
    }

    public static String encodeNoPrefix(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Decodes hex with or without a {@code 0x} prefix. An odd number of digits is read as if a leading zero were
     * present, as Ethereum tooling does for quantities.
     *
     * @throws IllegalArgumentException naming the offending character and its position
     */
    public static byte[] decode(String hex) {
        int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
        int digits = hex.length() - start;
        byte[] out = new byte[(digits + 1) / 2];
        int o = out.length - 1;
        for (int i = hex.length() - 1; i >= start; i -= 2) {
            int lo = digit(hex, i);
            int hi = i - 1 >= start ? digit(hex, i - 1) : 0;
            out[o--] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Decodes hex that must have an even number of digits (byte strings rather than quantities). */
    public static byte[] decodeStrict(String hex) {
        int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
        if (((hex.length() - start) & 1) != 0) {
            throw new IllegalArgumentException("hex string has an odd number of digits: " + abbreviate(hex));
        }
        return decode(hex);
    }

    private static int digit(String hex, int i) {
        char c = hex.charAt(i);
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        throw new IllegalArgumentException(
                "invalid hex character '" + c + "' at position " + i + " in " + abbreviate(hex));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
