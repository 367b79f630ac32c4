package org.stele.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestChainSpec.CHAIN_ID;
import static org.stele.testkit.TestKeys.SUITE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.block.TransactionRequests;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/**
 * A chain with the governance contracts in its genesis, for tests: blocks built by the real block executor (without
 * the governance policy, as a careless or hostile proposer would build them) and imported by the real block importer
 * enforcing {@link GovernancePolicy}; answers of the contracts read by executing calls on the head's state.
 */
final class GovChain {
    static final BigInteger FEE = BigInteger.valueOf(2_000_000_000L);
    private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000ca11e");

    final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    final KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
    final BlockImporter importer;

    /** The outcome of one transaction: its receipt in the imported block, and what it returned or reverted with. */
    record Sent(Receipt receipt, Bytes output, List<Log> logs) {
        boolean success() {
            return receipt.success();
        }
    }

    GovChain(GovernanceGenesis governance, List<KeyPair> funded) {
        this(governance, funded, Map.of());
    }

    /** @param contracts more accounts for genesis, such as contracts under test */
    GovChain(GovernanceGenesis governance, List<KeyPair> funded, Map<Address, Genesis.Allocation> contracts) {
        Map<Address, Genesis.Allocation> alloc = new HashMap<>(governance.allocations());
        alloc.putAll(contracts);
        for (KeyPair k : funded)
            alloc.put(TestKeys.address(k), Genesis.Allocation.balance(TestAccounts.ETHER.multiply(BigInteger.TEN)));
        Genesis.Built g = new Genesis(CHAIN_ID, 0, TestChainSpec.GAS_LIMIT, TestChainSpec.GENESIS_BASE_FEE,
                Address.ZERO, Bytes.EMPTY, alloc).build(store);
        blocks.append(g.block(), List.of(), g.batch());
        importer = new BlockImporter(new EthereumCancun(), Fork.CANCUN, SUITE, CHAIN_ID, store, blocks,
                SealVerifier.NONE);
        importer.enforce(GovernancePolicy.INSTANCE);
    }

    BlockHeader head() {
        return blocks.head().orElseThrow();
    }

    WorldState headState() {
        return WorldState.open(store, head().stateRoot(), BlockHashes.NONE);
    }

    GovernanceState governance() {
        return new GovernanceState(headState());
    }

    long nonce(Address a) {
        var account = headState().account(a);
        return account == null ? 0 : account.nonce();
    }

    Transaction tx(KeyPair key, Address to, Bytes data) {
        return TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonce(TestKeys.address(key))).fees(FEE, FEE)
                .gasLimit(3_000_000).to(to).data(data).signedBy(key);
    }

    /** Builds a block on the head holding {@code txs}, without checking the governance rules (nor its gas limit). */
    Block build(Transaction... txs) {
        return build(TransactionPolicy.NONE, txs);
    }

    /** Builds a block on the head as an honest node does, keeping the governance rules. */
    Block buildHonestly(Transaction... txs) {
        return build(GovernancePolicy.INSTANCE, txs);
    }

    private Block build(TransactionPolicy policy, Transaction... txs) {
        List<BlockExecutor.Candidate> candidates = new ArrayList<>();
        for (Transaction tx : txs)
            candidates.add(new BlockExecutor.Candidate(tx, tx.sender(SUITE)));
        BlockExecutor.Result r = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks, policy)
                .build(head(), head().timestamp() + 1, Address.ZERO, candidates);
        assertThat(r.rejected()).as("transactions the builder left out").isEmpty();
        return r.block();
    }

    ImportResult importBlock(Block block) {
        return importer.importBlock(block);
    }

    /** Sends one transaction in a block of its own, which must be imported. */
    Sent send(KeyPair key, Address to, Bytes data) {
        Transaction tx = tx(key, to, data);
        TransactionResult.Executed simulated = execute(tx.sender(SUITE), tx);
        Block block = buildHonestly(tx);
        assertThat(importBlock(block)).isInstanceOf(ImportResult.Imported.class);
        Receipt receipt = blocks.receipts(blocks.hash(block.header())).orElseThrow().getFirst();
        assertThat(receipt.success()).as("the receipt against the simulation").isEqualTo(simulated.isSuccess());
        return new Sent(receipt, simulated.output(), simulated.logs().stream()
                .map(l -> new Log(l.address(), l.topics(), l.data())).toList());
    }

    /** Mines {@code n} empty blocks. */
    void skip(int n) {
        for (int i = 0; i < n; i++)
            assertThat(importBlock(buildHonestly())).isInstanceOf(ImportResult.Imported.class);
    }

    /** What {@code data} returns when called on {@code to} at the head (as {@code eth_call} does). */
    Bytes call(Address to, Bytes data) {
        TransactionResult.Executed r = tryCall(to, data);
        assertThat(r.isSuccess()).as("call of %s reverted with %s", to, r.output()).isTrue();
        return r.output();
    }

    /** Calls {@code to} with {@code data} at the head under the chain's rules, whatever the outcome. */
    TransactionResult.Executed tryCall(Address to, Bytes data) {
        Transaction tx = TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(0).fees(0, 0).gasLimit(10_000_000).to(to)
                .data(data).unsigned();
        return execute(CALLER, tx);
    }

    private TransactionResult.Executed execute(Address sender, Transaction tx) {
        BlockHeader head = head();
        var ctx = BlockExecutor.context(Address.ZERO, head.number() + 1, head.timestamp() + 1, head.gasLimit(),
                BigInteger.ZERO, CHAIN_ID);
        TransactionResult r = new TransactionProcessor(Fork.CANCUN).process(headState(), ctx,
                TransactionRequests.of(tx, sender), head.gasLimit(), GovernancePolicy.INSTANCE.at(headState())
                        .callGuard());
        assertThat(r).isInstanceOf(TransactionResult.Executed.class);
        return (TransactionResult.Executed) r;
    }
}
