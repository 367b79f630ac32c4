package org.stele.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.stele.common.Address;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.rpc.eth.EthBackend;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/**
 * A {@link TestChain} served over JSON-RPC: a backend over the chain and an empty pool, and requests written as text
 * against a dispatcher.
 */
public final class RpcChain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestChain chain;
    private final EthBackend backend;
    private JsonRpcDispatcher rpc;

    public RpcChain(Map<Address, Genesis.Allocation> alloc) {
        chain = new TestChain(alloc);
        backend = new EthBackend(chain.blocks(), chain.store(),
                new TransactionPool(TxPoolConfig.DEFAULT, TestChainSpec.FORK,
                        AccountState.of(new TestAccounts().world()),
                        chain.head().gasLimit()),
                TestKeys.SUITE, TestChainSpec.CHAIN_ID, TestChainSpec.FORK);
    }

    public EthBackend backend() {
        return backend;
    }

    /** Builds and stores the next block from these candidates (at head timestamp + 1). */
    public BlockExecutor.Result mine(List<BlockExecutor.Candidate> candidates) {
        return chain.mine(candidates);
    }

    /** Serves these methods to {@link #send} and {@link #call}. */
    public RpcChain serving(List<? extends RpcMethod> methods) {
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
