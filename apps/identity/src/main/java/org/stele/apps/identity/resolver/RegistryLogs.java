package org.stele.apps.identity.resolver;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.DidRegistry;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;

/**
 * Decodes the registry's event logs. Topics are the Solidity ABI's (Keccak-256 of the signature, fixed by the
 * compiler whatever the chain's crypto suite); a log whose data does not have the event's ABI shape is ignored, as
 * ethers' parser would refuse it.
 */
public final class RegistryLogs {
    public static final Bytes32 OWNER_CHANGED = topic("DIDOwnerChanged(address,address,uint256)");
    public static final Bytes32 DELEGATE_CHANGED = topic(
            "DIDDelegateChanged(address,bytes32,address,uint256,uint256)");
    public static final Bytes32 ATTRIBUTE_CHANGED = topic(
            "DIDAttributeChanged(address,bytes32,bytes,uint256,uint256)");

    /** An identity, one of its events, and the block of the identity's change before it. */
    public record IdentityEvent(Address identity, DidEvent event, BigInteger previousChange) {}

    private RegistryLogs() {
    }

    /**
     * The identity and event a log of the registry at {@link DidRegistry#ADDRESS} carries, or empty for any other
     * log.
     */
    public static Optional<IdentityEvent> decode(Address emitter, List<Bytes32> topics, byte[] data, long block) {
        if (!emitter.equals(DidRegistry.ADDRESS) || topics.size() != 2
                || !isAddressWord(topics.get(1).unsafeArray(), 0))
            return Optional.empty();
        Address identity = Address.fromWord(topics.get(1));
        Bytes32 kind = topics.get(0);
        try {
            DidEvent event;
            BigInteger previousChange;
            if (kind.equals(OWNER_CHANGED)) {
                if (data.length != 64 || !isAddressWord(data, 0))
                    return Optional.empty();
                event = new DidEvent.OwnerChanged(block, address(data, 0));
                previousChange = uint(data, 32);
            } else if (kind.equals(DELEGATE_CHANGED)) {
                if (data.length != 128 || !isAddressWord(data, 32))
                    return Optional.empty();
                event = new DidEvent.DelegateChanged(block, word(data, 0), address(data, 32), uint(data, 64));
                previousChange = uint(data, 96);
            } else if (kind.equals(ATTRIBUTE_CHANGED)) {
                if (data.length < 160)
                    return Optional.empty();
                int offset = Math.toIntExact(uint(data, 32).longValueExact());
                if (offset + 32 > data.length)
                    return Optional.empty();
                int length = Math.toIntExact(uint(data, offset).longValueExact());
                if (offset + 32 + length > data.length)
                    return Optional.empty();
                event = new DidEvent.AttributeChanged(block, word(data, 0),
                        Bytes.wrap(Arrays.copyOfRange(data, offset + 32, offset + 32 + length)), uint(data, 64));
                previousChange = uint(data, 96);
            } else {
                return Optional.empty();
            }
            return Optional.of(new IdentityEvent(identity, event, previousChange));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static boolean isAddressWord(byte[] b, int offset) {
        for (int i = 0; i < 12; i++)
            if (b[offset + i] != 0)
                return false;
        return true;
    }

    private static Address address(byte[] data, int offset) {
        return Address.wrap(Arrays.copyOfRange(data, offset + 12, offset + 32));
    }

    private static Bytes32 word(byte[] data, int offset) {
        return Bytes32.wrap(Arrays.copyOfRange(data, offset, offset + 32));
    }

    private static BigInteger uint(byte[] data, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + 32));
    }

    private static Bytes32 topic(String signature) {
        return Bytes32.wrap(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)));
    }
}
