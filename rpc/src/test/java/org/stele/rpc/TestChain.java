package org.stele.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.rpc.eth.EthBackend;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/**
 * A chain for RPC tests: a genesis state on the trie in memory (chain id 1337, 1 gwei base fee), its block store, a
 * backend over an empty pool, and JSON-RPC requests written as text against a dispatcher.
 */
public final class TestChain {
    public static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    public static final long CHAIN_ID = 1337;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AccountState NOBODY = new AccountState() {
        @Override
        public long nonce(Address a) {
            return 0;
        }

        @Override
        public BigInteger balance(Address a) {
            return BigInteger.ZERO;
        }
    };

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
    private final EthBackend backend;
    private JsonRpcDispatcher rpc;

    public TestChain(Map<Address, Genesis.Allocation> alloc) {
        Genesis.Built g = new Genesis(CHAIN_ID, 0, 30_000_000, BigInteger.valueOf(1_000_000_000), Address.ZERO,
                Bytes.EMPTY, alloc).build(store);
        blocks.append(g.block(), List.of(), g.batch());
        backend = new EthBackend(blocks, store,
                new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN, NOBODY, 30_000_000), SUITE,
                CHAIN_ID, Fork.CANCUN);
    }

    public EthBackend backend() {
        return backend;
    }

    /** Builds and stores the next block from these candidates (at head timestamp + 1). */
    public BlockExecutor.Result mine(List<BlockExecutor.Candidate> candidates) {
        BlockHeader head = blocks.head().orElseThrow();
        BlockExecutor.Result r = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks).build(head,
                head.timestamp() + 1, Address.ZERO, candidates);
        blocks.append(r.block(), r.receipts(), r.batch());
        return r;
    }

    /** Serves these methods to {@link #send} and {@link #call}. */
    public TestChain serving(List<? extends RpcMethod> methods) {
        rpc = new JsonRpcDispatcher(RpcMethodRegistry.of(List.copyOf(methods)), RpcLimits.DEFAULT);
        return this;
    }

    /** The whole response to {@code method} with these parameters, each already JSON text. */
    public JsonNode send(String method, String... params) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":["
                + String.join(",", params) + "]}";
        try {
            return JSON.readTree(rpc.handle(body.getBytes(StandardCharsets.UTF_8), RpcSession.HTTP).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of a request that must succeed. */
    public JsonNode call(String method, String... params) {
        JsonNode r = send(method, params);
        assertThat(r.has("error")).as("%s: %s", method, r.get("error")).isFalse();
        return r.get("result");
    }

    /** {@code s} as a JSON string. */
    public static String q(String s) {
        return "\"" + s + "\"";
    }
}
