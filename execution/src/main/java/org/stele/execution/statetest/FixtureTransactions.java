package org.stele.execution.statetest;

import java.math.BigInteger;
import java.util.List;
import org.stele.execution.TransactionRequest;

/** Builds the transaction of one post entry from a fixture's template. */
final class FixtureTransactions {
    private static final int UINT64_BITS = 64;

    private FixtureTransactions() {
    }

    /**
     * The transaction for the entry's data/gas/value indexes, typed the way the fixture's fields imply: blob hashes
     * make a blob transaction, a fee cap an EIP-1559 one, an access list for this data index an EIP-2930 one.
     *
     * @return null when the nonce or gas limit does not fit in 64 bits (such a transaction cannot be encoded)
     */
    static TransactionRequest request(FixtureTransaction t, FixturePost post) {
        BigInteger gasLimit = t.gasLimit().get(post.gasIndex());
        if (gasLimit.bitLength() > UINT64_BITS || t.nonce().bitLength() > UINT64_BITS)
            return null;
        int type;
        if (t.blobVersionedHashes() != null)
            type = TransactionRequest.BLOB;
        else if (t.maxFeePerGas() != null)
            type = TransactionRequest.FEE_MARKET;
        else if (t.hasAccessListFor(post.dataIndex()))
            type = TransactionRequest.ACCESS_LIST;
        else
            type = TransactionRequest.LEGACY;
        BigInteger maxFee = t.maxFeePerGas() != null ? t.maxFeePerGas() : orZero(t.gasPrice());
        BigInteger priority = t.maxPriorityFeePerGas() != null ? t.maxPriorityFeePerGas() : orZero(t.gasPrice());
        List<TransactionRequest.AccessEntry> accessList = t.accessListFor(post.dataIndex()).stream()
                .map(e -> new TransactionRequest.AccessEntry(e.address(), e.storageKeys())).toList();
        return new TransactionRequest(type, t.sender(), t.nonce().longValue(), gasLimit.longValue(), t.to(),
                t.value().get(post.valueIndex()), t.data().get(post.dataIndex()), maxFee, priority, accessList,
                t.blobVersionedHashes() == null ? List.of() : t.blobVersionedHashes(), orZero(t.maxFeePerBlobGas()));
    }

    private static BigInteger orZero(BigInteger v) {
        return v == null ? BigInteger.ZERO : v;
    }
}
