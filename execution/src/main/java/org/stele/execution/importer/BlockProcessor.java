package org.stele.execution.importer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.Withdrawal;
import org.stele.chain.rules.ExecutionResultRules;
import org.stele.chain.tx.InvalidTransactionException;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionValidator;
import org.stele.common.Address;
import org.stele.evm.AccountInfo;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.CryptoSuite;
import org.stele.evm.BlockContext;
import org.stele.evm.CallGuard;
import org.stele.evm.state.JournaledState;
import org.stele.execution.BeaconRootCall;
import org.stele.execution.BlobGas;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CarriedState;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.explorer.TransactionFacts;
import org.stele.execution.policy.PolicyRefusal;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.policy.TransactionRules;
import java.util.Optional;
import org.stele.execution.block.TransactionRequests;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.KeyValueStore;
import org.stele.storage.WriteBatch;

/**
 * Executes a block on its parent's state as its header describes it: the EIP-4788 beacon-root system call, every
 * transaction in order (each must be valid at its turn) and the withdrawals. What it gives is compared with the header
 * by {@link ExecutionResultRules}, after the body's roots, as Besu orders its checks. Not thread-safe: one per
 * importer.
 */
final class BlockProcessor {
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

    private final Fork fork;
    private final CryptoSuite suite;
    private final KeyValueStore store;
    private final TransactionValidator validator;
    private final TransactionProcessor processor;
    private final long chainId;
    private final BeaconRootCall beaconRootCall;
    /** The state of the block executed last, for its child (sync and import run block after block). */
    private final CarriedState carried;
    private volatile TransactionPolicy policy = TransactionPolicy.NONE;
    private volatile KnownSenders knownSenders = KnownSenders.NONE;

    BlockProcessor(Fork fork, CryptoSuite suite, long chainId, KeyValueStore store, CarriedState carried) {
        this.fork = fork;
        this.suite = suite;
        this.chainId = chainId;
        this.store = store;
        this.validator = new TransactionValidator(chainId);
        this.processor = new TransactionProcessor(fork);
        this.beaconRootCall = new BeaconRootCall(fork);
        this.carried = carried;
    }

    void enforce(TransactionPolicy policy) {
        this.policy = policy;
    }

    void useKnownSenders(KnownSenders senders) {
        this.knownSenders = senders;
    }

    /** The block's receipts and the batch holding its new state, or why executing it refutes its header. */
    sealed interface Outcome {
    }

    record Processed(ExecutionResultRules.Executed result, WriteBatch batch, List<TransactionFacts> facts,
            Map<Address, AccountInfo> accounts)
            implements
                Outcome {}

    record Failed(Refusal refusal) implements Outcome {}

    /** The state after {@code parent}, read-only for the checks that depend on it (seals, rules). */
    WorldState stateAfter(BlockHeader parent, BlockHashes hashes) {
        return WorldState.open(store, parent.stateRoot(), hashes);
    }

    /** The chain's rules for a child of {@code parent}, read at the parent's state. */
    TransactionRules rulesAt(BlockHeader parent, BlockHashes hashes) {
        return policy.at(WorldState.open(store, parent.stateRoot(), hashes));
    }

    Outcome process(Block block, BlockHeader parent, BlockHashes hashes) {
        return process(block, parent, hashes, rulesAt(parent, hashes));
    }

    Outcome process(Block block, BlockHeader parent, BlockHashes hashes, TransactionRules rules) {
        BlockHeader h = block.header();
        WorldState world = carried.open(parent.stateRoot(), hashes);
        BlockContext ctx = BlockExecutor.context(h, chainId);
        h.parentBeaconBlockRoot().ifPresent(root -> beaconRootCall.apply(world, ctx, root));

        List<Receipt> receipts = new ArrayList<>();
        List<TransactionFacts> facts = new ArrayList<>();
        List<Transaction> txs = block.body().transactions();
        long gasUsed = 0;
        long blobGasUsed = 0;
        CallGuard guard = rules.callGuard();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            Address sender;
            try {
                validator.validate(tx, fork);
                Address known = knownSenders.senderOf(tx.hash(suite));
                sender = known != null ? known : tx.sender(suite);
            } catch (InvalidTransactionException e) {
                InvalidTransaction reason = staticReason(e.reason());
                if (reason != null)
                    return new Failed(Refusal.transaction(i, reason, e.getMessage()));
                // the processor finds the same fault, and names it in go-ethereum's order of checks
                sender = recoverOrNull(tx);
                if (sender == null)
                    return new Failed(Refusal.transaction(i, InvalidTransaction.INVALID_SIGNATURE_VRS, e.getMessage()));
            }
            Optional<PolicyRefusal> refused = rules.check(sender, tx);
            if (refused.isPresent())
                return new Failed(Refusal.transaction(i, refused.get().reason(), refused.get().detail()));
            TransactionResult r = processor.process(world, ctx, TransactionRequests.of(tx, sender),
                    h.gasLimit() - gasUsed, guard);
            switch (r) {
                case TransactionResult.Invalid invalid -> {
                    return new Failed(Refusal.transaction(i, invalid.reason(), invalid.message()));
                }
                case TransactionResult.Executed executed -> {
                    world.apply(executed.changes());
                    gasUsed += executed.gasUsed();
                    blobGasUsed += executed.blobGasUsed();
                    receipts.add(Receipt.of(tx.type(), executed.isSuccess(), gasUsed, logs(executed)));
                    facts.add(TransactionFacts.of(sender, executed));
                }
            }
        }
        block.body().withdrawals().ifPresent(ws -> withdraw(world, ws));
        WriteBatch batch = new WriteBatch();
        Bytes32 stateRoot = world.commit(batch);
        Map<Address, AccountInfo> accounts = world.committedAccounts();
        carried.keep(world, stateRoot);
        return new Processed(new ExecutionResultRules.Executed(receipts, gasUsed, blobGasUsed, stateRoot), batch,
                facts, accounts);
    }

    /** EIP-4895: each withdrawal credits its amount in gwei; a zero amount creates no account. */
    private static void withdraw(WorldState world, List<Withdrawal> withdrawals) {
        JournaledState state = new JournaledState(world);
        for (Withdrawal w : withdrawals)
            state.addBalance(w.address(), new BigInteger(Long.toUnsignedString(w.amountGwei())).multiply(GWEI));
        world.apply(state.finish());
    }

    private Address recoverOrNull(Transaction tx) {
        try {
            return tx.sender(suite);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The reasons only the transaction itself can show (its envelope and signature), which the processor does not
     * check; null for those it checks against the state in go-ethereum's order.
     */
    private static InvalidTransaction staticReason(InvalidTransactionException.Reason reason) {
        return switch (reason) {
            case INVALID_CHAIN_ID -> InvalidTransaction.INVALID_CHAINID;
            case INVALID_SIGNATURE, SENDER_RECOVERY_FAILED -> InvalidTransaction.INVALID_SIGNATURE_VRS;
            case TYPE_NOT_ACTIVE, SET_CODE_NOT_SUPPORTED, UNKNOWN_TYPE ->
                InvalidTransaction.TYPE_NOT_SUPPORTED;
            case FEE_OVERFLOW -> InvalidTransaction.GASLIMIT_PRICE_PRODUCT_OVERFLOW;
            default -> null;
        };
    }

    private static List<Log> logs(TransactionResult.Executed executed) {
        return executed.logs().stream().map(l -> new Log(l.address(), l.topics(), l.data())).toList();
    }
}
