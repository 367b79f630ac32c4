package org.stele.execution.chainstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TxBuilder;

class KeyValueBlockStoreTest {
    private final CryptoSuite suite = Secp256k1KeccakSuite.instance();
    private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");

    private static Transaction tx(long nonce) {
        return TxBuilder.feeMarket().nonce(nonce).to(TO).value(1)
                .with(new TransactionSignature(0, BigInteger.ONE, BigInteger.TWO));
    }

    private Block block(BlockHeader parent, long number, List<Transaction> txs) {
        BlockHeader h = (parent == null ? TestBlocks.genesis() : TestBlocks.child(parent)).number(number)
                .timestamp(number).build();
        return TestBlocks.block(h, txs);
    }

    private static List<Receipt> receipts(int n) {
        Log log = new Log(TO, List.of(Bytes32.ZERO), Bytes.of((byte) 1));
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> Receipt.of(TransactionType.FEE_MARKET, true, 21_000L * (i + 1), List.of(log))).toList();
    }

    @Test
    void blocksAreReadBackByHashNumberAndTransaction() {
        KeyValueBlockStore store = new KeyValueBlockStore(new InMemoryKeyValueStore(), suite);
        Block genesis = block(null, 0, List.of());
        store.append(genesis, List.of(), new WriteBatch());
        Block one = block(genesis.header(), 1, List.of(tx(0), tx(1)));
        store.append(one, receipts(2), new WriteBatch());

        Bytes32 hash = one.header().hash(suite);
        assertThat(store.head()).contains(one.header());
        assertThat(store.hashOf(1)).contains(hash);
        assertThat(store.header(1L)).contains(one.header());
        assertThat(store.body(hash)).contains(one.body());
        assertThat(store.receipts(hash).orElseThrow()).isEqualTo(receipts(2));
        var location = store.transactionLocation(tx(1).hash(suite)).orElseThrow();
        assertThat(location.blockHash()).isEqualTo(hash);
        assertThat(location.blockNumber()).isEqualTo(1);
        assertThat(location.index()).isEqualTo(1);
        assertThat(store.hashOf(2)).isEmpty();
    }

    @Test
    void blocksReadFromMemoryAndFromTheStoreAreTheSame() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        KeyValueBlockStore store = new KeyValueBlockStore(kv, suite);
        Block parent = block(null, 0, List.of());
        store.append(parent, List.of(), new WriteBatch());
        List<Block> chain = new java.util.ArrayList<>();
        for (int n = 1; n <= 100; n++) { // more than the blocks kept decoded
            Block b = block(parent.header(), n, List.of(tx(2L * n), tx(2L * n + 1)));
            store.append(b, receipts(2), new WriteBatch());
            chain.add(b);
            parent = b;
        }
        KeyValueBlockStore reopened = new KeyValueBlockStore(kv, suite);
        for (Block b : List.of(chain.getFirst(), chain.get(50), chain.getLast())) {
            Bytes32 hash = b.header().hash(suite);
            for (KeyValueBlockStore s : List.of(store, reopened)) {
                assertThat(s.header(hash)).contains(b.header());
                assertThat(s.body(hash)).contains(b.body());
                assertThat(s.receipts(hash)).contains(receipts(2));
            }
        }
    }

    @Test
    void aBlockThatDoesNotExtendTheHeadIsRefusedAndNothingIsWritten() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        KeyValueBlockStore store = new KeyValueBlockStore(kv, suite);
        Block genesis = block(null, 0, List.of());
        store.append(genesis, List.of(), new WriteBatch());
        Block orphan = block(null, 1, List.of());
        assertThatThrownBy(() -> store.append(orphan, List.of(), new WriteBatch()))
                .hasMessageContaining("does not extend");
        assertThat(store.header(orphan.header().hash(suite))).isEmpty();
    }

    @Test
    void theBlockAndTheStateInTheSameBatchSurviveAReopen(@TempDir Path dir) {
        Bytes stateKey = Bytes.of((byte) 7);
        Block genesis = block(null, 0, List.of());
        Block one = block(genesis.header(), 1, List.of(tx(0)));
        try (KeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
            KeyValueBlockStore store = new KeyValueBlockStore(kv, suite);
            store.append(genesis, List.of(), new WriteBatch());
            store.append(one, receipts(1), new WriteBatch().put(Segment.TRIE_NODES, stateKey, Bytes.of((byte) 8)));
        }
        try (KeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
            KeyValueBlockStore store = new KeyValueBlockStore(kv, suite);
            assertThat(store.head()).contains(one.header());
            assertThat(kv.get(Segment.TRIE_NODES, stateKey)).contains(Bytes.of((byte) 8));
            assertThat(store.transactionLocation(tx(0).hash(suite))).isPresent();
        }
    }
}
