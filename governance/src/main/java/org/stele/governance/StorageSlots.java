package org.stele.governance;

import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;

/**
 * Solidity's storage layout rules, for the slots genesis seeds and nodes read: a value type at its declared slot, a
 * mapping's entry for key {@code k} at {@code keccak256(pad32(k) ++ pad32(slot))}, a dynamic array's length at its
 * slot and element {@code i} at {@code keccak256(pad32(slot)) + i}. Keccak is the EVM's own hash here (the
 * {@code KECCAK256} opcode that computes these slots), not the chain's crypto suite.
 */
public final class StorageSlots {
    private StorageSlots() {
    }

    public static Bytes32 slot(long index) {
        return word(BigInteger.valueOf(index));
    }

    /** The slot of {@code mapping(address => ...)} at {@code slot}, for {@code key}. */
    public static Bytes32 mappingEntry(long slot, Address key) {
        byte[] input = new byte[64];
        System.arraycopy(key.toArray(), 0, input, 12, 20);
        System.arraycopy(slot(slot).toArray(), 0, input, 32, 32);
        return Bytes32.wrap(Keccak256.hash(input));
    }

    /** The slot of element {@code index} of the dynamic array at {@code slot}. */
    public static Bytes32 arrayElement(long slot, long index) {
        BigInteger base = new BigInteger(1, Keccak256.hash(slot(slot).toArray()));
        return word(base.add(BigInteger.valueOf(index)));
    }

    public static Bytes32 word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return Bytes32.wrap(out);
    }

    public static Bytes32 word(Address address) {
        byte[] out = new byte[32];
        System.arraycopy(address.toArray(), 0, out, 12, 20);
        return Bytes32.wrap(out);
    }

    public static Address address(Bytes32 word) {
        byte[] w = word.toArray();
        byte[] a = new byte[20];
        System.arraycopy(w, 12, a, 0, 20);
        return Address.wrap(a);
    }
}
