package org.stele.execution.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestAccounts.ETHER;
import static org.stele.testkit.TestChainSpec.CHAIN_ID;
import static org.stele.testkit.TestChainSpec.GENESIS_BASE_FEE;
import static org.stele.testkit.TestAccounts.BOB;
import static org.stele.testkit.TestKeys.SUITE;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

class BlockExecutorTest {
    private static final KeyPair KEY = TestKeys.DEV_0;
    private static final Address ALICE = TestKeys.address(KEY);
    private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c0");

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
    private final BlockExecutor executor = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks);

    private BlockHeader genesis() {
        return genesis(30_000_000);
    }

    private BlockHeader genesis(long gasLimit) {
        Genesis g = new Genesis(CHAIN_ID, 0, gasLimit, GENESIS_BASE_FEE, Address.ZERO, Bytes.EMPTY,
                Map.of(ALICE, Genesis.Allocation.balance(ETHER.multiply(BigInteger.valueOf(100)))));
        Genesis.Built built = g.build(store);
        blocks.append(built.block(), List.of(), built.batch());
        return built.block().header();
    }

    private static Transaction transfer(long nonce, BigInteger value) {
        return transfer(KEY, nonce, value, 21_000);
    }

    private static Transaction transfer(KeyPair key, long nonce, BigInteger value, long gasLimit) {
        return TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonce).fees(10_000_000_000L, 2_000_000_000)
                .gasLimit(gasLimit).value(value).signedBy(key);
    }

    @Test
    void aBlockIsFilledByTheGasItsTransactionsUseNotByTheirGasLimits() {
        KeyPair carolKey = TestKeys.DEV_1;
        Address carol = TestKeys.address(carolKey);
        Genesis g = new Genesis(CHAIN_ID, 0, 150_000, GENESIS_BASE_FEE, Address.ZERO, Bytes.EMPTY,
                Map.of(ALICE, Genesis.Allocation.balance(ETHER), carol, Genesis.Allocation.balance(ETHER)));
        Genesis.Built built = g.build(store);
        blocks.append(built.block(), List.of(), built.batch());
        List<BlockExecutor.Candidate> candidates = new java.util.ArrayList<>();
        // Each asks for 100,000 gas and uses 21,000: by gas limits one would fit, by gas used three do.
        for (int n = 0; n < 5; n++)
            candidates.add(new BlockExecutor.Candidate(transfer(KEY, n, ETHER.divide(BigInteger.TEN), 100_000), ALICE));
        candidates.add(new BlockExecutor.Candidate(transfer(carolKey, 0, BigInteger.ONE, 21_000), carol));

        BlockExecutor.Result r = executor.build(built.block().header(), 12, COINBASE, candidates);

        assertThat(r.block().body().transactions()).extracting(Transaction::nonce).containsExactly(0L, 1L, 2L, 0L);
        assertThat(r.block().header().gasUsed()).isEqualTo(4 * 21_000);
        assertThat(r.rejected()).isEmpty();
    }

    @Test
    void aBuiltBlockMovesValuePaysTheCoinbaseAndCarriesMatchingRoots() {
        BlockHeader parent = genesis();
        BlockExecutor.Result r = executor.build(parent, 12, COINBASE, List.of(
                new BlockExecutor.Candidate(transfer(0, ETHER), ALICE),
                new BlockExecutor.Candidate(transfer(1, ETHER), ALICE)));
        blocks.append(r.block(), r.receipts(), r.batch());

        BlockHeader h = r.block().header();
        assertThat(h.number()).isEqualTo(1);
        assertThat(h.gasUsed()).isEqualTo(42_000);
        assertThat(r.receipts()).allMatch(x -> x.success());
        assertThat(r.receipts().get(1).cumulativeGasUsed()).isEqualTo(42_000);
        WorldState after = WorldState.open(store, h.stateRoot(), BlockHashes.NONE);
        assertThat(after.account(BOB).balance()).isEqualTo(ETHER.multiply(BigInteger.TWO));
        // Base fee 0.875 gwei after an empty genesis; the tip is 2 gwei per gas to the coinbase.
        assertThat(after.account(COINBASE).balance()).isEqualTo(BigInteger.valueOf(42_000L * 2_000_000_000L));
        assertThat(after.account(ALICE).nonce()).isEqualTo(2);
        assertThat(blocks.head()).contains(h);
    }

    @Test
    void aTransactionThatIsInvalidAtItsTurnIsLeftOutAndReported() {
        BlockHeader parent = genesis();
        Transaction gap = transfer(5, ETHER);
        BlockExecutor.Result r = executor.build(parent, 12, COINBASE,
                List.of(new BlockExecutor.Candidate(transfer(0, ETHER), ALICE), new BlockExecutor.Candidate(gap, ALICE),
                        new BlockExecutor.Candidate(transfer(1, ETHER), ALICE)));
        assertThat(r.block().body().transactions()).hasSize(1);
        assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.reason()).containsIgnoringCase("nonce"));
    }

    @Test
    void theSameCandidatesGiveTheSameBlockOnEveryRun() {
        BlockHeader parent = genesis();
        Transaction legacy = TxBuilder.legacy().chainId(CHAIN_ID).gasPrice(3_000_000_000L).value(1).signedBy(KEY);
        var candidates = List.of(new BlockExecutor.Candidate(legacy, ALICE));
        BlockHeader a = executor.build(parent, 12, COINBASE, candidates).block().header();
        BlockHeader b = executor.build(parent, 12, COINBASE, candidates).block().header();
        assertThat(a).isEqualTo(b);
        assertThat(a.transactionsRoot()).isNotEqualTo(BlockHeader.EMPTY_TRIE_ROOT);
    }
}
