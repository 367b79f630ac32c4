package org.stele.execution.chainstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.testkit.TestAccounts.ETHER;
import static org.stele.testkit.TestChainSpec.CHAIN_ID;
import static org.stele.testkit.TestChainSpec.GENESIS_BASE_FEE;
import static org.stele.testkit.TestKeys.SUITE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.EthereumCancun;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CarriedState;
import org.stele.execution.block.Genesis;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.ForwardingKeyValueStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.WriteBatch;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/**
 * A chain whose blocks are written behind ({@link KeyValueBlockStore#writeBehind}): the next block is built and
 * checked on blocks accepted and not written yet, so it must be the very block a chain writing each block at once
 * builds; clients see a block only once it is written; a failed write stops every later one, so the store's head is
 * always a whole block.
 */
class WriteBehindTest {
    /** Stores the call's value at the slot named by its caller (zero clears it) and the block number at its own slot. */
    private static final Bytes VALUE_CODE = Bytes.fromHex("0x34335543805500");
    private static final Address VALUE_CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    /** Stores BLOCKHASH(NUMBER - 1) at slot NUMBER: a parent's hash that is not written yet must be read right. */
    private static final Bytes BLOCKHASH_CODE = Bytes.fromHex("0x436001900340435500");
    private static final Address BLOCKHASH_CONTRACT = Address.fromHex("0x00000000000000000000000000000000000b10c4");
    private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c0");
    private static final List<KeyPair> KEYS = TestKeys.named("behind", 4);

    /** An in-memory store whose writes, once gated, each wait for a permit, and of which one write may fail. */
    private static final class GatedStore extends ForwardingKeyValueStore {
        /** What the store holds, read past the gate (a reopened chain reads it). */
        final KeyValueStore store;
        final Semaphore permits = new Semaphore(0);
        volatile boolean gated;
        /** The number of the write (counted from the gate's closing, from 1) that fails; 0 for none. */
        volatile int failing;
        final AtomicInteger writes = new AtomicInteger();

        GatedStore() {
            this(new InMemoryKeyValueStore());
        }

        private GatedStore(KeyValueStore store) {
            super(store);
            this.store = store;
        }

        @Override
        public void write(WriteBatch batch) {
            if (gated) {
                permits.acquireUninterruptibly();
                if (writes.incrementAndGet() == failing)
                    throw new IllegalStateException("disk full");
            }
            super.write(batch);
        }

        /** Kept open: a test reopens the chain on what this store holds. */
        @Override
        public void close() {
        }
    }

    /** A chain as a dev node keeps it: a builder and an importer sharing a carried state, on the store's state view. */
    private static final class Chain {
        final GatedStore store = new GatedStore();
        final KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
        final BlockExecutor executor;
        final BlockImporter importer;

        Chain(int maxInFlight) {
            Map<Address, Genesis.Allocation> alloc = new LinkedHashMap<>();
            for (KeyPair k : KEYS) alloc.put(TestKeys.address(k), Genesis.Allocation.balance(ETHER));
            alloc.put(VALUE_CONTRACT, new Genesis.Allocation(BigInteger.ZERO, 1, VALUE_CODE, Map.of()));
            alloc.put(BLOCKHASH_CONTRACT, new Genesis.Allocation(BigInteger.ZERO, 1, BLOCKHASH_CODE, Map.of()));
            Genesis.Built g = new Genesis(CHAIN_ID, 0, 30_000_000, GENESIS_BASE_FEE, Address.ZERO, Bytes.EMPTY, alloc)
                    .build(store);
            blocks.append(g.block(), List.of(), g.batch());
            if (maxInFlight > 0)
                blocks.writeBehind(maxInFlight);
            CarriedState carried = new CarriedState(blocks.state());
            executor = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, blocks.state(), blocks, new EthereumCancun(),
                    TransactionPolicy.NONE, carried);
            importer = new BlockImporter(new EthereumCancun(), Fork.CANCUN, SUITE, CHAIN_ID, blocks.state(), blocks,
                    SealVerifier.NONE, carried);
        }

        /** Builds a block on the tip and imports it as a dev node does; returns its header. */
        BlockHeader seal(List<BlockExecutor.Candidate> txs) {
            BlockHeader tip = blocks.tip().orElseThrow();
            BlockExecutor.Result r = executor.build(tip, tip.timestamp() + 1, COINBASE, txs);
            assertThat(r.rejected()).isEmpty();
            assertThat(importer.importBuilt(r.block(), r)).isInstanceOf(ImportResult.Imported.class);
            return r.block().header();
        }
    }

    @Property(tries = 10)
    void blocksSealedWhileTheOnesBeforeAreWrittenAreTheBlocksSealedOneAfterTheOther(@ForAll long seed) {
        Random rnd = new Random(seed);
        int maxInFlight = 1 + rnd.nextInt(3);
        Chain behind = new Chain(maxInFlight);
        Chain sequential = new Chain(0);
        behind.store.gated = true;
        long[] nonces = new long[KEYS.size()];
        int accepted = 0, released = 0;
        for (int b = 1; b <= 12; b++) {
            List<BlockExecutor.Candidate> txs = randomTransactions(rnd, nonces);
            txs.add(transfer(0, nonces[0]++)); // every block records its parent's hash as BLOCKHASH gives it
            if (accepted - released >= maxInFlight) {
                behind.store.permits.release(); // the writer must get on, or the next accept waits for ever
                released++;
            }
            BlockHeader one = behind.seal(txs);
            accepted++;
            BlockHeader other = sequential.seal(txs);
            assertThat(behind.blocks.hash(one)).as("block %d", b).isEqualTo(sequential.blocks.hash(other));
            assertThat(behind.blocks.tip()).contains(one);
            long head = behind.blocks.head().orElseThrow().number();
            assertThat(head).isBetween((long) b - maxInFlight, (long) b);
            assertThat(behind.blocks.hashOf(b)).as("block %d by number at head %d", b, head)
                    .isEqualTo(head == b ? Optional.of(behind.blocks.hash(one)) : Optional.empty());
            if (rnd.nextBoolean()) {
                behind.store.permits.release(rnd.nextInt(3));
            }
        }
        behind.store.permits.release(1_000);
        behind.blocks.awaitWritten();
        assertThat(behind.blocks.head()).isEqualTo(sequential.blocks.head());
        // what the store holds, read by a store opened on it afresh (a restart): the same head, its state complete
        KeyValueBlockStore reopened = new KeyValueBlockStore(behind.store.store, SUITE);
        assertThat(reopened.head()).isEqualTo(sequential.blocks.head());
        BlockHeader head = reopened.head().orElseThrow();
        WorldState state = WorldState.openReadOnly(behind.store.store, head.stateRoot(), n -> Bytes32.ZERO);
        WorldState expected = WorldState.openReadOnly(sequential.store.store, head.stateRoot(), n -> Bytes32.ZERO);
        for (KeyPair k : KEYS)
            assertThat(state.account(TestKeys.address(k))).isEqualTo(expected.account(TestKeys.address(k)));
        for (long n = 1; n <= head.number(); n++)
            assertThat(state.storage(BLOCKHASH_CONTRACT, slot(n))).as("BLOCKHASH(%d) in block %d", n - 1, n)
                    .isEqualTo(reopened.hashOf(n - 1).orElseThrow());
    }

    @Test
    void aBlockOnItsWayIsTheTipAndFoundByHashButClientsSeeItOnceWritten() {
        Chain chain = new Chain(2);
        BlockHeader genesis = chain.blocks.head().orElseThrow();
        chain.store.gated = true;
        AtomicLong announced = new AtomicLong(-1);
        BlockHeader one = chain.seal(List.of(transfer(0, 0)));
        Bytes32 hash = chain.blocks.hash(one);
        chain.blocks.whenWritten(hash, () -> announced.set(one.number()));
        // the next block is built on it, its state read through the store's state view
        BlockHeader two = chain.seal(List.of(transfer(0, 1)));

        assertThat(chain.blocks.tip()).contains(two);
        assertThat(chain.blocks.header(hash)).contains(one);
        assertThat(chain.blocks.head()).contains(genesis);
        assertThat(chain.blocks.hashOf(1)).isEmpty();
        assertThat(chain.blocks.transactionLocation(chain.blocks.body(hash).orElseThrow().transactions().get(0)
                .hash(SUITE))).isEmpty();
        assertThat(announced).hasValue(-1);

        chain.store.permits.release(2);
        chain.blocks.awaitWritten();
        assertThat(chain.blocks.head()).contains(two);
        assertThat(chain.blocks.hashOf(1)).contains(hash);
        assertThat(announced).hasValue(1);
    }

    @Test
    void theSealerWaitsWhileTheWriterIsAsFarBehindAsAllowed() throws Exception {
        Chain chain = new Chain(1);
        chain.store.gated = true;
        chain.seal(List.of(transfer(0, 0)));
        Thread second = Thread.ofPlatform().start(() -> chain.seal(List.of(transfer(0, 1))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(second.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(chain.blocks.tip().orElseThrow().number()).isEqualTo(1);
        chain.store.permits.release(2);
        second.join(10_000);
        chain.blocks.awaitWritten();
        assertThat(chain.blocks.head().orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void aFailedWriteStopsEveryLaterOneSoTheStoreHoldsWholeBlocksUpToTheOneBefore() {
        Chain chain = new Chain(3);
        chain.store.gated = true;
        chain.store.failing = 2;
        BlockHeader one = chain.seal(List.of(transfer(0, 0)));
        chain.seal(List.of(transfer(0, 1)));
        chain.seal(List.of(transfer(0, 2)));
        chain.store.permits.release(3);
        assertThatThrownBy(chain.blocks::awaitWritten).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disk full");
        assertThat(chain.store.writes).hasValue(2); // block 3 was never handed to the store
        assertThat(new KeyValueBlockStore(chain.store.store, SUITE).head()).contains(one);
        assertThatThrownBy(() -> chain.seal(List.of(transfer(0, 3)))).isInstanceOf(IllegalStateException.class);
    }

    private static BlockExecutor.Candidate transfer(int key, long nonce) {
        KeyPair k = KEYS.get(key);
        return new BlockExecutor.Candidate(TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonce)
                .fees(10_000_000_000L, 1_000_000_000).gasLimit(100_000).to(BLOCKHASH_CONTRACT).value(1)
                .signedBy(k), TestKeys.address(k));
    }

    private static List<BlockExecutor.Candidate> randomTransactions(Random rnd, long[] nonces) {
        List<BlockExecutor.Candidate> txs = new ArrayList<>();
        for (int n = rnd.nextInt(6); n > 0; n--) {
            int k = rnd.nextInt(KEYS.size());
            int kind = rnd.nextInt(3);
            Address to = switch (kind) {
                case 0 -> VALUE_CONTRACT;
                case 1 -> BLOCKHASH_CONTRACT;
                default -> TestKeys.address(KEYS.get(rnd.nextInt(KEYS.size())));
            };
            long value = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1_000) + 1;
            txs.add(new BlockExecutor.Candidate(TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonces[k]++)
                    .fees(10_000_000_000L, 1_000_000_000).gasLimit(100_000).to(to).value(value)
                    .signedBy(KEYS.get(k)), TestKeys.address(KEYS.get(k))));
        }
        return txs;
    }

    private static Bytes32 slot(long n) {
        return Bytes32.leftPad(BigInteger.valueOf(n).toByteArray());
    }
}
