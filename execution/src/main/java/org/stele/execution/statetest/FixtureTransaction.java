package org.stele.execution.statetest;

import java.math.BigInteger;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * A fixture's transaction template: one transaction per combination of {@code data}, {@code gasLimit} and
 * {@code value} index. Quantities stay {@link BigInteger} here because fixtures deliberately hold out-of-range
 * values (a 257-bit value, a gas price of 2^242) whose rejection is part of the test.
 *
 * @param to
 *            null for contract creation
 * @param gasPrice
 *            null for EIP-1559 and blob transactions
 * @param maxFeePerGas
 *            null for legacy and EIP-2930 transactions
 * @param accessLists
 *            one per data index, an entry null where that index carries none; null when the fixture has none
 * @param blobVersionedHashes
 *            null unless this is a blob transaction
 */
public record FixtureTransaction(List<Bytes> data, List<BigInteger> gasLimit, List<BigInteger> value,
        BigInteger nonce, Address sender, Bytes32 secretKey, Address to, BigInteger gasPrice,
        BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, List<List<AccessListEntry>> accessLists,
        List<Bytes32> blobVersionedHashes, BigInteger maxFeePerBlobGas) {

    /** One address of an EIP-2930 access list with the storage keys to pre-warm. */
    public record AccessListEntry(Address address, List<Bytes32> storageKeys) {
        public AccessListEntry {
            storageKeys = List.copyOf(storageKeys);
        }
    }

    /** The access list that goes with a data index, empty when there is none. */
    public List<AccessListEntry> accessListFor(int dataIndex) {
        if (accessLists == null || dataIndex >= accessLists.size() || accessLists.get(dataIndex) == null)
            return List.of();
        return accessLists.get(dataIndex);
    }

    public boolean hasAccessListFor(int dataIndex) {
        return accessLists != null && dataIndex < accessLists.size() && accessLists.get(dataIndex) != null;
    }
}
