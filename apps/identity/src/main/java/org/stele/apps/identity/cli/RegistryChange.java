package org.stele.apps.identity.cli;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.stele.apps.identity.DidRegistry;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.Signature;

/**
 * A change of an identity in the ERC-1056 registry, as call data: sent by the identity's owner, or signed by the owner
 * and relayed by anyone through the {@code *Signed} variant. The signed hash is the registry's one rule
 * (docs/identity.md): {@code keccak256(0x19 ‖ 0x00 ‖ registry ‖ nonce[owner] ‖ identity ‖ name ‖ arguments)}, packed.
 */
public sealed interface RegistryChange {
    /** The function's name without {@code Signed}, as the signed hash holds it. */
    String name();

    /** The ABI types of the arguments after the identity (and after the signature, in the signed variant). */
    String types();

    /** The arguments after the identity: a 32-byte word for each static one, {@link Bytes} for a dynamic one. */
    Object[] words();

    /** The arguments after the identity, packed as {@code abi.encodePacked} does. */
    byte[] packed();

    record ChangeOwner(Address newOwner) implements RegistryChange {
        public String name() {
            return "changeOwner";
        }

        public String types() {
            return "address";
        }

        public Object[] words() {
            return new Object[]{address(newOwner)};
        }

        public byte[] packed() {
            return newOwner.toArray();
        }
    }

    record AddDelegate(Bytes32 delegateType, Address delegate, BigInteger validity) implements RegistryChange {
        public String name() {
            return "addDelegate";
        }

        public String types() {
            return "bytes32,address,uint256";
        }

        public Object[] words() {
            return new Object[]{delegateType.toArray(), address(delegate), uint(validity)};
        }

        public byte[] packed() {
            return concat(delegateType.toArray(), delegate.toArray(), uint(validity));
        }
    }

    record RevokeDelegate(Bytes32 delegateType, Address delegate) implements RegistryChange {
        public String name() {
            return "revokeDelegate";
        }

        public String types() {
            return "bytes32,address";
        }

        public Object[] words() {
            return new Object[]{delegateType.toArray(), address(delegate)};
        }

        public byte[] packed() {
            return concat(delegateType.toArray(), delegate.toArray());
        }
    }

    record SetAttribute(Bytes32 attribute, Bytes value, BigInteger validity) implements RegistryChange {
        public String name() {
            return "setAttribute";
        }

        public String types() {
            return "bytes32,bytes,uint256";
        }

        public Object[] words() {
            return new Object[]{attribute.toArray(), value, uint(validity)};
        }

        public byte[] packed() {
            return concat(attribute.toArray(), value.toArray(), uint(validity));
        }
    }

    record RevokeAttribute(Bytes32 attribute, Bytes value) implements RegistryChange {
        public String name() {
            return "revokeAttribute";
        }

        public String types() {
            return "bytes32,bytes";
        }

        public Object[] words() {
            return new Object[]{attribute.toArray(), value};
        }

        public byte[] packed() {
            return concat(attribute.toArray(), value.toArray());
        }
    }

    /** The call data of the owner's own call. */
    default Bytes call(Address identity) {
        return encode(name() + "(address," + types() + ")", new byte[][]{address(identity)}, words());
    }

    /** The hash the owner signs for the relayed call, at the owner's current registry nonce. */
    default byte[] signedHash(Address identity, BigInteger ownerNonce) {
        return Keccak256.hash(concat(new byte[]{0x19, 0x00}, DidRegistry.ADDRESS.toArray(), uint(ownerNonce),
                identity.toArray(), name().getBytes(StandardCharsets.US_ASCII), packed()));
    }

    /** The call data of the relayed call, carrying the owner's signature of {@link #signedHash}. */
    default Bytes signedCall(Address identity, Signature signature) {
        byte[][] head = {address(identity), uint(BigInteger.valueOf(27 + signature.recoveryId())),
                signature.r().toArray(), signature.s().toArray()};
        return encode(name() + "Signed(address,uint8,bytes32,bytes32," + types() + ")", head, words());
    }

    /** The 32-byte name of a delegate type or an attribute: its UTF-8, right-padded with zeros. */
    static Bytes32 name(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 32)
            throw new IllegalArgumentException("a delegate type or attribute name is at most 32 bytes: " + text);
        return Bytes32.wrap(Arrays.copyOf(utf8, 32));
    }

    /**
     * {@code selector ‖ fixed ‖ head of words ‖ tail}: each dynamic value's offset in the head, its data in the tail.
     */
    private static Bytes encode(String signature, byte[][] fixed, Object[] words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4));
        for (byte[] w : fixed) out.writeBytes(w);
        long headBytes = 32L * (fixed.length + words.length);
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (Object w : words) {
            if (w instanceof Bytes value) {
                out.writeBytes(uint(BigInteger.valueOf(headBytes + tail.size())));
                tail.writeBytes(uint(BigInteger.valueOf(value.size())));
                tail.writeBytes(Arrays.copyOf(value.toArray(), (value.size() + 31) / 32 * 32));
            } else {
                out.writeBytes((byte[]) w);
            }
        }
        out.writeBytes(tail.toByteArray());
        return Bytes.wrap(out.toByteArray());
    }

    private static byte[] address(Address a) {
        byte[] w = new byte[32];
        System.arraycopy(a.unsafeArray(), 0, w, 12, 20);
        return w;
    }

    private static byte[] uint(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] w = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, w, 32 - n, n);
        return w;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
