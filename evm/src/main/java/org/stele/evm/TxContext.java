package org.stele.evm;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/** What the transaction contributes to the environment: ORIGIN, GASPRICE (the effective price) and BLOBHASH. */
public record TxContext(Address origin, BigInteger gasPrice, List<Bytes32> blobHashes) {
    public TxContext {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(gasPrice, "gasPrice");
        blobHashes = List.copyOf(blobHashes);
    }
}
