package org.stele.execution.statetest;

import java.math.BigInteger;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * An account of a fixture's pre-state.
 *
 * @param nonce
 *            the nonce as the bits of an unsigned 64-bit integer
 * @param storage
 *            non-zero slots, in key order
 */
public record FixtureAccount(BigInteger balance, long nonce, Bytes code, SortedMap<Bytes32, Bytes32> storage) {
    public FixtureAccount {
        storage = new TreeMap<>(storage);
    }

    public Map<Bytes32, Bytes32> storageView() {
        return java.util.Collections.unmodifiableSortedMap(storage);
    }
}
