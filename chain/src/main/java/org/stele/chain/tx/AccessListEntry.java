package org.stele.chain.tx;

import java.util.List;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/** One entry of an EIP-2930 access list: an account and the storage slots a transaction declares it will touch. */
public record AccessListEntry(Address address, List<Bytes32> storageKeys) {
    public AccessListEntry {
        Objects.requireNonNull(address, "address");
        storageKeys = List.copyOf(storageKeys);
    }
}
