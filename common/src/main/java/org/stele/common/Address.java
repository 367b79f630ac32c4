package org.stele.common;

import java.util.Arrays;
import org.stele.common.crypto.Keccak256;

/** A 20-byte account address. Printed with the EIP-55 mixed-case checksum. */
public final class Address implements Comparable<Address> {
    public static final int SIZE = 20;
    public static final Address ZERO = new Address(new byte[SIZE]);

    private final byte[] bytes;
    private int hash;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of a 20-byte array. */
    public static Address wrap(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
        }
        return new Address(bytes);
    }

    /**
     * Parses a hex address. All-lower and all-upper case are accepted as they are; mixed case must carry a valid
     * EIP-55 checksum, since a wrong one is most likely a typo.
     */
    public static Address fromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 40) {
            throw new IllegalArgumentException("an address is 40 hex digits, got " + digits.length() + ": " + hex);
        }
        Address a = wrap(Hex.decode(digits));
        boolean mixed = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixed && !a.toChecksumHex().substring(2).equals(digits)) {
            throw new IllegalArgumentException("address has an invalid EIP-55 checksum: " + hex);
        }
        return a;
    }

    /** The low 20 bytes of a 32-byte word. */
    public static Address fromWord(Bytes32 word) {
        return new Address(Arrays.copyOfRange(word.unsafeArray(), 12, 32));
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public byte[] unsafeArray() {
        return bytes;
    }

    public Bytes toBytes() {
        return Bytes.wrap(bytes.clone());
    }

    /** Lower-case hex with the 0x prefix. */
    public String toHex() {
        return Hex.encode(bytes);
    }

    /** EIP-55: a hex letter is upper case where the matching nibble of keccak(lower-case hex) is 8 or more. */
    public String toChecksumHex() {
        String lower = Hex.encodeNoPrefix(bytes);
        byte[] h = Keccak256.hash(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder(42).append("0x");
        for (int i = 0; i < 40; i++) {
            char c = lower.charAt(i);
            int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(bytes, a.bytes);
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
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toChecksumHex();
    }
}
