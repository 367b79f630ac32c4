package org.stele.execution.policy;

import java.util.Optional;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;

/** The rules of one block's transactions (see {@link TransactionPolicy}). */
@FunctionalInterface
public interface TransactionRules {
    TransactionRules NONE = (sender, tx) -> Optional.empty();

    /** Why {@code tx} from {@code sender} may not be included, or empty when it may. */
    Optional<PolicyRefusal> check(Address sender, Transaction tx);
}
