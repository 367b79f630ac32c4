package org.stele.execution.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.store.TransactionLocation;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.explorer.TransactionFacts;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.WriteBatch;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TxBuilder;

/**
 * What a reader sees while blocks are written: a block's transactions, its number and its explorer entries become
 * visible together with the head that reaches it, never before (a client that finds its receipt in block N and then
 * asks for the block number must not be told N - 1).
 */
class KeyValueBlockStoreVisibilityTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final Address FROM = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final int BLOCKS = 5_000;

    private static Transaction tx(long nonce) {
        return TxBuilder.feeMarket().nonce(nonce).to(TO).value(1)
                .with(new TransactionSignature(0, BigInteger.ONE, BigInteger.TWO));
    }

    @Test
    void aTransactionsBlockAndNumberAreNeverSeenAheadOfTheHead() throws Exception {
        assertNothingAheadOfTheHead(false);
    }

    /** Blocks accepted and written behind by the store's writer thread: the same holds for every reader. */
    @Test
    void aTransactionsBlockAndNumberAreNeverSeenAheadOfTheHeadWhenWrittenBehind() throws Exception {
        assertNothingAheadOfTheHead(true);
    }

    private static void assertNothingAheadOfTheHead(boolean behind) throws Exception {
        KeyValueBlockStore store = new KeyValueBlockStore(new InMemoryKeyValueStore(), SUITE);
        Block genesis = TestBlocks.block(TestBlocks.genesis().number(0).timestamp(0).build(), List.of());
        store.append(genesis, List.of(), new WriteBatch());
        List<Block> chain = new ArrayList<>();
        BlockHeader parent = genesis.header();
        Log log = new Log(TO, List.of(Bytes32.ZERO), Bytes.of((byte) 1));
        for (int n = 1; n <= BLOCKS; n++) {
            Block b = TestBlocks.block(TestBlocks.child(parent).number(n).timestamp(n).build(), List.of(tx(n)));
            chain.add(b);
            parent = b.header();
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> ahead = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            for (int n = 1; n <= BLOCKS && ahead.get() == null; n++) {
                Bytes32 hash = chain.get(n - 1).body().transactions().get(0).hash(SUITE);
                Optional<TransactionLocation> location;
                while ((location = store.transactionLocation(hash)).isEmpty()) {
                    if (done.get() && store.transactionLocation(hash).isEmpty())
                        return;
                    Thread.onSpinWait();
                }
                long head = store.head().orElseThrow().number();
                if (location.get().blockNumber() > head)
                    ahead.set("transaction of block " + location.get().blockNumber() + " seen at head " + head);
                long number = n;
                if (store.hashOf(number + 1).isPresent() && store.head().orElseThrow().number() < number + 1)
                    ahead.set("block " + (number + 1) + " by number seen before the head reached it");
                List<Long> entries = new ArrayList<>();
                store.explorer().history(TO, Long.MAX_VALUE, true, e -> entries.add(e.blockNumber()) && false);
                long headAfter = store.head().orElseThrow().number();
                if (!entries.isEmpty() && entries.get(0) > headAfter)
                    ahead.set("explorer entry of block " + entries.get(0) + " seen at head " + headAfter);
            }
        });
        if (behind)
            store.writeBehind(2);
        for (Block b : chain) {
            List<Receipt> receipts = List.of(Receipt.of(TransactionType.FEE_MARKET, true, 21_000, List.of(log)));
            List<TransactionFacts> facts = List.of(new TransactionFacts(FROM, List.of()));
            if (behind)
                store.putBehind(b, receipts, null, new WriteBatch(), facts);
            else
                store.put(b, receipts, new WriteBatch(), true, facts);
        }
        store.awaitWritten();
        done.set(true);
        reader.join();
        assertThat(ahead.get()).isNull();
    }
}
