package org.stele.apps.identity.vc;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Keccak256;

/**
 * The little of the Solidity ABI the credential contracts need: a call's selector followed by static words (address,
 * uint, bool, bytes32) and at most trailing dynamic strings, and reading words back. Hand-written because the
 * identity module keeps to common and Jackson, and these calls have fixed, small shapes.
 */
public final class Abi {
    private Abi() {
    }

    /** The first four bytes of keccak256 of a function's or error's signature, e.g. {@code allocate(address)}. */
    public static Bytes selector(String signature) {
        return Bytes.wrap(Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4));
    }

    /**
     * A call: {@code signature}'s selector and its arguments, each an {@link Address}, {@link BigInteger}, {@link
     * Long}, {@link Integer}, {@link Boolean}, a 32-byte {@link Bytes} or a {@link String} (encoded as a dynamic
     * string).
     */
    public static Bytes call(String signature, Object... args) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        head.writeBytes(selector(signature).toArray());
        int headSize = 32 * args.length;
        for (Object a : args) {
            if (a instanceof String s) {
                head.writeBytes(word(BigInteger.valueOf(headSize + tail.size())));
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                tail.writeBytes(word(BigInteger.valueOf(utf8.length)));
                tail.writeBytes(utf8);
                tail.writeBytes(new byte[(32 - utf8.length % 32) % 32]);
            } else {
                head.writeBytes(word(a));
            }
        }
        head.writeBytes(tail.toByteArray());
        return Bytes.wrap(head.toByteArray());
    }

    private static byte[] word(Object a) {
        return switch (a) {
            case Address x -> {
                byte[] w = new byte[32];
                System.arraycopy(x.toArray(), 0, w, 12, 20);
                yield w;
            }
            case BigInteger x -> word(x);
            case Long x -> word(BigInteger.valueOf(x));
            case Integer x -> word(BigInteger.valueOf(x));
            case Boolean x -> word(x ? BigInteger.ONE : BigInteger.ZERO);
            case Bytes x when x.size() == 32 -> x.toArray();
            default -> throw new IllegalArgumentException("no ABI word for " + a);
        };
    }

    private static byte[] word(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) throw new IllegalArgumentException("not a uint256: " + v);
        byte[] raw = v.toByteArray();
        byte[] w = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, w, 32 - n, n);
        return w;
    }

    /** Word {@code i} of return data. */
    public static Bytes wordAt(Bytes data, int i) {
        if (data.size() < 32 * (i + 1))
            throw new VcException("the contract answered " + data.size() + " bytes where word " + i + " was expected");
        return data.slice(32 * i, 32);
    }

    public static BigInteger uintAt(Bytes data, int i) {
        return new BigInteger(1, wordAt(data, i).toArray());
    }

    public static boolean boolAt(Bytes data, int i) {
        return uintAt(data, i).signum() != 0;
    }

    public static Address addressAt(Bytes data, int i) {
        return Address.wrap(wordAt(data, i).slice(12, 20).toArray());
    }

    /** A dynamic string whose offset is in word {@code i}. */
    public static String stringAt(Bytes data, int i) {
        int offset = uintAt(data, i).intValueExact();
        int length = new BigInteger(1, data.slice(offset, 32).toArray()).intValueExact();
        return new String(data.slice(offset + 32, length).toArray(), StandardCharsets.UTF_8);
    }

    /** A 32-byte right-padded ASCII string, as ERC-1056 names delegate types ({@code "veriKey"}). */
    public static Bytes bytes32(String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 32) throw new IllegalArgumentException("longer than 32 bytes: " + ascii);
        return Bytes.wrap(Arrays.copyOf(b, 32));
    }
}
