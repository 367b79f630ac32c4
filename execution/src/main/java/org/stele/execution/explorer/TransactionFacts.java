package org.stele.execution.explorer;

import java.util.List;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.evm.state.AccountChange;
import org.stele.execution.TransactionResult;

/**
 * What execution learned about one transaction that its body does not say: the recovered sender, and every contract
 * whose code the transaction deployed (by the transaction itself or by CREATE/CREATE2 inside it).
 */
public record TransactionFacts(Address sender, List<Address> createdContracts) {
    public TransactionFacts {
        Objects.requireNonNull(sender, "sender");
        createdContracts = List.copyOf(createdContracts);
    }

    /** The facts of a transaction from {@code sender} that executed as {@code executed}. */
    public static TransactionFacts of(Address sender, TransactionResult.Executed executed) {
        return new TransactionFacts(sender, executed.changes().accounts().stream()
                .filter(c -> c.code() != null && !c.code().isEmpty()).map(AccountChange::address).toList());
    }
}
