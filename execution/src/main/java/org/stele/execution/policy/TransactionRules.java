package org.stele.execution.policy;

import java.util.Optional;
import java.util.OptionalLong;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;

/**
 * The rules of one block (see {@link TransactionPolicy}): what each of its transactions must keep, and the gas limit
 * the block must have when the chain sets one.
 */
@FunctionalInterface
public interface TransactionRules {
    TransactionRules NONE = (sender, tx) -> Optional.empty();

    /** Why {@code tx} from {@code sender} may not be included, or empty when it may. */
    Optional<PolicyRefusal> check(Address sender, Transaction tx);

    /**
     * The gas limit the block must have, when the chain's state sets it; empty leaves the gas limit to Ethereum's rule
     * (within 1/1024 of the parent's). A set limit replaces that rule, so a change applies in one block.
     */
    default OptionalLong blockGasLimit() {
        return OptionalLong.empty();
    }
}
