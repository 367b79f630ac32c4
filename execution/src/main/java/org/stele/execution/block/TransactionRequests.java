package org.stele.execution.block;

import java.util.List;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.BlobTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.execution.TransactionRequest;

/** A chain transaction with its recovered sender, as the transaction processor takes it. */
public final class TransactionRequests {
    private TransactionRequests() {
    }

    public static TransactionRequest of(Transaction tx, Address sender) {
        List<TransactionRequest.AccessEntry> accessList = tx.accessList().stream()
                .map((AccessListEntry e) -> new TransactionRequest.AccessEntry(e.address(), e.storageKeys())).toList();
        int type = switch (tx.type()) {
            case LEGACY -> TransactionRequest.LEGACY;
            case ACCESS_LIST -> TransactionRequest.ACCESS_LIST;
            case FEE_MARKET -> TransactionRequest.FEE_MARKET;
            case BLOB -> TransactionRequest.BLOB;
            case SET_CODE -> throw new IllegalArgumentException(tx.type() + " transactions are not supported");
        };
        if (tx instanceof BlobTransaction blob)
            return new TransactionRequest(type, sender, tx.nonce(), tx.gasLimit(), tx.to().orElse(null), tx.value(),
                    tx.data(), tx.maxFeePerGas(), tx.maxPriorityFeePerGas(), accessList, blob.blobVersionedHashes(),
                    blob.maxFeePerBlobGas());
        return new TransactionRequest(type, sender, tx.nonce(), tx.gasLimit(), tx.to().orElse(null), tx.value(),
                tx.data(), tx.maxFeePerGas(), tx.maxPriorityFeePerGas(), accessList, List.of(),
                java.math.BigInteger.ZERO);
    }
}
