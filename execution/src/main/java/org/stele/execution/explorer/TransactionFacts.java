package org.stele.execution.explorer;

import java.util.List;
import java.util.Objects;
import org.stele.common.Address;

/**
 * What execution learned about one transaction that its body does not say: the recovered sender, and every contract
 * whose code the transaction deployed (by the transaction itself or by CREATE/CREATE2 inside it).
 */
public record TransactionFacts(Address sender, List<Address> createdContracts) {
    public TransactionFacts {
        Objects.requireNonNull(sender, "sender");
        createdContracts = List.copyOf(createdContracts);
    }
}
