package org.stele.execution;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * What the transaction processor needs of a transaction whose sender is already known, whatever its envelope.
 * Quantities are {@link BigInteger} and are range-checked by the processor, so that an out-of-range value is a typed
 * validity error rather than a crash.
 *
 * @param type
 *            the EIP-2718 type: 0 legacy, 1 access list (EIP-2930), 2 fee market (EIP-1559), 3 blob (EIP-4844)
 * @param nonce
 *            unsigned 64-bit bits
 * @param gasLimit
 *            unsigned 64-bit bits
 * @param to
 *            null for contract creation
 * @param maxFeePerGas
 *            the gas price for types 0 and 1
 * @param maxPriorityFeePerGas
 *            the gas price for types 0 and 1
 * @param blobVersionedHashes
 *            empty unless type 3
 * @param maxFeePerBlobGas
 *            zero unless type 3
 */
public record TransactionRequest(int type, Address sender, long nonce, long gasLimit, Address to, BigInteger value,
        Bytes data, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, List<AccessEntry> accessList,
        List<Bytes32> blobVersionedHashes, BigInteger maxFeePerBlobGas) {
    public static final int LEGACY = 0;
    public static final int ACCESS_LIST = 1;
    public static final int FEE_MARKET = 2;
    public static final int BLOB = 3;

    /** An address of an EIP-2930 access list with the storage keys to pre-warm. */
    public record AccessEntry(Address address, List<Bytes32> storageKeys) {
        public AccessEntry {
            Objects.requireNonNull(address, "address");
            storageKeys = List.copyOf(storageKeys);
        }
    }

    public TransactionRequest {
        if (type < LEGACY || type > BLOB)
            throw new IllegalArgumentException("unknown transaction type " + type);
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
        Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
        accessList = List.copyOf(accessList);
        blobVersionedHashes = List.copyOf(blobVersionedHashes);
    }

    /** A legacy transaction at {@code gasPrice}. */
    public static TransactionRequest legacy(Address sender, long nonce, long gasLimit, Address to, BigInteger value,
            Bytes data, BigInteger gasPrice) {
        return new TransactionRequest(LEGACY, sender, nonce, gasLimit, to, value, data, gasPrice, gasPrice, List.of(),
                List.of(), BigInteger.ZERO);
    }

    public boolean isContractCreation() {
        return to == null;
    }
}
