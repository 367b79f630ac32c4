package org.stele.testchain;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.block.TransactionRequests;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/**
 * Transactions signed by test keys on a {@link TestChain}, the way the applications' contract tests send them: each
 * key's nonce is kept here, and each transaction first runs on the head state to read a revert's data (a receipt does
 * not keep it), then is mined, one block each, only when it succeeds. So a test sees either the logs or the refusal.
 */
public final class TestSenders {
    /** The fee cap every transaction offers: far above any base fee a test chain reaches. */
    private static final long MAX_FEE = 100_000_000_000L;

    /** What a transaction did: mined with its logs, or refused with its revert data (then nothing was mined). */
    public record Sent(String hash, Optional<Bytes> revert, long block, List<Log> logs, Optional<Address> created) {
        public boolean succeeded() {
            return revert.isEmpty();
        }
    }

    private final TestChain chain;
    private final Map<Address, Long> nonces = new HashMap<>();

    public TestSenders(TestChain chain) {
        this.chain = chain;
    }

    /** A genesis allocation giving each key {@code wei}. */
    public static Map<Address, Genesis.Allocation> funded(List<KeyPair> keys, BigInteger wei) {
        Map<Address, Genesis.Allocation> alloc = new HashMap<>();
        for (KeyPair k : keys)
            alloc.put(TestKeys.address(k), TestChain.funded(wei));
        return alloc;
    }

    public TestChain chain() {
        return chain;
    }

    /** Sends an EIP-1559 transaction from {@code from}; {@code to} empty creates a contract. */
    public Sent send(KeyPair from, Optional<Address> to, Bytes data, BigInteger value, long gasLimit) {
        Address sender = TestKeys.address(from);
        long nonce = nonces.getOrDefault(sender, 0L);
        TxBuilder b = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(nonce).fees(MAX_FEE, 1)
                .gasLimit(gasLimit).value(value).data(data);
        Transaction tx = (to.isEmpty() ? b.creation() : b.to(to.get())).signedBy(from);
        String hash = Hex.encode(Keccak256.hash(tx.encode()));
        TransactionResult result = dryRun(tx, sender);
        if (!(result instanceof TransactionResult.Executed executed))
            throw new IllegalStateException("invalid transaction: " + result);
        if (!executed.isSuccess())
            return new Sent(hash, Optional.of(executed.output()), -1, List.of(), Optional.empty());
        BlockExecutor.Result mined = chain.mine(List.of(new BlockExecutor.Candidate(tx, sender)));
        if (!mined.rejected().isEmpty()) throw new IllegalStateException("rejected: " + mined.rejected());
        nonces.put(sender, nonce + 1);
        return new Sent(hash, Optional.empty(), mined.block().header().number(), mined.receipts().getFirst().logs(),
                Optional.ofNullable(executed.createdAddress()));
    }

    /** A read-only call from {@code from} on the head state: its output (a revert's data when it reverts). */
    public Bytes call(KeyPair from, Address to, Bytes data) {
        Transaction tx = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID)
                .nonce(nonces.getOrDefault(TestKeys.address(from), 0L)).fees(MAX_FEE, 1).gasLimit(3_000_000).to(to)
                .data(data).signedBy(from);
        return ((TransactionResult.Executed) dryRun(tx, TestKeys.address(from))).output();
    }

    /** The head's world state. */
    public WorldState world() {
        return WorldState.open(chain.store(), chain.head().stateRoot(), BlockHashes.NONE);
    }

    /** Mines empty blocks until the head's timestamp is at least {@code timestamp} (each block is one second on). */
    public void advanceTo(long timestamp) {
        while (chain.head().timestamp() < timestamp)
            chain.mine(List.of());
    }

    private TransactionResult dryRun(Transaction tx, Address sender) {
        BlockHeader head = chain.head();
        var context = BlockExecutor.context(Address.ZERO, head.number() + 1, head.timestamp() + 1, head.gasLimit(),
                head.baseFeePerGas().orElse(BigInteger.ZERO), TestChainSpec.CHAIN_ID);
        return new TransactionProcessor(TestChainSpec.FORK).process(world(), context,
                TransactionRequests.of(tx, sender), head.gasLimit());
    }
}
