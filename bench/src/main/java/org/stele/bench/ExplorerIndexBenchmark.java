package org.stele.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.stele.chain.Block;
import org.stele.chain.Receipt;
import org.stele.common.Bytes32;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.explorer.ExplorerIndex;
import org.stele.execution.explorer.TransactionFacts;
import org.stele.storage.WriteBatch;

/**
 * What the explorer indexes add to each block: the entries staged for a block of
 * {@value BlockBuildBenchmark#TXS_PER_BLOCK} ERC-20 transfers (each touches its sender, the token as recipient, and
 * the two parties of its {@code Transfer} event), their size, and the time to stage them with the senders known, as
 * the importer knows them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExplorerIndexBenchmark {
    private final BlockBuildBenchmark chain = new BlockBuildBenchmark();
    private ExplorerIndex index;
    private Block block;
    private List<Receipt> receipts;
    private List<TransactionFacts> facts;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        chain.setUp();
        chain.buildAndStoreErc20Block();
        KeyValueBlockStore blocks = chain.blocks();
        Bytes32 head = blocks.head().orElseThrow().hash(org.stele.common.crypto.Secp256k1KeccakSuite.instance());
        block = blocks.block(head).orElseThrow();
        receipts = blocks.receipts(head).orElseThrow();
        index = blocks.explorer();
        facts = chain.senders().stream().map(s -> new TransactionFacts(s, List.of())).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        chain.tearDown();
    }

    /** Staging one block's entries; the score is per transaction. */
    @Benchmark
    @OperationsPerInvocation(BlockBuildBenchmark.TXS_PER_BLOCK)
    public WriteBatch stageErc20Block() {
        WriteBatch batch = new WriteBatch();
        index.stage(block, receipts, facts, batch);
        return batch;
    }

    /**
     * Size and CPU time without JMH: {@code java -cp benchmarks.jar org.stele.bench.ExplorerIndexBenchmark [blocks]}
     * prints the entries and bytes (keys plus values) per block and per transaction, the CPU time to stage them, and
     * the CPU time to write them alone to RocksDB, measured on one thread after a warm-up.
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ExplorerIndexBenchmark b = new ExplorerIndexBenchmark();
        b.setUp();
        try {
            WriteBatch sample = b.stageErc20Block();
            long bytes = sample.operations().stream().mapToLong(o -> o.key().size() + o.value().size()).sum();
            int txs = BlockBuildBenchmark.TXS_PER_BLOCK;
            var threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < n; i++) b.stageErc20Block();
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) b.stageErc20Block();
            double stagePerTx = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / ((double) n * txs);
            // Writing the same entries again costs RocksDB what writing them the first time does (a memtable insert
            // and the write-ahead log), so repeated writes of one block's entries measure the write cost.
            for (int i = 0; i < n / 4; i++) b.chain.store().write(sample);
            cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n / 4; i++) b.chain.store().write(sample);
            double writePerTx = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / ((double) (n / 4) * txs);
            System.out.printf(java.util.Locale.ROOT,
                    "explorer indexes of a block of %d ERC-20 transfers: %d entries, %d bytes (%.1f bytes per"
                            + " transaction); staging %.2f us CPU per transaction, writing to RocksDB %.2f us CPU per"
                            + " transaction%n",
                    txs, sample.size(), bytes, bytes / (double) txs, stagePerTx, writePerTx);
        } finally {
            b.tearDown();
        }
    }
}
