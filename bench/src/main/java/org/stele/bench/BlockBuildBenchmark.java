package org.stele.bench;

import static org.stele.bench.ChainOnDisk.CHAIN_ID;
import static org.stele.bench.ChainOnDisk.SUITE;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.stele.bench.load.Erc20Token;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.Evm;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.explorer.TransactionFacts;
import org.stele.storage.KeyValueStore;

/**
 * What a block producer does per block, without RPC: execute a block of ERC-20 transfers from distinct senders on
 * a RocksDB-backed state, compute its roots, and write block, receipts, indexes and state in one batch. Senders are
 * given, not recovered (admission recovers them), so this is the sealing thread's cost per transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockBuildBenchmark {
    static final int TXS_PER_BLOCK = 800;
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final KeyPair DEPLOYER_KEY = SUITE.keyPair(Keccak256.hash("deployer".getBytes()));
    private static final Address DEPLOYER = SUITE.address(DEPLOYER_KEY.publicKey());

    private ChainOnDisk chain;
    private KeyValueStore store;
    private KeyValueBlockStore blocks;
    private BlockExecutor executor;
    private final List<Address> senders = new ArrayList<>();
    private final Map<Address, KeyPair> keys = new java.util.HashMap<>();
    /**
     * Whether transactions are signed. Building needs no signatures (candidates carry their senders, as the
     * importer's do); what reads the stored transactions back as JSON, as the explorer does, needs them.
     */
    private final boolean signed;
    private Address token;
    private long round;

    public BlockBuildBenchmark() {
        this(false);
    }

    BlockBuildBenchmark(boolean signed) {
        this.signed = signed;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Map<Address, Genesis.Allocation> alloc = new LinkedHashMap<>();
        BigInteger ether = BigInteger.TEN.pow(18);
        alloc.put(DEPLOYER, Genesis.Allocation.balance(ether.multiply(BigInteger.valueOf(1_000))));
        for (int i = 0; i < TXS_PER_BLOCK; i++) {
            KeyPair key = SUITE.keyPair(Keccak256.hash(new byte[]{(byte) (i >> 8), (byte) i}));
            Address a = SUITE.address(key.publicKey());
            keys.put(a, key);
            senders.add(a);
            alloc.put(a, Genesis.Allocation.balance(ether.multiply(BigInteger.valueOf(1_000))));
        }
        chain = ChainOnDisk.open("stele-blockbuild", alloc);
        store = chain.store;
        blocks = chain.blocks;
        executor = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks);
        token = Evm.createAddress(DEPLOYER, 0);
        seal(List.of(candidate(DEPLOYER, 0, Optional.empty(), Erc20Token.CREATION_CODE, 300_000)));
        // First writes to fresh slots cost ~50,000 gas each, so the funding takes two blocks.
        for (int half = 0; half < 2; half++) {
            List<BlockExecutor.Candidate> funding = new ArrayList<>();
            for (int i = half * TXS_PER_BLOCK / 2; i < (half + 1) * TXS_PER_BLOCK / 2; i++) {
                funding.add(candidate(DEPLOYER, i + 1, Optional.of(token),
                        Erc20Token.transferCall(senders.get(i), BigInteger.valueOf(1_000_000)), 60_000));
            }
            seal(funding);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        chain.close();
    }

    /** One block of {@value #TXS_PER_BLOCK} ERC-20 transfers, built and stored; the score is per transaction. */
    @Benchmark
    @OperationsPerInvocation(TXS_PER_BLOCK)
    public BlockHeader buildAndStoreErc20Block() {
        List<BlockExecutor.Candidate> txs = new ArrayList<>(TXS_PER_BLOCK);
        for (int i = 0; i < TXS_PER_BLOCK; i++) {
            Address to = senders.get((i + 1) % TXS_PER_BLOCK);
            txs.add(candidate(senders.get(i), round, Optional.of(token), Erc20Token.transferCall(to, BigInteger.ONE),
                    60_000));
        }
        round++;
        return seal(txs);
    }

    private BlockHeader seal(List<BlockExecutor.Candidate> txs) {
        BlockHeader parent = blocks.head().orElseThrow();
        BlockExecutor.Result r = executor.build(parent, parent.timestamp() + 1, Address.ZERO, txs);
        ChainOnDisk.requireAllIncluded(r, txs);
        // Senders are known here, as they are to the importer: the explorer indexes need not recover them.
        blocks.put(r.block(), r.receipts(), r.batch(), true,
                txs.stream().map(c -> new TransactionFacts(c.sender(), List.of())).toList());
        return r.block().header();
    }

    /** The chain built so far, for benchmarks that measure what is done with its blocks. */
    KeyValueBlockStore blocks() {
        return blocks;
    }

    KeyValueStore store() {
        return store;
    }

    /** The ERC-20 token that every transfer calls. */
    Address token() {
        return token;
    }

    /** The sender of each transaction of a block of transfers, in order. */
    List<Address> senders() {
        return List.copyOf(senders);
    }

    private BlockExecutor.Candidate candidate(Address from, long nonce, Optional<Address> to, Bytes data, long gas) {
        Transaction tx = new FeeMarketTransaction(BigInteger.valueOf(CHAIN_ID), nonce, GWEI,
                GWEI.multiply(BigInteger.valueOf(1_000)), gas, to, BigInteger.ZERO, data, List.of(),
                TransactionSignature.UNSIGNED);
        if (signed)
            tx = tx.sign(from.equals(DEPLOYER) ? DEPLOYER_KEY : keys.get(from), SUITE);
        return new BlockExecutor.Candidate(tx, from);
    }

    /**
     * CPU-time measurement without JMH: {@code java -cp benchmarks.jar org.stele.bench.BlockBuildBenchmark [blocks]}
     * builds blocks on one thread and reports that thread's CPU time per transaction after a warm-up of as many
     * blocks, so other load on the machine does not inflate it.
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        BlockBuildBenchmark b = new BlockBuildBenchmark();
        b.setUp();
        try {
            var threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < n; i++) b.buildAndStoreErc20Block();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < n; i++) b.buildAndStoreErc20Block();
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            double perTx = cpu / 1e3 / ((double) n * TXS_PER_BLOCK);
            System.out.printf(java.util.Locale.ROOT,
                    "%d blocks of %d ERC-20 transfers: %.1f us CPU per transaction (%.0f per second on one core),"
                            + " %.1f us wall%n",
                    n, TXS_PER_BLOCK, perTx, 1e6 / perTx, wall / 1e3 / ((double) n * TXS_PER_BLOCK));
        } finally {
            b.tearDown();
        }
    }
}
