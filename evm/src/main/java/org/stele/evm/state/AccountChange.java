package org.stele.evm.state;

import java.util.Map;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.evm.AccountInfo;

/**
 * One account's change. {@code info == null} means delete the account with all its storage (self-destruct under
 * EIP-6780, or an empty account touched under EIP-161). Otherwise write {@code info}; if {@code code} is not null it is
 * new code whose hash is {@code info.codeHash()}; if {@code storageCleared}, drop all existing storage before applying
 * {@code storage}; a slot mapped to {@link Bytes32#ZERO} is deleted. {@code storage} iterates in key order.
 */
public record AccountChange(Address address, AccountInfo info, Bytes code, boolean storageCleared,
        Map<Bytes32, Bytes32> storage) {
    public boolean isDeleted() {
        return info == null;
    }
}
