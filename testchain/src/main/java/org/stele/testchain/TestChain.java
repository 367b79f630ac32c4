package org.stele.testchain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.evm.BlockContext;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionRequest;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.chain.rules.EthereumCancun;
import org.stele.execution.chainstore.BlockIndex;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.state.WorldState;
import org.stele.storage.KeyValueStore;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;

/**
 * A chain for tests: a genesis state on the trie in memory with the parameters of {@link TestChainSpec} (chain id
 * 1337, Cancun, 1 gwei base fee, a 30M gas limit), its block store, and blocks mined from candidates by the real
 * {@link BlockExecutor}.
 */
public final class TestChain {
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final KeyValueBlockStore blocks;
    private final Block genesis;

    /** A chain whose genesis holds these accounts. */
    public TestChain(Map<Address, Genesis.Allocation> alloc) {
        this(store -> new Genesis(TestChainSpec.CHAIN_ID, 0, TestChainSpec.GAS_LIMIT, TestChainSpec.GENESIS_BASE_FEE,
                Address.ZERO, Bytes.EMPTY, alloc).build(store));
    }

    /**
     * A chain on a genesis built elsewhere, such as {@code GenesisFile.read(path)::build}; it must be a chain of
     * {@link TestChainSpec#CHAIN_ID} on {@link TestChainSpec#FORK} for {@link #mine} to build on it.
     */
    public TestChain(Function<KeyValueStore, Genesis.Built> genesisBuilder) {
        this(genesisBuilder, store -> List.of());
    }

    /** A chain whose genesis holds these accounts, keeping the indexes {@code indexes} makes over its store. */
    public TestChain(Map<Address, Genesis.Allocation> alloc, Function<KeyValueStore, List<BlockIndex>> indexes) {
        this(store -> new Genesis(TestChainSpec.CHAIN_ID, 0, TestChainSpec.GAS_LIMIT, TestChainSpec.GENESIS_BASE_FEE,
                Address.ZERO, Bytes.EMPTY, alloc).build(store), indexes);
    }

    /** A chain on a genesis built elsewhere, keeping the indexes {@code indexes} makes over its store. */
    public TestChain(Function<KeyValueStore, Genesis.Built> genesisBuilder,
            Function<KeyValueStore, List<BlockIndex>> indexes) {
        blocks = new KeyValueBlockStore(store, TestKeys.SUITE, new EthereumCancun(), indexes.apply(store));
        Genesis.Built g = genesisBuilder.apply(store);
        blocks.append(g.block(), List.of(), g.batch());
        genesis = g.block();
    }

    /** A genesis account holding this balance. */
    public static Genesis.Allocation funded(BigInteger wei) {
        return Genesis.Allocation.balance(wei);
    }

    /** A genesis contract: nonce 1, no balance, this code. */
    public static Genesis.Allocation contract(String codeHex) {
        return contract(codeHex, Map.of());
    }

    /** A genesis contract: nonce 1, no balance, this code and storage. */
    public static Genesis.Allocation contract(String codeHex, Map<Bytes32, Bytes32> storage) {
        return new Genesis.Allocation(BigInteger.ZERO, 1, Bytes.fromHex(codeHex), storage);
    }

    /** Builds and stores the next block from these candidates (at head timestamp + 1, coinbase zero). */
    public BlockExecutor.Result mine(List<BlockExecutor.Candidate> candidates) {
        BlockHeader head = head();
        BlockExecutor.Result r = new BlockExecutor(TestChainSpec.FORK, TestKeys.SUITE, TestChainSpec.CHAIN_ID, store,
                blocks).build(head,
                        head.timestamp() + 1, Address.ZERO, candidates);
        blocks.append(r.block(), r.receipts(), r.batch());
        return r;
    }

    /**
     * Runs a read-only call from {@code from} to {@code to} on the head's state, in the context of the block after it,
     * as {@code eth_call} against {@code pending} would: nothing is written, no fee is charged.
     */
    public TransactionResult.Executed call(Address from, Address to, Bytes data) {
        BlockHeader head = head();
        WorldState world = WorldState.openReadOnly(store, head.stateRoot(), n -> blocks.hashOf(n).orElse(Bytes32.ZERO));
        var account = world.account(from);
        BlockContext context = new BlockContext(Address.ZERO, head.number() + 1, head.timestamp() + 1,
                head.gasLimit(), BigInteger.ZERO, head.difficulty(), head.mixHash(), TestChainSpec.CHAIN_ID,
                BigInteger.ONE);
        TransactionRequest request = new TransactionRequest(TransactionRequest.LEGACY, from,
                account == null ? 0 : account.nonce(), head.gasLimit(), to, BigInteger.ZERO, data, BigInteger.ZERO,
                BigInteger.ZERO, List.of(), List.of(), BigInteger.ZERO);
        return switch (new TransactionProcessor(TestChainSpec.FORK).process(world, context, request,
                head.gasLimit())) {
            case TransactionResult.Executed e -> e;
            case TransactionResult.Invalid i -> throw new IllegalStateException("call is invalid: " + i.message());
        };
    }

    public Block genesis() {
        return genesis;
    }

    public BlockHeader head() {
        return blocks.head().orElseThrow();
    }

    /** The key-value store under the state and the blocks. */
    public InMemoryKeyValueStore store() {
        return store;
    }

    public KeyValueBlockStore blocks() {
        return blocks;
    }
}
