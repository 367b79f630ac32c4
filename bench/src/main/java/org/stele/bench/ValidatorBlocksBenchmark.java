package org.stele.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.stele.chain.BaseFee;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.EthereumCancun;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CarriedState;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.storage.CachedSegmentStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;

/**
 * What the validators of a four-node network spend, together, on the blocks they agree on, in the node's order: the
 * proposer (rotating with the height) builds a block and keeps its results ({@link BlockImporter#rememberBuilt}),
 * every validator checks the proposal ({@link BlockImporter#check}; the proposer's own check finds its results), and
 * every validator imports the decided block ({@link BlockImporter#importBlock}, which writes the checked results).
 * Senders are known, as a node's pool knows them from admission. Two networks get the same ERC-20 transfers, rounds
 * alternating: in {@code separate} each validator's builder and importer carry their own state from block to block
 * (as nodes did before), in {@code shared} they carry one. Each phase is charged its thread's CPU time, so other load
 * on the machine inflates the figures less.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.stele.bench.ValidatorBlocksBenchmark [blocks per round] [rounds]</pre>
 */
public final class ValidatorBlocksBenchmark {
    static final int TXS_PER_BLOCK = 800;
    static final int VALIDATORS = 4;
    private static final long CHAIN_ID = 31337;
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();

    /** One validator's chain on its own store. */
    private static final class Validator implements AutoCloseable {
        final Path dir;
        final KeyValueStore store;
        /** The CPU of this validator's writes: to its whole store (the node cache and RocksDB), and to RocksDB. */
        final WriteCpu writes;
        final WriteCpu rocksWrites;
        final KeyValueBlockStore blocks;
        final BlockExecutor executor;
        final BlockImporter importer;

        Validator(Map<Address, Genesis.Allocation> alloc, boolean shared, Map<Bytes32, Address> senders)
                throws IOException {
            dir = Files.createTempDirectory("stele-valblocks");
            rocksWrites = new WriteCpu(RocksDbKeyValueStore.open(dir));
            writes = new WriteCpu(new CachedSegmentStore(rocksWrites, Set.of(Segment.TRIE_NODES, Segment.CODE),
                    64L << 20));
            store = writes;
            blocks = new KeyValueBlockStore(store, SUITE);
            Genesis.Built g = new Genesis(CHAIN_ID, 0, 60_000_000, BaseFee.INITIAL, Address.ZERO, Bytes.EMPTY, alloc)
                    .build(store);
            blocks.append(g.block(), List.of(), g.batch());
            EthereumCancun profile = new EthereumCancun();
            CarriedState builderState = new CarriedState(store);
            CarriedState importerState = shared ? builderState : new CarriedState(store);
            executor = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks, profile,
                    TransactionPolicy.NONE, builderState);
            importer = new BlockImporter(profile, Fork.CANCUN, SUITE, CHAIN_ID, store, blocks, SealVerifier.NONE,
                    importerState);
            importer.useKnownSenders(senders::get);
        }

        @Override
        public void close() throws IOException {
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

    /** Four validators; each phase's CPU time in nanoseconds: build, check, import. */
    private static final class Network implements AutoCloseable {
        final String name;
        final List<Validator> validators = new ArrayList<>();
        /** Build, check, import; then, inside the import, the store's writes and RocksDB's. */
        final long[] cpu = new long[5];

        Network(String name, Map<Address, Genesis.Allocation> alloc, boolean shared, Map<Bytes32, Address> senders)
                throws IOException {
            this.name = name;
            for (int i = 0; i < VALIDATORS; i++)
                validators.add(new Validator(alloc, shared, senders));
        }

        /** One height: the proposer builds, all check, all import; the phases are charged when {@code measured}. */
        void decide(List<BlockExecutor.Candidate> txs, ThreadMXBean threads, boolean measured) {
            Validator proposer = validators.get((int) (validators.get(0).blocks.head().orElseThrow().number()
                    % VALIDATORS));
            long t0 = threads.getCurrentThreadCpuTime();
            BlockHeader parent = proposer.blocks.head().orElseThrow();
            BlockExecutor.Result r = proposer.executor.build(parent, parent.timestamp() + 1, Address.ZERO, txs);
            if (r.block().body().transactions().size() != txs.size())
                throw new IllegalStateException(txs.size() - r.block().body().transactions().size() + " left out: "
                        + r.rejected().stream().map(BlockExecutor.Rejected::reason).limit(3).toList());
            Block block = r.block();
            proposer.importer.rememberBuilt(block, r);
            long t1 = threads.getCurrentThreadCpuTime();
            for (Validator v : validators)
                if (!(v.importer.check(block) instanceof ImportResult.Imported))
                    throw new IllegalStateException("block " + block.header().number() + " refused in check");
            long w0 = writes(false);
            long r0 = writes(true);
            long t2 = threads.getCurrentThreadCpuTime();
            for (Validator v : validators)
                if (!(v.importer.importBlock(block) instanceof ImportResult.Imported i && i.head()))
                    throw new IllegalStateException("block " + block.header().number() + " not imported");
            long t3 = threads.getCurrentThreadCpuTime();
            if (measured) {
                cpu[0] += t1 - t0;
                cpu[1] += t2 - t1;
                cpu[2] += t3 - t2;
                cpu[3] += writes(false) - w0;
                cpu[4] += writes(true) - r0;
            }
        }

        private long writes(boolean rocks) {
            long sum = 0;
            for (Validator v : validators)
                sum += rocks ? v.rocksWrites.nanos() : v.writes.nanos();
            return sum;
        }

        @Override
        public void close() throws IOException {
            for (Validator v : validators)
                v.close();
        }
    }

    public static void main(String[] args) throws IOException {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Erc20Transfers workload = new Erc20Transfers(TXS_PER_BLOCK);
        Map<Address, Genesis.Allocation> alloc = workload.alloc;
        // Every block both networks will decide, signed before any clock runs: deployment, funding, then transfers.
        List<List<BlockExecutor.Candidate>> setup = workload.setup();
        int blocks = 2 * perRound * rounds; // a warm-up as long as the measurement
        List<List<BlockExecutor.Candidate>> transfers = workload.transferBlocks(blocks);
        // The pool's senders, recovered at admission.
        Map<Bytes32, Address> known = new HashMap<>();
        Stream.concat(setup.stream(), transfers.stream()).flatMap(List::stream)
                .forEach(c -> known.put(c.transaction().hash(SUITE), c.sender()));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Network separate = new Network("separate", alloc, false, known);
                Network shared = new Network("shared", alloc, true, known)) {
            Network[] ways = {separate, shared};
            for (List<BlockExecutor.Candidate> s : setup)
                for (Network n : ways)
                    n.decide(s, threads, false);
            int next = 0;
            for (int r = 0; r < 2 * rounds; r++) {
                boolean measured = r >= rounds;
                for (int w = 0; w < 2; w++) {
                    Network n = ways[(r + w) % 2];
                    for (int b = 0; b < perRound; b++)
                        n.decide(transfers.get(next + b), threads, measured);
                }
                next += perRound;
            }
            BlockHeader a = separate.validators.get(0).blocks.head().orElseThrow();
            BlockHeader b = shared.validators.get(0).blocks.head().orElseThrow();
            if (!a.equals(b))
                throw new IllegalStateException("the two networks reached different heads");
            double txs = (double) rounds * perRound * TXS_PER_BLOCK;
            for (Network n : ways)
                System.out.printf(Locale.ROOT,
                        "%-8s build %.1f  check (4 validators) %.1f  import (4) %.1f [store writes %.1f, of them "
                                + "RocksDB %.1f]  all %.1f us CPU per transfer%n",
                        n.name, n.cpu[0] / 1e3 / txs, n.cpu[1] / 1e3 / txs, n.cpu[2] / 1e3 / txs,
                        n.cpu[3] / 1e3 / txs, n.cpu[4] / 1e3 / txs, (n.cpu[0] + n.cpu[1] + n.cpu[2]) / 1e3 / txs);
            System.out.printf(Locale.ROOT, "(%d measured heights of %d ERC-20 transfers each way, after as many "
                    + "warm-up heights; proposers rotate over %d validators)%n", rounds * perRound, TXS_PER_BLOCK,
                    VALIDATORS);
        }
    }
}
