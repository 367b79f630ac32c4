package org.stele.rpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stele.common.Hex;

/**
 * A batch of calls that each pass one hex string, read straight from the request's bytes: the hex is decoded into
 * the argument's bytes where it stands, with no parser tokens, strings or tree per call. It reads only the plain
 * shape clients send a batch of raw transactions in ({@code [{"jsonrpc":"2.0","id":7,"method":"eth_sendRawTransaction",
 * "params":["0x02f8..."]}, ...]}, members in any order, JSON's whitespace anywhere between tokens); anything else —
 * an escape in any string, another member, a fractional or exponent id, a notification, a malformed hex string, one
 * call alone — is not read here at all, and the general parser answers the whole request with its usual answers and
 * errors. So this class decides nothing about what is valid: it only recognises what it can read faithfully.
 */
public final class HexCallBatch {
    /** Ids and method names longer than this are left to the general parser (they are never that long in practice). */
    private static final int MAX_TOKEN = 80;
    private static final byte[] JSONRPC = ascii("jsonrpc");
    private static final byte[] ID = ascii("id");
    private static final byte[] METHOD = ascii("method");
    private static final byte[] PARAMS = ascii("params");
    private static final byte[] VERSION = ascii("2.0");

    /**
     * One call of the batch.
     *
     * @param id the id as its JSON text: a number's digits, or a string with its quotes (which, having no escapes and
     *        only printable ASCII characters, any JSON writer writes back the same)
     * @param method the method's name
     * @param argument the bytes of the one hex string in {@code params}
     */
    public record Call(String id, String method, byte[] argument) {}

    private final byte[] b;
    private int i;
    private byte[] lastMethodBytes;
    private String lastMethod;

    private HexCallBatch(byte[] body) {
        this.b = body;
    }

    /**
     * The calls of {@code body}, in order, or null when it is not a batch of at least one and at most {@code maxCalls}
     * calls in the plain shape (see the class comment).
     */
    public static List<Call> read(byte[] body, int maxCalls) {
        return new HexCallBatch(body).batch(maxCalls);
    }

    private List<Call> batch(int maxCalls) {
        ws();
        if (!at('[')) return null;
        i++;
        List<Call> calls = new ArrayList<>(Math.min(maxCalls, 128));
        while (true) {
            ws();
            Call c = call();
            if (c == null || calls.size() == maxCalls) return null;
            calls.add(c);
            ws();
            if (at(',')) {
                i++;
            } else if (at(']')) {
                i++;
                break;
            } else {
                return null;
            }
        }
        ws();
        return i == b.length ? calls : null;
    }

    private Call call() {
        if (!at('{')) return null;
        i++;
        String id = null;
        String method = null;
        byte[] argument = null;
        boolean version = false;
        while (true) {
            ws();
            int keyStart = i + 1;
            if (!plainString()) return null;
            int keyEnd = i - 1;
            ws();
            if (!at(':')) return null;
            i++;
            ws();
            if (is(keyStart, keyEnd, JSONRPC)) {
                if (version) return null;
                int s = i + 1;
                if (!plainString() || !is(s, i - 1, VERSION)) return null;
                version = true;
            } else if (is(keyStart, keyEnd, ID)) {
                if (id != null) return null;
                id = id();
                if (id == null) return null;
            } else if (is(keyStart, keyEnd, METHOD)) {
                if (method != null) return null;
                int s = i + 1;
                if (!plainString() || i - 1 - s > MAX_TOKEN) return null;
                method = methodName(s, i - 1);
            } else if (is(keyStart, keyEnd, PARAMS)) {
                if (argument != null) return null;
                argument = params();
                if (argument == null) return null;
            } else {
                return null;
            }
            ws();
            if (at(',')) {
                i++;
            } else if (at('}')) {
                i++;
                break;
            } else {
                return null;
            }
        }
        return version && id != null && method != null && argument != null ? new Call(id, method, argument) : null;
    }

    /** A number in JSON's integer form, or a plain string; null for anything else. */
    private String id() {
        int s = i;
        if (at('"')) {
            if (!plainString() || i - s > MAX_TOKEN + 2) return null;
            return new String(b, s, i - s, StandardCharsets.ISO_8859_1);
        }
        if (at('-')) i++;
        if (!digit()) return null;
        if (b[i] == '0') {
            i++;
            if (i < b.length && isDigit(b[i])) return null; // a leading zero: not JSON
        } else {
            while (i < b.length && isDigit(b[i])) i++;
        }
        // a fraction or an exponent is a number too, but read as a double by the general parser's callers
        if (i < b.length && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) return null;
        if (i - s > MAX_TOKEN) return null;
        return new String(b, s, i - s, StandardCharsets.ISO_8859_1);
    }

    /** {@code ["0x<even number of hex digits, at least two>"]}, decoded; null for anything else. */
    private byte[] params() {
        if (!at('[')) return null;
        i++;
        ws();
        if (!at('"') || i + 3 >= b.length || b[i + 1] != '0' || b[i + 2] != 'x') return null;
        int s = i + 3;
        int e = s;
        while (e < b.length && b[e] != '"') e++;
        int digits = e - s;
        if (e == b.length || digits == 0 || (digits & 1) != 0) return null;
        byte[] out = new byte[digits / 2];
        int bad = 0;
        for (int k = 0, p = s; k < out.length; k++, p += 2) {
            int hi = Hex.digitValue(b[p] & 0xFF);
            int lo = Hex.digitValue(b[p + 1] & 0xFF);
            bad |= hi | lo;
            out[k] = (byte) ((hi << 4) | lo);
        }
        if (bad < 0) return null;
        i = e + 1;
        ws();
        if (!at(']')) return null;
        i++;
        return out;
    }

    /** Steps over a string of printable ASCII without escapes; false (position undefined) for any other string. */
    private boolean plainString() {
        if (!at('"')) return false;
        for (int p = i + 1; p < b.length; p++) {
            byte c = b[p];
            if (c == '"') {
                i = p + 1;
                return true;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') return false;
        }
        return false;
    }

    /** The method's name; a batch names the same method in every call, so one string serves them all. */
    private String methodName(int s, int e) {
        if (lastMethodBytes != null && Arrays.equals(b, s, e, lastMethodBytes, 0, lastMethodBytes.length))
            return lastMethod;
        lastMethodBytes = Arrays.copyOfRange(b, s, e);
        lastMethod = new String(lastMethodBytes, StandardCharsets.ISO_8859_1);
        return lastMethod;
    }

    private boolean is(int s, int e, byte[] word) {
        return Arrays.equals(b, s, e, word, 0, word.length);
    }

    private boolean at(char c) {
        return i < b.length && b[i] == c;
    }

    private boolean digit() {
        return i < b.length && isDigit(b[i]);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** JSON's whitespace: space, tab, line feed, carriage return. */
    private void ws() {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) i++;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
