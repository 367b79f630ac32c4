package org.stele.execution.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestAccounts.ETHER;
import static org.stele.testkit.TestChainSpec.CHAIN_ID;
import static org.stele.testkit.TestChainSpec.GENESIS_BASE_FEE;
import static org.stele.testkit.TestKeys.SUITE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.chain.rules.EthereumCancun;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/**
 * A {@link BlockExecutor} keeps the state of the block it built for the next one ({@link CarriedState}); blocks built
 * that way must be the blocks an executor reading every state from the store builds, with the same writes in their
 * batches, or a node that restarts (and reads from the store) would hold another state than the one it built on.
 */
class CarriedStateTest {
    /**
     * Stores the call's value at the slot named by its caller (zero clears it) and the block number at its own slot.
     */
    private static final Bytes CONTRACT_CODE = Bytes.fromHex("0x34335543805500");
    private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c0");
    private static final List<KeyPair> KEYS = TestKeys.named("carried", 4);

    /** One chain on its own store; {@code fresh} builds each block with a new executor, so nothing is carried. */
    private static final class Chain {
        final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        final KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
        final boolean fresh;
        BlockExecutor executor;
        BlockHeader head;

        Chain(boolean fresh) {
            this.fresh = fresh;
            Map<Address, Genesis.Allocation> alloc = new LinkedHashMap<>();
            for (KeyPair k : KEYS) alloc.put(TestKeys.address(k), Genesis.Allocation.balance(ETHER));
            alloc.put(CONTRACT, new Genesis.Allocation(BigInteger.ZERO, 1, CONTRACT_CODE, Map.of()));
            Genesis.Built g = new Genesis(CHAIN_ID, 0, 30_000_000, GENESIS_BASE_FEE, Address.ZERO, Bytes.EMPTY, alloc)
                    .build(store);
            blocks.append(g.block(), List.of(), g.batch());
            head = g.block().header();
            executor = executor();
        }

        BlockExecutor executor() {
            return new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks);
        }

        BlockExecutor.Result build(List<BlockExecutor.Candidate> txs) {
            if (fresh)
                executor = executor();
            return executor.build(head, head.timestamp() + 12, COINBASE, txs);
        }

        void append(BlockExecutor.Result r) {
            blocks.append(r.block(), r.receipts(), r.batch());
            head = r.block().header();
        }
    }

    @Property(tries = 10)
    void blocksBuiltOnTheCarriedStateAreThoseBuiltFromTheStore(@ForAll long seed) {
        Random rnd = new Random(seed);
        Chain carried = new Chain(false);
        Chain fresh = new Chain(true);
        long[] nonces = new long[KEYS.size()];
        for (int b = 0; b < 6; b++) {
            List<BlockExecutor.Candidate> txs = new ArrayList<>();
            for (int n = rnd.nextInt(6); n > 0; n--) {
                int k = rnd.nextInt(KEYS.size());
                boolean call = rnd.nextInt(3) > 0;
                Address to = call ? CONTRACT : TestKeys.address(KEYS.get(rnd.nextInt(KEYS.size())));
                long value = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1_000) + 1;
                txs.add(new BlockExecutor.Candidate(TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonces[k]++)
                        .fees(10_000_000_000L, 1_000_000_000).gasLimit(100_000).to(to).value(value)
                        .signedBy(KEYS.get(k)), TestKeys.address(KEYS.get(k))));
            }
            BlockExecutor.Result a = carried.build(txs);
            BlockExecutor.Result f = fresh.build(txs);
            assertThat(a.rejected()).isEmpty();
            assertThat(a.block()).as("block %d", b + 1).isEqualTo(f.block());
            assertThat(operations(a.batch())).as("writes of block %d", b + 1).isEqualTo(operations(f.batch()));
            carried.append(a);
            fresh.append(f);
        }
    }

    /**
     * A validator's builder and importer share one carried state (proposers rotate, so a block built here follows one
     * checked here and the other way round): the blocks it builds are those built from the store, and the blocks it
     * checks and imports, built elsewhere, are accepted, whichever way the state reached their parent.
     */
    @Property(tries = 10)
    void aBuilderAndAnImporterSharingTheCarriedStateBuildAndAcceptWhatOnesReadingTheStoreDo(@ForAll long seed) {
        Random rnd = new Random(seed);
        Chain elsewhere = new Chain(true);
        Chain here = new Chain(false);
        CarriedState shared = new CarriedState(here.store);
        here.executor = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, here.store, here.blocks, new EthereumCancun(),
                TransactionPolicy.NONE, shared);
        BlockImporter importer = new BlockImporter(new EthereumCancun(), Fork.CANCUN, SUITE, CHAIN_ID, here.store,
                here.blocks, SealVerifier.NONE, shared);
        long[] nonces = new long[KEYS.size()];
        for (int b = 0; b < 8; b++) {
            List<BlockExecutor.Candidate> txs = randomTransactions(rnd, nonces);
            BlockExecutor.Result f = elsewhere.build(txs);
            if (rnd.nextBoolean()) {
                BlockExecutor.Result a = here.build(txs);
                assertThat(a.block()).as("block %d", b + 1).isEqualTo(f.block());
                assertThat(operations(a.batch())).as("writes of block %d", b + 1).isEqualTo(operations(f.batch()));
                assertThat(importer.importBuilt(a.block(), a)).isInstanceOf(ImportResult.Imported.class);
            } else {
                assertThat(importer.check(f.block())).as("check of block %d", b + 1)
                        .isInstanceOf(ImportResult.Imported.class);
                assertThat(importer.importBlock(f.block())).isInstanceOf(ImportResult.Imported.class);
            }
            here.head = f.block().header();
            elsewhere.append(f);
        }
        assertThat(here.blocks.head()).contains(elsewhere.head);
    }

    private static List<BlockExecutor.Candidate> randomTransactions(Random rnd, long[] nonces) {
        List<BlockExecutor.Candidate> txs = new ArrayList<>();
        for (int n = rnd.nextInt(6); n > 0; n--) {
            int k = rnd.nextInt(KEYS.size());
            boolean call = rnd.nextInt(3) > 0;
            Address to = call ? CONTRACT : TestKeys.address(KEYS.get(rnd.nextInt(KEYS.size())));
            long value = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1_000) + 1;
            txs.add(new BlockExecutor.Candidate(TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonces[k]++)
                    .fees(10_000_000_000L, 1_000_000_000).gasLimit(100_000).to(to).value(value)
                    .signedBy(KEYS.get(k)), TestKeys.address(KEYS.get(k))));
        }
        return txs;
    }

    @Property(tries = 5)
    void aBlockBuiltAgainOnAnEarlierParentStartsFromThatParentsState(@ForAll long seed) {
        Random rnd = new Random(seed);
        Chain chain = new Chain(false);
        BlockHeader genesis = chain.head;
        KeyPair k = KEYS.get(rnd.nextInt(KEYS.size()));
        List<BlockExecutor.Candidate> first = List.of(new BlockExecutor.Candidate(TxBuilder.feeMarket()
                .chainId(CHAIN_ID).nonce(0).fees(10_000_000_000L, 1_000_000_000).gasLimit(100_000).to(CONTRACT)
                .value(rnd.nextInt(1_000) + 1).signedBy(k), TestKeys.address(k)));
        BlockExecutor.Result one = chain.build(first);
        HashSet<WriteBatch.Operation> written = operations(one.batch());
        chain.append(one);
        // a reorganisation: the next block is built on genesis again, while the kept state is block 1's
        chain.head = genesis;
        BlockExecutor.Result again = chain.build(first);
        assertThat(again.block()).isEqualTo(one.block());
        assertThat(operations(again.batch())).isEqualTo(written).isNotEmpty();
    }

    /** The state's writes: the store's block writes join the batch when the block is appended. */
    private static HashSet<WriteBatch.Operation> operations(WriteBatch batch) {
        HashSet<WriteBatch.Operation> state = new HashSet<>();
        for (WriteBatch.Operation o : batch.operations())
            if (o.segment() == Segment.TRIE_NODES || o.segment() == Segment.CODE)
                state.add(o);
        return state;
    }
}
