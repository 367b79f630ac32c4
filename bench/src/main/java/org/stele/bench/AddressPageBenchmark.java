package org.stele.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.stele.common.Fork;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.RpcSession;
import org.stele.rpc.eth.EthBackend;
import org.stele.rpc.ots.OtsMethods;
import org.stele.state.WorldState;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/**
 * The address page on a busy address: the first page of the ERC-20 token's history after {@code blocks} blocks of
 * {@value BlockBuildBenchmark#TXS_PER_BLOCK} transfers, every one of which calls the token, answered over JSON-RPC
 * (request parsed, index read, transactions and receipts read and written as JSON). {@link #firstPage} is what the
 * explorer asks, {@code stele_getAddressTransactions} for 25 transactions (the token is their recipient, not a party
 * to its own Transfer events, so no receipt is read for transfers); {@link #otterscanFirstPage} is Otterscan's {@code
 * ots_searchTransactionsBefore}, which pages by whole blocks and so answers with all 800 transactions of the newest
 * block. 125 blocks make the token's history 100,000 transactions; each page is one seek into the index, so its time
 * should not grow with the history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AddressPageBenchmark {
    @Param({"125"})
    public int blocks;

    private final BlockBuildBenchmark chain = new BlockBuildBenchmark(true);
    private JsonRpcDispatcher rpc;
    private byte[] request;
    private byte[] otterscanRequest;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        chain.setUp();
        for (int i = 0; i < blocks; i++) chain.buildAndStoreErc20Block();
        Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();
        var head = chain.blocks().head().orElseThrow();
        WorldState state = WorldState.openReadOnly(chain.store(), head.stateRoot(), n -> null);
        EthBackend backend = new EthBackend(chain.blocks(), chain.store(),
                new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN, AccountState.of(state), head.gasLimit()),
                suite, 31337, Fork.CANCUN);
        rpc = new JsonRpcDispatcher(RpcMethodRegistry.of(OtsMethods.all(backend, chain.blocks().explorer())),
                RpcLimits.DEFAULT);
        request = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stele_getAddressTransactions\",\"params\":[\""
                + chain.token().toHex() + "\",null,25]}").getBytes(StandardCharsets.UTF_8);
        otterscanRequest = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ots_searchTransactionsBefore\",\"params\":[\""
                + chain.token().toHex() + "\",0,25]}").getBytes(StandardCharsets.UTF_8);
        JsonNode answer = new ObjectMapper().readTree(firstPage());
        int txs = answer.path("result").path("txs").size();
        if (txs != 25)
            throw new IllegalStateException("the first page holds " + txs + " transactions: " + answer);
        JsonNode otterscan = new ObjectMapper().readTree(otterscanFirstPage());
        if (otterscan.path("result").path("txs").size() < 25)
            throw new IllegalStateException("Otterscan's first page is short: " + otterscan);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        chain.tearDown();
    }

    /** The first page of the token's history, as the explorer asks for it. */
    @Benchmark
    public byte[] firstPage() {
        return rpc.handle(request, RpcSession.HTTP).orElseThrow();
    }

    /** The first page as Otterscan asks for it: the whole newest block. */
    @Benchmark
    public byte[] otterscanFirstPage() {
        return rpc.handle(otterscanRequest, RpcSession.HTTP).orElseThrow();
    }
}
