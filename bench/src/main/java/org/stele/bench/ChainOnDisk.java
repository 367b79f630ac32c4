package org.stele.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.stele.chain.BaseFee;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.storage.CachedSegmentStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;

/**
 * A chain at its genesis on RocksDB in a temporary directory, opened as the node opens it (trie nodes and code cached
 * in front of RocksDB), for the benchmarks that build and import blocks; closing it deletes the directory.
 */
final class ChainOnDisk implements AutoCloseable {
    static final long CHAIN_ID = 31337;
    static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    /** Twice what a block of 800 transfers uses, so blocks stay under the EIP-1559 target and the base fee stays. */
    static final long GAS_LIMIT = 60_000_000;

    final Path dir;
    final KeyValueStore store;
    final KeyValueBlockStore blocks;

    private ChainOnDisk(Path dir, KeyValueStore store) {
        this.dir = dir;
        this.store = store;
        this.blocks = new KeyValueBlockStore(store, SUITE);
    }

    /** A new directory named after {@code prefix}, holding the genesis block of {@code alloc}. */
    static ChainOnDisk open(String prefix, Map<Address, Genesis.Allocation> alloc) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        ChainOnDisk chain = new ChainOnDisk(dir, new CachedSegmentStore(RocksDbKeyValueStore.open(dir),
                Set.of(Segment.TRIE_NODES, Segment.CODE), 64L << 20));
        Genesis.Built g = new Genesis(CHAIN_ID, 0, GAS_LIMIT, BaseFee.INITIAL, Address.ZERO, Bytes.EMPTY, alloc)
                .build(chain.store);
        chain.blocks.append(g.block(), List.of(), g.batch());
        return chain;
    }

    /**
     * Throws when the builder left any of {@code txs} out of its block: a benchmark whose blocks shrink would report
     * a cost per transaction of blocks it did not build.
     */
    static void requireAllIncluded(BlockExecutor.Result built, List<BlockExecutor.Candidate> txs) {
        int included = built.block().body().transactions().size();
        if (included != txs.size())
            throw new IllegalStateException(txs.size() - included + " left out: "
                    + built.rejected().stream().map(BlockExecutor.Rejected::reason).limit(3).toList());
    }

    @Override
    public void close() throws IOException {
        blocks.close(); // stops a writer thread that writes blocks behind, after its last write
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
