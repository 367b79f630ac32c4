package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;

/**
 * The positional parameters of a call, read with the Ethereum wire types. Every failure is an invalid-params
 * error that names the parameter by position and meaning, so that a client sees what to fix.
 */
public final class Params {
    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private final ArrayNode params;

    public Params(ArrayNode params) {
        this.params = params;
    }

    public static Params of(JsonNode... values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (JsonNode v : values) a.add(v);
        return new Params(a);
    }

    /**
     * One value read as if it stood at {@code position}, for fields inside an object parameter: their errors then name
     * the argument the client sent.
     */
    public static Params at(int position, JsonNode value) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < position; i++) a.addNull();
        a.add(value);
        return new Params(a);
    }

    public int size() {
        return params.size();
    }

    /** Fails when more than {@code max} parameters were given. */
    public Params atMost(int max) {
        if (params.size() > max) {
            throw JsonRpcException.invalidParams("too many arguments, want at most " + max + ", got " + params.size());
        }
        return this;
    }

    public boolean has(int i) {
        return i < params.size() && !params.get(i).isNull() && !params.get(i).isMissingNode();
    }

    /** The raw JSON of a required parameter. */
    public JsonNode required(int i, String name) {
        if (!has(i)) throw invalid(i, name, "missing value");
        return params.get(i);
    }

    public Optional<JsonNode> optional(int i) {
        return has(i) ? Optional.of(params.get(i)) : Optional.empty();
    }

    public Address address(int i, String name) {
        return parseAddress(text(i, name), i, name);
    }

    public Bytes32 hash(int i, String name) {
        String s = text(i, name);
        byte[] b = hexBytes(s, i, name);
        if (b.length != 32) throw invalid(i, name, "hex string has " + b.length + " bytes, want 32");
        return Bytes32.wrap(b);
    }

    /** A 256-bit word given as hex of up to 32 bytes, leading zeros allowed (storage slots, as geth reads them). */
    public Bytes32 word(int i, String name) {
        String s = text(i, name);
        if (!s.startsWith("0x") && !s.startsWith("0X")) throw invalid(i, name, "hex string without 0x prefix");
        if (s.length() > 66) throw invalid(i, name, "more than 32 bytes");
        try {
            return Bytes32.leftPad(Hex.decode(s));
        } catch (IllegalArgumentException e) {
            throw invalid(i, name, e.getMessage());
        }
    }

    /** Hex data of any length ({@code 0x}-prefixed, even number of digits). */
    public Bytes data(int i, String name) {
        return Bytes.wrap(hexBytes(text(i, name), i, name));
    }

    /** A hex quantity ({@code 0x}-prefixed, no leading zeros beyond {@code 0x0}) of up to 256 bits. */
    public BigInteger quantity(int i, String name) {
        return parseQuantity(text(i, name), i, name);
    }

    /** A hex quantity that fits in a non-negative long. */
    public long longQuantity(int i, String name) {
        BigInteger q = quantity(i, name);
        if (q.bitLength() > 63) throw invalid(i, name, "value " + q + " is too large");
        return q.longValue();
    }

    /** A count given as a hex quantity or, as some clients send it, a plain JSON number. */
    public long longQuantityOrNumber(int i, String name) {
        JsonNode n = required(i, name);
        if (n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) return n.longValue();
        return longQuantity(i, name);
    }

    public boolean bool(int i, String name) {
        JsonNode n = required(i, name);
        if (!n.isBoolean()) throw invalid(i, name, "want true or false, got " + n);
        return n.booleanValue();
    }

    public BlockParameter block(int i, String name) {
        if (!has(i)) return BlockParameter.LATEST;
        return BlockParameter.parse(params.get(i), i, name);
    }

    private String text(int i, String name) {
        JsonNode n = required(i, name);
        if (!n.isTextual()) throw invalid(i, name, "want a hex string, got " + abbreviate(n.toString()));
        return n.textValue();
    }

    static JsonRpcException invalid(int i, String name, String why) {
        return JsonRpcException.invalidParams("invalid argument " + i + " (" + name + "): " + why);
    }

    static Address parseAddress(String s, int i, String name) {
        try {
            if (!s.startsWith("0x")) throw new IllegalArgumentException("hex string without 0x prefix");
            return Address.fromHex(s);
        } catch (IllegalArgumentException e) {
            throw invalid(i, name, e.getMessage());
        }
    }

    static byte[] hexBytes(String s, int i, String name) {
        if (!s.startsWith("0x") && !s.startsWith("0X")) throw invalid(i, name, "hex string without 0x prefix");
        try {
            return Hex.decodeStrict(s);
        } catch (IllegalArgumentException e) {
            throw invalid(i, name, e.getMessage());
        }
    }

    static BigInteger parseQuantity(String s, int i, String name) {
        if (!s.startsWith("0x")) throw invalid(i, name, "hex quantity without 0x prefix: " + abbreviate(s));
        String digits = s.substring(2);
        if (digits.isEmpty()) throw invalid(i, name, "hex quantity with no digits");
        if (digits.length() > 1 && digits.charAt(0) == '0')
            throw invalid(i, name, "hex quantity with leading zero digits");
        if (digits.length() > 64) throw invalid(i, name, "hex quantity larger than 256 bits");
        try {
            BigInteger v = new BigInteger(digits, 16);
            if (v.signum() < 0 || v.compareTo(MAX_UINT256) > 0) throw invalid(i, name, "quantity out of range");
            return v;
        } catch (NumberFormatException e) {
            throw invalid(i, name, "invalid hex quantity " + abbreviate(s));
        }
    }

    /** {@code s}, cut to 80 characters for an error message. */
    public static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
