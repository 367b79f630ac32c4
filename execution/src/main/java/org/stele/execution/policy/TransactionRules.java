package org.stele.execution.policy;

import java.util.Optional;
import java.util.OptionalLong;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.evm.CallGuard;

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

    /**
     * Why a call from {@code from} to {@code to} (empty for a creation) that no transaction carries ({@code eth_call},
     * {@code eth_estimateGas}) is refused, or empty when it may run. It applies the rules on who may act (frozen
     * accounts and contracts), not those on what a transaction costs or weighs.
     */
    default Optional<PolicyRefusal> checkCall(Address from, Optional<Address> to) {
        return Optional.empty();
    }

    /**
     * The rule on the calls a transaction makes from inside contracts, for the EVM to ask before each one; {@code null}
     * when the chain's state has nothing to refuse, so that calls pay nothing for it. A guard answers from the same
     * parent state as {@link #check}; it may keep what it read, so use one per block and thread.
     */
    default CallGuard callGuard() {
        return null;
    }
}
