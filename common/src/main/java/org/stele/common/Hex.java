package org.stele.common;

/** Hex text at the edges of the system (JSON, CLI, fixtures); everything inside works on bytes. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    /** Each ASCII character's digit value, -1 for a character that is no hex digit. */
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int d = 0; d < 10; d++)
            VALUES['0' + d] = (byte) d;
        for (int d = 0; d < 6; d++) {
            VALUES['a' + d] = (byte) (10 + d);
            VALUES['A' + d] = (byte) (10 + d);
        }
    }

    private Hex() {
    }

    /** Lower-case hex with a {@code 0x} prefix. */
    public static String encode(byte[] bytes) {
        return "0x" + encodeNoPrefix(bytes);
    }

    public static String encodeNoPrefix(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        digitsInto(bytes, out, 0);
        return new String(out);
    }

    /**
     * Writes {@code 0x} and two lower-case digits a byte into {@code out} from its start (for writers that reuse one
     * buffer instead of making a string); answers the count of characters written, {@code 2 + 2 * bytes.length}.
     */
    public static int encodeInto(byte[] bytes, char[] out) {
        out[0] = '0';
        out[1] = 'x';
        digitsInto(bytes, out, 2);
        return 2 + 2 * bytes.length;
    }

    /** The value of the hex digit {@code c} (an ASCII character or a byte of ASCII text); -1 for any other. */
    public static int digitValue(int c) {
        return c >= 0 && c < VALUES.length ? VALUES[c] : -1;
    }

    /** The character of the hex digit {@code value} (0 to 15), lower case. */
    public static char digitChar(int value) {
        return DIGITS[value];
    }

    private static void digitsInto(byte[] bytes, char[] out, int at) {
        for (int i = 0; i < bytes.length; i++) {
            out[at + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[at + 2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
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
        // a table rather than three ranges: JSON-RPC decodes every raw transaction's digits through here
        int v = c < VALUES.length ? VALUES[c] : -1;
        if (v >= 0)
            return v;
        throw new IllegalArgumentException(
                "invalid hex character '" + c + "' at position " + i + " in " + abbreviate(hex));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
