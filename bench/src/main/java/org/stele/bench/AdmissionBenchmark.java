package org.stele.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stele.bench.load.Erc20Token;
import org.stele.chain.BaseFee;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.RpcSession;
import org.stele.rpc.eth.EthBackend;
import org.stele.rpc.eth.EthSendRawTransaction;
import org.stele.state.WorldState;
import org.stele.storage.CachedSegmentStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/**
 * What admitting a transaction costs a node, without the network: a JSON-RPC batch of 100 signed ERC-20 transfers
 * through the dispatcher, {@code eth_sendRawTransaction} (decode, validate, recover the sender) and the pool, on a
 * RocksDB state as the dev node opens it. {@code java -cp benchmarks.jar org.stele.bench.AdmissionBenchmark [rounds]}
 * reports the CPU time per transaction of every thread (the caller's and the verification pool's), the caller's alone,
 * the wall time, and what decoding and sender recovery alone take on one thread.
 */
public final class AdmissionBenchmark {
    private static final int SENDERS = 200;
    private static final int PER_SENDER = 100;
    private static final int BATCH = 100;
    private static final long CHAIN_ID = 31337;

    /**
     * The CPU time of every live Java thread: a batch's senders are recovered on the verification pool's threads, not
     * the caller's. The JIT compiler's and the collector's threads are not Java threads and are not counted.
     */
    private static long allThreadsCpu(java.lang.management.ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) sum += Math.max(0, threads.getThreadCpuTime(id));
        return sum;
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();
        Path dir = Files.createTempDirectory("stele-admission");
        try (KeyValueStore store = new CachedSegmentStore(RocksDbKeyValueStore.open(dir),
                Set.of(Segment.TRIE_NODES, Segment.CODE), 64L << 20)) {
            List<KeyPair> keys = new ArrayList<>();
            Map<Address, Genesis.Allocation> alloc = new LinkedHashMap<>();
            for (int i = 0; i < SENDERS; i++) {
                KeyPair k = suite.keyPair(Keccak256.hash(new byte[]{1, (byte) (i >> 8), (byte) i}));
                keys.add(k);
                alloc.put(suite.address(k.publicKey()), Genesis.Allocation.balance(BigInteger.TEN.pow(24)));
            }
            KeyValueBlockStore blocks = new KeyValueBlockStore(store, suite);
            Genesis.Built g = new Genesis(CHAIN_ID, 0, 30_000_000, BaseFee.INITIAL, Address.ZERO, Bytes.EMPTY, alloc)
                    .build(store);
            blocks.append(g.block(), List.of(), g.batch());
            WorldState head = WorldState.openReadOnly(store, g.block().header().stateRoot(), n -> null);
            AccountState state = AccountState.of(head);
            Address token = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
            List<byte[]> bodies = new ArrayList<>();
            List<byte[]> raws = new ArrayList<>();
            StringBuilder batch = new StringBuilder();
            int inBatch = 0;
            for (int n = 0; n < PER_SENDER; n++) {
                for (int s = 0; s < SENDERS; s++) {
                    Address to = suite.address(keys.get((s + 1) % SENDERS).publicKey());
                    byte[] raw = new FeeMarketTransaction(BigInteger.valueOf(CHAIN_ID), n, BigInteger.TEN.pow(9),
                            BigInteger.TEN.pow(12), 60_000, Optional.of(token), BigInteger.ZERO,
                            Erc20Token.transferCall(to, BigInteger.ONE), List.of(), TransactionSignature.UNSIGNED)
                            .sign(keys.get(s), suite).encode();
                    raws.add(raw);
                    batch.append(inBatch == 0 ? "[" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(inBatch)
                            .append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"").append(Hex.encode(raw))
                            .append("\"]}");
                    if (++inBatch == BATCH) {
                        bodies.add(batch.append(']').toString().getBytes(StandardCharsets.UTF_8));
                        batch.setLength(0);
                        inBatch = 0;
                    }
                }
            }
            var threads = ManagementFactory.getThreadMXBean();
            int txs = SENDERS * PER_SENDER;
            for (int round = 1; round <= rounds; round++) {
                TransactionPool pool = new TransactionPool(new TxPoolConfig(4_096, 65_536, 10, BigInteger.ZERO),
                        Fork.CANCUN, state,
                        30_000_000);
                EthBackend backend = new EthBackend(blocks, store, pool, suite, CHAIN_ID, Fork.CANCUN);
                JsonRpcDispatcher rpc = new JsonRpcDispatcher(
                        RpcMethodRegistry.of(List.of(new EthSendRawTransaction(backend))), RpcLimits.DEFAULT);
                long cpu = threads.getCurrentThreadCpuTime();
                long all = allThreadsCpu(threads);
                long wall = System.nanoTime();
                for (byte[] body : bodies) {
                    String answer = new String(rpc.handle(body, RpcSession.HTTP).orElseThrow(),
                            StandardCharsets.UTF_8);
                    if (answer.contains("\"error\"")) throw new IllegalStateException("refused: " + answer);
                }
                wall = System.nanoTime() - wall;
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                all = allThreadsCpu(threads) - all;
                if (pool.pendingCount() != txs) throw new IllegalStateException(pool.pendingCount() + " pending");
                long recover = threads.getCurrentThreadCpuTime();
                for (byte[] raw : raws) {
                    var tx = org.stele.chain.tx.TransactionDecoder.decode(raw);
                    tx.sender(suite);
                }
                recover = threads.getCurrentThreadCpuTime() - recover;
                System.out.printf(java.util.Locale.ROOT,
                        "round %d: %,d transactions in batches of %d: %.1f us CPU per transaction admitted, all threads"
                                + " (calling thread %.1f us; wall %.1f us; decode and sender recovery alone: %.1f "
                                + "us)%n",
                        round, txs, BATCH, all / 1e3 / txs, cpu / 1e3 / txs, wall / 1e3 / txs, recover / 1e3 / txs);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
