package org.stele.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestKeys.DEV_0;
import static org.stele.testkit.TestKeys.SUITE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.store.BlockStore;
import org.stele.chain.store.TransactionLocation;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.RpcSession;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/** The read methods against a small real chain held in a map-backed block store. */
class EthMethodsTest {
    private static final Address SENDER = TestKeys.address(DEV_0);
    private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final long CHAIN_ID = 31337;

    private final ObjectMapper json = new ObjectMapper();
    private final MapBlockStore store = new MapBlockStore();
    private JsonRpcDispatcher rpc;
    private Transaction first;
    private Transaction creation;

    @BeforeEach
    void chain() {
        BlockHeader genesis = TestBlocks.genesis().baseFeePerGas(BigInteger.valueOf(7)).build();
        store.add(TestBlocks.block(genesis, List.of()), List.of());
        first = signed(0, Optional.of(TO), Bytes.EMPTY);
        creation = signed(1, Optional.empty(), Bytes.of((byte) 0x60, (byte) 0));
        BlockHeader one = TestBlocks.child(genesis).gasUsed(74_000).baseFeePerGas(BigInteger.valueOf(7)).build();
        Log log = new Log(TO, List.of(Bytes32.ZERO), Bytes.of((byte) 1));
        store.add(TestBlocks.block(one, List.of(first, creation)),
                List.of(Receipt.of(first.type(), true, 21_000, List.of(log)),
                        Receipt.of(creation.type(), true, 74_000, List.of())));

        TestAccounts accounts = new TestAccounts().nonce(SENDER, 2).balance(SENDER, BigInteger.TEN.pow(20));
        EthBackend backend = new EthBackend(store, new org.stele.storage.InMemoryKeyValueStore(),
                new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN, AccountState.of(accounts.world()), 30_000_000),
                SUITE,
                CHAIN_ID, Fork.CANCUN);
        List<RpcMethod> methods = List.of(new EthChainId(backend), new EthBlockNumber(backend),
                new EthGetBlockByNumber(backend), new EthGetBlockByHash(backend), new EthGetTransactionByHash(backend),
                new EthGetTransactionReceipt(backend), new EthGetTransactionByBlockNumberAndIndex(backend),
                new EthGetBlockTransactionCountByHash(backend), new EthSendRawTransaction(backend),
                new EthGetBlockReceipts(backend));
        methods = new java.util.ArrayList<>(methods);
        methods.addAll(FeeMethods.all(backend, BigInteger.valueOf(1_000_000_000)));
        methods.addAll(org.stele.rpc.txpool.TxPoolMethods.all(backend.pool(), new EthJson(SUITE)));
        rpc = new JsonRpcDispatcher(RpcMethodRegistry.of(methods), RpcLimits.DEFAULT);
    }

    private static Transaction signed(long nonce, Optional<Address> to, Bytes data) {
        return TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonce).fees(10, 1).gasLimit(100_000).to(to).value(1)
                .data(data).signedBy(DEV_0);
    }

    @Test
    void chainIdAndBlockNumberAreQuantities() throws Exception {
        assertThat(call("eth_chainId").asText()).isEqualTo("0x7a69");
        assertThat(call("eth_blockNumber").asText()).isEqualTo("0x1");
    }

    @Test
    void aBlockIsServedWithHashesOrFullTransactions() throws Exception {
        JsonNode block = call("eth_getBlockByNumber", "\"latest\"", "false");
        assertThat(block.get("number").asText()).isEqualTo("0x1");
        assertThat(block.get("transactions").get(0).asText()).isEqualTo(first.hash(SUITE).toHex());
        JsonNode full = call("eth_getBlockByHash", "\"" + block.get("hash").asText() + "\"", "true");
        assertThat(full.get("transactions").get(1).get("from").asText()).isEqualTo(SENDER.toHex());
        assertThat(call("eth_getBlockByNumber", "\"0x9\"", "false").isNull()).isTrue();
        assertThat(call("eth_getBlockTransactionCountByHash", "\"" + block.get("hash").asText() + "\"").asText())
                .isEqualTo("0x2");
    }

    @Test
    void aReceiptCarriesGasUsedLogsAndTheCreatedContractAddress() throws Exception {
        JsonNode r = call("eth_getTransactionReceipt", "\"" + first.hash(SUITE).toHex() + "\"");
        assertThat(r.get("status").asText()).isEqualTo("0x1");
        assertThat(r.get("gasUsed").asText()).isEqualTo("0x5208");
        assertThat(r.get("logs").get(0).get("logIndex").asText()).isEqualTo("0x0");
        assertThat(r.get("effectiveGasPrice").asText()).isEqualTo("0x8");
        JsonNode c = call("eth_getTransactionReceipt", "\"" + creation.hash(SUITE).toHex() + "\"");
        // The well-known first contracts of the anvil/Hardhat account 0: nonce 1 gives 0xe7f1...0512.
        assertThat(c.get("contractAddress").asText()).isEqualTo("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
        assertThat(c.get("gasUsed").asText()).isEqualTo("0xcf08");
    }

    @Test
    void aBlocksReceiptsAreServedByNumberTagOrHashAsEachTransactionsReceipt() throws Exception {
        JsonNode expected = json.createArrayNode()
                .add(call("eth_getTransactionReceipt", "\"" + first.hash(SUITE).toHex() + "\""))
                .add(call("eth_getTransactionReceipt", "\"" + creation.hash(SUITE).toHex() + "\""));
        String hash = call("eth_getBlockByNumber", "\"0x1\"", "false").get("hash").asText();
        assertThat(call("eth_getBlockReceipts", "\"0x1\"")).isEqualTo(expected);
        assertThat(call("eth_getBlockReceipts", "\"latest\"")).isEqualTo(expected);
        assertThat(call("eth_getBlockReceipts", "\"" + hash + "\"")).isEqualTo(expected);
        assertThat(call("eth_getBlockReceipts", "{\"blockHash\":\"" + hash + "\"}")).isEqualTo(expected);
        assertThat(call("eth_getBlockReceipts", "\"earliest\"")).isEmpty();
    }

    @Test
    void receiptsOfAnUnknownBlockAreNullAndAMissingBlockParameterIsRefused() throws Exception {
        assertThat(call("eth_getBlockReceipts", "\"0x9\"").isNull()).isTrue();
        assertThat(call("eth_getBlockReceipts", "\"0x" + "ab".repeat(32) + "\"").isNull()).isTrue();
        assertThat(error("eth_getBlockReceipts").get("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void aTransactionIsFoundByHashAndByPosition() throws Exception {
        JsonNode t = call("eth_getTransactionByHash", "\"" + creation.hash(SUITE).toHex() + "\"");
        assertThat(t.get("to").isNull()).isTrue();
        assertThat(t.get("transactionIndex").asText()).isEqualTo("0x1");
        assertThat(call("eth_getTransactionByBlockNumberAndIndex", "\"0x1\"", "\"0x0\"").get("hash").asText())
                .isEqualTo(first.hash(SUITE).toHex());
    }

    @Test
    void aSentTransactionIsPooledAndBadOnesAreRefusedWithStandardMessages() throws Exception {
        Transaction next = signed(2, Optional.of(TO), Bytes.EMPTY);
        String raw = "\"" + Hex.encode(next.encode()) + "\"";
        assertThat(call("eth_sendRawTransaction", raw).asText()).isEqualTo(next.hash(SUITE).toHex());
        assertThat(call("eth_getTransactionByHash", "\"" + next.hash(SUITE).toHex() + "\"").get("blockHash").isNull())
                .isTrue();
        assertThat(error("eth_sendRawTransaction", raw).get("message").asText()).startsWith("already known");
        assertThat(error("eth_sendRawTransaction",
                "\"" + Hex.encode(signed(1, Optional.of(TO), Bytes.EMPTY).encode()) + "\"")
                .get("message").asText()).startsWith("nonce too low");
        Transaction otherChain = TxBuilder.feeMarket().chainId(1).nonce(3).fees(10, 1).gasLimit(100_000).to(TO)
                .value(1).signedBy(DEV_0);
        assertThat(
                error("eth_sendRawTransaction", "\"" + Hex.encode(otherChain.encode()) + "\"").get("message").asText())
                .startsWith("invalid chain id");
        assertThat(error("eth_sendRawTransaction", "\"0x02c0\"").get("code").asInt()).isEqualTo(-32000);
    }

    @Test
    void aBatchOfRawTransactionsGetsTheAnswersOfTheSameCallsSentOneByOneAndIsPooledInItsOrder() throws Exception {
        Transaction otherChain = TxBuilder.feeMarket().chainId(1).nonce(3).fees(10, 1).gasLimit(100_000).to(TO)
                .value(1).signedBy(DEV_0);
        Transaction underpriced = TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(2).fees(10, 1).gasLimit(100_000)
                .to(TO).value(2).signedBy(DEV_0);
        List<String> params = new ArrayList<>();
        for (Transaction tx : List.of(signed(3, Optional.of(TO), Bytes.EMPTY), signed(2, Optional.of(TO), Bytes.EMPTY),
                signed(2, Optional.of(TO), Bytes.EMPTY), signed(3, Optional.of(TO), Bytes.EMPTY),
                signed(1, Optional.of(TO), Bytes.EMPTY), otherChain, underpriced, signed(4, Optional.empty(),
                        Bytes.of((byte) 0x60, (byte) 0))))
            params.add("\"" + Hex.encode(tx.encode()) + "\"");
        params.addAll(List.of("\"0x02c0\"", "\"0x\"", "\"0xzz\"", "\"0x02\", \"0x02\""));
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < params.size(); i++) {
            batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":1,")
                    .append("\"method\":\"eth_sendRawTransaction\",\"params\":[").append(params.get(i)).append("]}");
        }
        JsonNode together = json.readTree(
                rpc.handle(batch.append(']').toString().getBytes(StandardCharsets.UTF_8), RpcSession.HTTP)
                        .orElseThrow());
        var pendingTogether = call("txpool_content").get("pending");

        chain();
        List<JsonNode> alone = new ArrayList<>();
        for (String p : params) alone.add(send("eth_sendRawTransaction", p));
        assertThat(together).containsExactlyElementsOf(alone);
        assertThat(alone.get(2).get("error").get("message").asText()).startsWith("already known");
        assertThat(alone.get(3).get("error").get("message").asText()).startsWith("already known");
        assertThat(alone.get(4).get("error").get("message").asText()).startsWith("nonce too low");
        assertThat(alone.get(5).get("error").get("message").asText()).startsWith("invalid chain id");
        assertThat(alone.get(6).get("error").get("message").asText()).startsWith("replacement transaction underpriced");
        assertThat(alone.get(7).get("result").asText()).startsWith("0x");
        assertThat(call("txpool_content").get("pending")).isEqualTo(pendingTogether);
        assertThat(pendingTogether.get(SENDER.toChecksumHex()).size()).isEqualTo(3);
    }

    @Test
    void feeSuggestionsFollowTheNextBaseFee() throws Exception {
        // Block 1 used 74,000 of 30M gas at base fee 7: the next base fee drops by 1/8 of 7 (rounded down) to 7.
        assertThat(call("eth_gasPrice").asText()).isEqualTo("0x3b9aca07");
        assertThat(call("eth_maxPriorityFeePerGas").asText()).isEqualTo("0x3b9aca00");
        JsonNode history = call("eth_feeHistory", "\"0x2\"", "\"latest\"", "[0, 50, 100]");
        assertThat(history.get("oldestBlock").asText()).isEqualTo("0x0");
        assertThat(history.get("baseFeePerGas")).hasSize(3);
        assertThat(history.get("gasUsedRatio")).hasSize(2);
        assertThat(history.get("reward").get(1).get(2).asText()).isEqualTo("0x1");
        assertThat(error("eth_feeHistory", "\"0x0\"", "\"latest\"").get("code").asInt()).isEqualTo(-32602);
        assertThat(error("eth_feeHistory", "\"0x1\"", "\"latest\"", "[50, 10]").get("message").asText())
                .contains("increasing");
    }

    @Test
    void thePoolReportsPendingAndQueuedTransactions() throws Exception {
        call("eth_sendRawTransaction", "\"" + Hex.encode(signed(2, Optional.of(TO), Bytes.EMPTY).encode()) + "\"");
        call("eth_sendRawTransaction", "\"" + Hex.encode(signed(4, Optional.of(TO), Bytes.EMPTY).encode()) + "\"");
        JsonNode status = call("txpool_status");
        assertThat(status.get("pending").asText()).isEqualTo("0x1");
        assertThat(status.get("queued").asText()).isEqualTo("0x1");
        JsonNode content = call("txpool_content");
        assertThat(content.get("queued").get(SENDER.toChecksumHex()).has("4")).isTrue();
    }

    private JsonNode call(String method, String... params) throws Exception {
        JsonNode r = send(method, params);
        assertThat(r.has("error")).as("error: %s", r.get("error")).isFalse();
        return r.get("result");
    }

    private JsonNode error(String method, String... params) throws Exception {
        return send(method, params).get("error");
    }

    private JsonNode send(String method, String... params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":["
                + String.join(",", params) + "]}";
        return json.readTree(rpc.handle(body.getBytes(StandardCharsets.UTF_8), RpcSession.HTTP).orElseThrow());
    }

    /** A block store in maps: the real one lives in execution, which rpc's tests do not need. */
    static final class MapBlockStore implements BlockStore {
        private final Map<Bytes32, Block> blocks = new HashMap<>();
        private final Map<Bytes32, List<Receipt>> receipts = new HashMap<>();
        private final List<Bytes32> canonical = new ArrayList<>();
        private final Map<Bytes32, TransactionLocation> txs = new HashMap<>();

        void add(Block b, List<Receipt> r) {
            Bytes32 h = b.header().hash(SUITE);
            blocks.put(h, b);
            receipts.put(h, r);
            canonical.add(h);
            for (int i = 0; i < b.body().transactions().size(); i++) {
                txs.put(b.body().transactions().get(i).hash(SUITE), new TransactionLocation(h, b.header().number(), i));
            }
        }

        @Override
        public Optional<BlockHeader> head() {
            return canonical.isEmpty() ? Optional.empty() : header(canonical.get(canonical.size() - 1));
        }

        @Override
        public Optional<BlockHeader> header(Bytes32 hash) {
            return Optional.ofNullable(blocks.get(hash)).map(Block::header);
        }

        @Override
        public Optional<Bytes32> hashOf(long number) {
            return number < canonical.size() ? Optional.of(canonical.get((int) number)) : Optional.empty();
        }

        @Override
        public Optional<BlockBody> body(Bytes32 hash) {
            return Optional.ofNullable(blocks.get(hash)).map(Block::body);
        }

        @Override
        public Optional<List<Receipt>> receipts(Bytes32 blockHash) {
            return Optional.ofNullable(receipts.get(blockHash));
        }

        @Override
        public Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
            return Optional.ofNullable(txs.get(transactionHash));
        }
    }
}
