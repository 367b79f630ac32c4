package org.stele.bench;

import static org.stele.bench.ChainOnDisk.CHAIN_ID;
import static org.stele.bench.ChainOnDisk.SUITE;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.EthereumCancun;
import org.stele.common.Address;
import org.stele.common.Fork;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CarriedState;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;

/**
 * What the dev chain's sealing thread spends on a block it builds, by the two ways its block can reach the store
 * through the importer: {@code import} (the block is executed a second time by {@link BlockImporter#importBlock}, as
 * before) and {@code importBuilt} (the importer checks the header and writes the builder's results,
 * {@link BlockImporter#importBuilt}), and {@code importBuilt} with the block written behind, on the store's writer
 * thread, while the next one is built ({@link KeyValueBlockStore#writeBehind}, as {@code stele dev} does; each round
 * waits for its last block's write, and the writer's CPU is counted with the helpers'). Each way has its own
 * RocksDB-backed chain and gets the same signed ERC-20
 * transfers from distinct senders; rounds alternate between the two, and each is charged its thread's CPU time, so
 * other load on the machine inflates the figures less, and its wall time.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.stele.bench.OwnBlockImportBenchmark [blocks per round] [rounds]</pre>
 */
public final class OwnBlockImportBenchmark {
    static final int TXS_PER_BLOCK = 800;

    /**
     * One chain on its own store, with an importer that checks no seals (the dev chain's seal is not the cost here).
     */
    private static final class Chain implements AutoCloseable {
        final ChainOnDisk disk;
        final KeyValueBlockStore blocks;
        final BlockExecutor executor;
        final BlockImporter importer;
        final boolean executeAgain;
        final boolean behind;

        Chain(Map<Address, Genesis.Allocation> alloc, boolean executeAgain, boolean behind) throws IOException {
            this.executeAgain = executeAgain;
            this.behind = behind;
            disk = ChainOnDisk.open("stele-ownimport", alloc);
            blocks = disk.blocks;
            if (behind)
                blocks.writeBehind(2);
            CarriedState carried = new CarriedState(blocks.state());
            executor = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, blocks.state(), blocks, new EthereumCancun(),
                    TransactionPolicy.NONE, carried);
            importer = new BlockImporter(new EthereumCancun(), Fork.CANCUN, SUITE, CHAIN_ID, blocks.state(), blocks,
                    SealVerifier.NONE, carried);
        }

        /** Builds a block of {@code txs} on the head and imports it the chain's way. */
        void seal(List<BlockExecutor.Candidate> txs) {
            BlockHeader parent = blocks.tip().orElseThrow();
            BlockExecutor.Result r = executor.build(parent, parent.timestamp() + 1, Address.ZERO, txs);
            ChainOnDisk.requireAllIncluded(r, txs);
            Block block = r.block();
            ImportResult result = executeAgain ? importer.importBlock(block) : importer.importBuilt(block, r);
            if (!(result instanceof ImportResult.Imported))
                throw new IllegalStateException("block " + block.header().number() + ": " + result);
        }

        @Override
        public void close() throws IOException {
            disk.close();
        }
    }

    public static void main(String[] args) throws IOException {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Erc20Transfers workload = new Erc20Transfers(TXS_PER_BLOCK);
        Map<Address, Genesis.Allocation> alloc = workload.alloc;
        // Every block both chains will get, signed before any clock runs: deployment, funding, then the transfers.
        List<List<BlockExecutor.Candidate>> setup = workload.setup();
        int measured = 2 * perRound * rounds; // a warm-up as long as the measurement
        List<List<BlockExecutor.Candidate>> transfers = workload.transferBlocks(measured);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Chain again = new Chain(alloc, true, false);
                Chain built = new Chain(alloc, false, false);
                Chain behind = new Chain(alloc, false, true)) {
            Chain[] ways = {again, built, behind};
            int n = ways.length;
            long[] cpu = new long[n];
            long[] wall = new long[n];
            long[] helpers = new long[n];
            long[] process = new long[n];
            int next = 0;
            for (List<BlockExecutor.Candidate> s : setup) {
                for (Chain c : ways) c.seal(s);
            }
            for (int r = 0; r < 2 * rounds; r++) {
                boolean warm = r >= rounds;
                for (int w = 0; w < n; w++) {
                    int idx = (r + w) % n;
                    Chain c = ways[idx];
                    long t0 = threads.getCurrentThreadCpuTime();
                    long h0 = helperCpu(threads);
                    long p0 = processCpu();
                    long w0 = System.nanoTime();
                    for (int b = 0; b < perRound; b++) c.seal(transfers.get((next + b) % measured));
                    c.blocks.awaitWritten();
                    if (warm) {
                        cpu[idx] += threads.getCurrentThreadCpuTime() - t0;
                        wall[idx] += System.nanoTime() - w0;
                        helpers[idx] += helperCpu(threads) - h0;
                        process[idx] += processCpu() - p0;
                    }
                }
                next += perRound;
            }
            double txs = (double) rounds * perRound * TXS_PER_BLOCK;
            if (!again.blocks.head().equals(built.blocks.head()) || !again.blocks.head().equals(behind.blocks.head()))
                throw new IllegalStateException("the ways reached different heads");
            double blocks = (double) rounds * perRound;
            String[] names = {"build + import (executed again)", "build + importBuilt", "importBuilt, written behind"};
            for (int i = 0; i < n; i++)
                System.out.printf(Locale.ROOT,
                        "%-32s %.1f us CPU of this thread, %.1f us wall per transaction; %.1f us CPU of the"
                                + " sealing helpers, %.1f us CPU of the process (GC and JIT included);"
                                + " %.1f ms wall per block%n",
                        names[i] + ":", cpu[i] / 1e3 / txs, wall[i] / 1e3 / txs, helpers[i] / 1e3 / txs,
                        process[i] / 1e3 / txs, wall[i] / 1e6 / blocks);
            System.out.printf(Locale.ROOT,
                    "(%d measured blocks of %d ERC-20 transfers each way, after as many warm-up blocks)%n",
                    rounds * perRound, TXS_PER_BLOCK);
        }
    }

    /** CPU time of the threads that sealing hands work to (the builder's state commits), all of them so far. */
    private static long helperCpu(ThreadMXBean threads) {
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("stele-state-commit-")
                    || info.getThreadName().equals("stele-block-writer")))
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        }
        return total;
    }

    /** CPU time of this whole process so far. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
