package org.stele.governance;

import java.util.Optional;
import java.util.OptionalLong;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.evm.CallGuard;
import org.stele.evm.WorldView;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.policy.PolicyRefusal;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.policy.TransactionRules;

/**
 * The transaction rules the governance contracts set, read at the parent block's state: a frozen account sends
 * nothing, a frozen contract is called by no transaction, and in allowlist mode only the accounts let in send or
 * deploy; the {@code Parameters} contract sets the block gas limit, the minimum gas price and the largest transaction.
 * A frozen address is neither sender nor recipient of a transaction (a frozen contract is not called, and
 * a frozen account receives nothing either). A call into a frozen address from inside a contract reverts
 * ({@link FrozenCalls}), and so do {@code eth_call} and {@code eth_estimateGas} from or to one. A current governor may
 * always send to the committee, so an allowlist cannot lock governance out.
 */
public final class GovernancePolicy implements TransactionPolicy {
    public static final GovernancePolicy INSTANCE = new GovernancePolicy();

    private GovernancePolicy() {
    }

    @Override
    public TransactionRules at(WorldView parentState) {
        GovernanceState state = new GovernanceState(parentState);
        // Read once per parent state rather than per transaction (the pool, the builder and every validator check
        // each transaction): a freeze lookup hashes a mapping key and walks the storage trie, twice per transaction.
        Modes modes = new Modes(state.parameters(), state.frozenCount().signum() != 0, state.sendingAllowlisted(),
                state.deployingAllowlisted());
        return new TransactionRules() {
            @Override
            public Optional<PolicyRefusal> check(Address sender, Transaction tx) {
                return GovernancePolicy.check(state, modes, sender, tx);
            }

            @Override
            public Optional<PolicyRefusal> checkCall(Address from, Optional<Address> to) {
                return modes.anyFrozen() ? GovernancePolicy.checkFreezes(state, from, to) : Optional.empty();
            }

            @Override
            public CallGuard callGuard() {
                return modes.anyFrozen() ? new FrozenCalls(state) : null;
            }

            @Override
            public OptionalLong blockGasLimit() {
                return modes.parameters().blockGasLimit() > 0
                        ? OptionalLong.of(modes.parameters().blockGasLimit())
                        : OptionalLong.empty();
            }
        };
    }

    /** What the rules at one parent state need for every transaction; {@code anyFrozen} false when none is frozen. */
    private record Modes(ChainParameters parameters, boolean anyFrozen, boolean sendingAllowlisted,
            boolean deployingAllowlisted) {}

    private static Optional<PolicyRefusal> check(GovernanceState state, Modes modes, Address sender, Transaction tx) {
        ChainParameters parameters = modes.parameters();
        if (tx.maxFeePerGas().compareTo(parameters.minGasPrice()) < 0)
            return refuse(InvalidTransaction.GAS_PRICE_BELOW_MINIMUM, "max fee per gas " + tx.maxFeePerGas()
                    + " is below the chain's minimum gas price " + parameters.minGasPrice() + " (Parameters "
                    + SystemContract.PARAMETERS.address().toHex() + ")");
        if (parameters.maxTxSize() > 0) {
            int size = tx.encode().length;
            if (size > parameters.maxTxSize())
                return refuse(InvalidTransaction.TX_SIZE_EXCEEDED, "transaction of " + size
                        + " bytes is above the chain's maximum of " + parameters.maxTxSize() + " (Parameters "
                        + SystemContract.PARAMETERS.address().toHex() + ")");
        }
        Optional<Address> to = tx.to();
        Optional<PolicyRefusal> frozen = modes.anyFrozen() ? checkFreezes(state, sender, to) : Optional.empty();
        if (frozen.isPresent())
            return frozen;
        boolean toCommittee = to.isPresent() && to.get().equals(SystemContract.COMMITTEE.address());
        if (toCommittee && state.weight(sender).signum() > 0)
            return Optional.empty();
        if (modes.sendingAllowlisted() && !state.maySend(sender))
            return refuse(InvalidTransaction.SENDER_NOT_ALLOWED, "account " + sender.toChecksumHex()
                    + " is not allowed to send transactions (Accounts " + SystemContract.ACCOUNTS.address().toHex()
                    + " is in allowlist mode)");
        if (tx.to().isEmpty() && modes.deployingAllowlisted() && !state.mayDeploy(sender))
            return refuse(InvalidTransaction.DEPLOYER_NOT_ALLOWED, "account " + sender.toChecksumHex()
                    + " is not allowed to deploy contracts (Accounts " + SystemContract.ACCOUNTS.address().toHex()
                    + " is in allowlist mode)");
        return Optional.empty();
    }

    private static Optional<PolicyRefusal> checkFreezes(GovernanceState state, Address sender,
            Optional<Address> to) {
        if (state.isFrozen(sender))
            return refuse(InvalidTransaction.ACCOUNT_FROZEN,
                    "account " + sender.toChecksumHex() + " is frozen by governance (Freezes "
                            + SystemContract.FREEZES.address().toHex() + ")");
        if (to.isPresent() && state.isFrozen(to.get()))
            return refuse(InvalidTransaction.CONTRACT_FROZEN,
                    "recipient " + to.get().toChecksumHex() + " is frozen by governance (Freezes "
                            + SystemContract.FREEZES.address().toHex() + ")");
        return Optional.empty();
    }

    private static Optional<PolicyRefusal> refuse(InvalidTransaction reason, String detail) {
        return Optional.of(new PolicyRefusal(reason, detail));
    }
}
