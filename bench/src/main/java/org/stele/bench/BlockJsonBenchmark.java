package org.stele.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.rpc.eth.EthJson;
import org.stele.rpc.eth.SenderCache;

/**
 * {@code eth_getBlockByNumber(n, true)}'s JSON for a block of 1,000 signed transfers, as an explorer asks for it:
 * {@code firstRequest} recovers every sender (what each request cost before the node kept a sender cache), and
 * {@code repeatRequest} finds them in the node's cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BlockJsonBenchmark {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();

    private Block block;
    private EthJson shared;

    @Setup
    public void setUp() {
        KeyPair key = SUITE.keyPair(Hex.decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++)
            txs.add(new FeeMarketTransaction(BigInteger.ONE, i, BigInteger.ONE, BigInteger.TEN, 21_000,
                    Optional.of(Address.ZERO), BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED)
                    .sign(key, SUITE));
        block = new Block(BlockHeader.builder().number(1).gasLimit(30_000_000).build(),
                new BlockBody(txs, List.of(), Optional.empty()));
        shared = new EthJson(SUITE, new SenderCache());
        shared.block(block, true);
    }

    @Benchmark
    public Object firstRequest() {
        return new EthJson(SUITE, new SenderCache()).block(block, true);
    }

    @Benchmark
    public Object repeatRequest() {
        return shared.block(block, true);
    }
}
