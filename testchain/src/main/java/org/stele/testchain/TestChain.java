package org.stele.testchain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TestKeys;

/**
 * A chain for tests: a genesis state on the trie in memory (chain id 1337, Cancun, 1 gwei base fee, a 30M gas
 * limit), its block store, and blocks mined from candidates by the real {@link BlockExecutor}.
 */
public final class TestChain {
    public static final long CHAIN_ID = 1337;
    public static final Fork FORK = Fork.CANCUN;
    public static final BigInteger GENESIS_BASE_FEE = BigInteger.valueOf(1_000_000_000);

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final KeyValueBlockStore blocks = new KeyValueBlockStore(store, TestKeys.SUITE);

    /** A chain whose genesis holds these accounts. */
    public TestChain(Map<Address, Genesis.Allocation> alloc) {
        Genesis.Built g = new Genesis(CHAIN_ID, 0, TestBlocks.GAS_LIMIT, GENESIS_BASE_FEE, Address.ZERO, Bytes.EMPTY,
                alloc).build(store);
        blocks.append(g.block(), List.of(), g.batch());
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
        BlockExecutor.Result r = new BlockExecutor(FORK, TestKeys.SUITE, CHAIN_ID, store, blocks).build(head,
                head.timestamp() + 1, Address.ZERO, candidates);
        blocks.append(r.block(), r.receipts(), r.batch());
        return r;
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
