package org.stele.rpc.ots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.rpc.ots.OtsChain.ALICE;
import static org.stele.rpc.ots.OtsChain.BOB;
import static org.stele.rpc.ots.OtsChain.FACTORY;
import static org.stele.rpc.ots.OtsChain.FORWARDER;
import static org.stele.rpc.ots.OtsChain.REVERTER;
import static org.stele.rpc.ots.OtsChain.SUITE;
import static org.stele.rpc.ots.OtsChain.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.evm.Evm;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.server.RpcServer;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.storage.Segment;

/**
 * Otterscan's methods over HTTP against a chain with a contract creation, token transfers, an ether transfer inside a
 * call, a revert and a factory; every answer's shape is checked against {@code ots/shapes.json}, written from
 * Otterscan's documentation.
 */
class OtterscanApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private OtsChain chain;
    private RpcServer server;
    private String url;
    private Transaction creation, tokenTransfer, forward, revert, factory;
    private final List<Transaction> laterTransfers = new ArrayList<>();

    @BeforeEach
    void chainWithTraffic() throws Exception {
        chain = new OtsChain();
        creation = chain.send(Optional.empty(), BigInteger.ZERO, OtsChain.INIT_CODE);
        tokenTransfer = chain.send(Optional.of(TOKEN), BigInteger.ZERO, OtsChain.word(BOB));
        forward = chain.send(Optional.of(FORWARDER), BigInteger.valueOf(5), OtsChain.word(BOB));
        chain.mine(creation, tokenTransfer, forward);
        revert = chain.send(Optional.of(REVERTER), BigInteger.ZERO, Bytes.EMPTY);
        factory = chain.send(Optional.of(FACTORY), BigInteger.ZERO, Bytes.EMPTY);
        chain.mine(revert, factory);
        for (int i = 0; i < 3; i++) {
            Transaction t = chain.send(Optional.of(BOB), BigInteger.ONE, Bytes.EMPTY);
            laterTransfers.add(t);
            chain.mine(t);
        }
        serve();
    }

    private void serve() throws InterruptedException {
        if (server != null)
            server.close();
        var methods = OtsMethods.all(chain.backend(), chain.blocks.explorer());
        server = new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(methods), RpcLimits.DEFAULT),
                new RpcServerConfig("127.0.0.1", 0, RpcLimits.DEFAULT, ""));
        url = "http://127.0.0.1:" + server.start().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theApiLevelIsEight() throws Exception {
        assertThat(result("ots_getApiLevel").asInt()).isEqualTo(8);
    }

    @Test
    void everyAnswerHasOtterscansShape() throws Exception {
        JsonNode shapes;
        try (InputStream in = getClass().getResourceAsStream("/ots/shapes.json")) {
            shapes = JSON.readTree(in);
        }
        Map<String, JsonNode> answers = Map.ofEntries(Map.entry("ots_getApiLevel", result("ots_getApiLevel")),
                Map.entry("ots_hasCode", result("ots_hasCode", TOKEN.toHex(), "latest")),
                Map.entry("ots_getInternalOperations", result("ots_getInternalOperations", hash(forward))),
                Map.entry("ots_getTransactionError", result("ots_getTransactionError", hash(revert))),
                Map.entry("ots_traceTransaction", result("ots_traceTransaction", hash(forward))),
                Map.entry("ots_getBlockDetails", result("ots_getBlockDetails", 1)),
                Map.entry("ots_getBlockTransactions", result("ots_getBlockTransactions", 1, 0, 10)),
                Map.entry("ots_searchTransactionsBefore", result("ots_searchTransactionsBefore", BOB.toHex(), 0, 10)),
                Map.entry("ots_getTransactionBySenderAndNonce",
                        result("ots_getTransactionBySenderAndNonce", ALICE.toHex(), 0)),
                Map.entry("ots_getContractCreator", result("ots_getContractCreator", created().toHex())),
                Map.entry("erigon_getHeaderByNumber", result("erigon_getHeaderByNumber", 1)));
        for (Iterator<String> names = shapes.fieldNames(); names.hasNext();) {
            String method = names.next();
            if (method.startsWith("_"))
                continue;
            JsonNode answer = answers.get(method);
            assertThat(answer).as(method).isNotNull();
            shapes.get(method).fields().forEachRemaining(
                    f -> assertThat(Shapes.check(answer, f.getKey(), f.getValue().asText()))
                            .as(method + " " + f.getKey())
                            .isNull());
        }
    }

    @Test
    void searchingBeforePagesNewestFirstByWholeBlocks() throws Exception {
        JsonNode first = result("ots_searchTransactionsBefore", BOB.toHex(), 0, 2);
        assertThat(hashes(first.get("txs"))).containsExactly(hash(laterTransfers.get(2)), hash(laterTransfers.get(1)));
        assertThat(first.get("firstPage").asBoolean()).isTrue();
        assertThat(first.get("lastPage").asBoolean()).isFalse();
        assertThat(first.get("receipts").get(0).get("timestamp").asText()).isEqualTo("0x3c");

        long oldestShown = Long.decode(first.get("txs").get(1).get("blockNumber").asText());
        JsonNode next = result("ots_searchTransactionsBefore", BOB.toHex(), oldestShown, 2);
        assertThat(hashes(next.get("txs"))).containsExactly(hash(laterTransfers.get(0)), hash(tokenTransfer));
        assertThat(next.get("firstPage").asBoolean()).isFalse();
        assertThat(next.get("lastPage").asBoolean()).isTrue();
    }

    @Test
    void searchingAfterStartsAtGenesisAndAnswersNewestFirst() throws Exception {
        JsonNode page = result("ots_searchTransactionsAfter", BOB.toHex(), 0, 2);
        assertThat(hashes(page.get("txs"))).containsExactly(hash(laterTransfers.get(0)), hash(tokenTransfer));
        assertThat(page.get("lastPage").asBoolean()).isTrue();
        assertThat(page.get("firstPage").asBoolean()).isFalse();

        JsonNode rest = result("ots_searchTransactionsAfter", BOB.toHex(), 3, 2);
        assertThat(hashes(rest.get("txs"))).containsExactly(hash(laterTransfers.get(2)), hash(laterTransfers.get(1)));
        assertThat(rest.get("firstPage").asBoolean()).isTrue();
    }

    @Test
    void aPageHoldsEveryTransactionOfItsLastBlock() throws Exception {
        JsonNode page = result("ots_searchTransactionsBefore", ALICE.toHex(), 3, 1);
        assertThat(hashes(page.get("txs"))).containsExactly(hash(factory), hash(revert));
    }

    @Test
    void contractCreatorsAreTheSenderOrTheFactory() throws Exception {
        JsonNode direct = result("ots_getContractCreator", created().toHex());
        assertThat(direct.get("hash").asText()).isEqualTo(hash(creation));
        assertThat(direct.get("creator").asText()).isEqualTo(ALICE.toHex());

        JsonNode operations = result("ots_getInternalOperations", hash(factory));
        assertThat(operations).hasSize(2);
        assertThat(operations.get(0).get("type").asInt()).isEqualTo(3);
        assertThat(operations.get(1).get("type").asInt()).isEqualTo(2);
        for (JsonNode op : operations) {
            assertThat(op.get("from").asText()).isEqualTo(FACTORY.toHex());
            JsonNode creator = result("ots_getContractCreator", op.get("to").asText());
            assertThat(creator.get("hash").asText()).isEqualTo(hash(factory));
            assertThat(creator.get("creator").asText()).isEqualTo(FACTORY.toHex());
        }
        assertThat(result("ots_getContractCreator", BOB.toHex()).isNull()).isTrue();
        assertThat(result("ots_getContractCreator", TOKEN.toHex()).isNull()).as("deployed in genesis").isTrue();
    }

    @Test
    void anEtherTransferInsideACallIsAnInternalOperationAndATraceEntry() throws Exception {
        JsonNode operations = result("ots_getInternalOperations", hash(forward));
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0).get("type").asInt()).isZero();
        assertThat(operations.get(0).get("from").asText()).isEqualTo(FORWARDER.toHex());
        assertThat(operations.get(0).get("to").asText()).isEqualTo(BOB.toHex());
        assertThat(operations.get(0).get("value").asText()).isEqualTo("0x5");

        JsonNode trace = result("ots_traceTransaction", hash(forward));
        assertThat(trace).hasSize(2);
        assertThat(trace.get(0).get("type").asText()).isEqualTo("CALL");
        assertThat(trace.get(0).get("depth").asInt()).isZero();
        assertThat(trace.get(0).get("from").asText()).isEqualTo(ALICE.toHex());
        assertThat(trace.get(1).get("depth").asInt()).isEqualTo(1);
        assertThat(trace.get(1).get("to").asText()).isEqualTo(BOB.toHex());
        assertThat(trace.get(1).get("value").asText()).isEqualTo("0x5");
    }

    @Test
    void aDelegateCallIsTracedFromTheCallerToTheCodeWithoutValue() throws Exception {
        Transaction delegated = chain.send(Optional.of(OtsChain.DELEGATOR), BigInteger.ZERO, Bytes.EMPTY);
        chain.mine(delegated);
        JsonNode trace = result("ots_traceTransaction", hash(delegated));
        assertThat(trace).hasSize(2);
        assertThat(trace.get(1).get("type").asText()).isEqualTo("DELEGATECALL");
        assertThat(trace.get(1).get("from").asText()).isEqualTo(OtsChain.DELEGATOR.toHex());
        assertThat(trace.get(1).get("to").asText()).isEqualTo(TOKEN.toHex());
        assertThat(trace.get(1).get("value").isNull()).isTrue();
        assertThat(result("ots_getInternalOperations", hash(delegated))).isEmpty();
    }

    @Test
    void aSelfDestructSendsTheContractsBalanceToItsBeneficiary() throws Exception {
        Transaction destroyed = chain.send(Optional.empty(), BigInteger.valueOf(7), OtsChain.selfDestructingInitCode());
        chain.mine(destroyed);
        JsonNode operations = result("ots_getInternalOperations", hash(destroyed));
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0).get("type").asInt()).isEqualTo(1);
        assertThat(operations.get(0).get("from").asText())
                .isEqualTo(Evm.createAddress(ALICE, destroyed.nonce()).toHex());
        assertThat(operations.get(0).get("to").asText()).isEqualTo(BOB.toHex());
        assertThat(operations.get(0).get("value").asText()).isEqualTo("0x7");
        JsonNode trace = result("ots_traceTransaction", hash(destroyed));
        assertThat(trace.get(0).get("type").asText()).isEqualTo("CREATE");
        assertThat(trace.get(1).get("type").asText()).isEqualTo("SELFDESTRUCT");
        assertThat(trace.get(1).get("depth").asInt()).isEqualTo(1);
    }

    @Test
    void theRevertDataOfAFailedTransactionAndNoneOfASuccessfulOne() throws Exception {
        assertThat(result("ots_getTransactionError", hash(revert)).asText()).isEqualTo("0xdeadbeef");
        assertThat(result("ots_getTransactionError", hash(forward)).asText()).isEqualTo("0x");
    }

    @Test
    void aReplayRunsAfterItsBlocksBeaconRootCallAsTheBlockDid() throws Exception {
        Transaction reads = chain.send(Optional.of(OtsChain.BEACON_READER), BigInteger.ZERO, Bytes.EMPTY);
        chain.mine(reads);
        assertThat(result("ots_getTransactionError", hash(reads)).asText())
                .as("the block's root is there on replay as it was when the block ran").isEqualTo("0x");
    }

    @Test
    void aSendersNonceLeadsToItsTransaction() throws Exception {
        assertThat(result("ots_getTransactionBySenderAndNonce", ALICE.toHex(), 1).asText())
                .isEqualTo(hash(tokenTransfer));
        assertThat(result("ots_getTransactionBySenderAndNonce", ALICE.toHex(), 99).isNull()).isTrue();
    }

    @Test
    void blockDetailsCountTransactionsAndFeesWithoutIssuance() throws Exception {
        JsonNode details = result("ots_getBlockDetails", 1);
        assertThat(details.get("block").get("transactionCount").asInt()).isEqualTo(3);
        assertThat(details.get("issuance").get("issuance").asText()).isEqualTo("0x0");
        JsonNode block = result("ots_getBlockTransactions", 1, 0, 10);
        BigInteger fees = BigInteger.ZERO;
        for (JsonNode r : block.get("receipts")) {
            fees = fees.add(new BigInteger(r.get("gasUsed").asText().substring(2), 16)
                    .multiply(new BigInteger(r.get("effectiveGasPrice").asText().substring(2), 16)));
        }
        assertThat(details.get("totalFees").asText()).isEqualTo("0x" + fees.toString(16));
        JsonNode byHash = result("ots_getBlockDetailsByHash", details.get("block").get("hash").asText());
        assertThat(byHash).isEqualTo(details);
    }

    @Test
    void blockTransactionPagesCountFromTheEndOfTheBlock() throws Exception {
        JsonNode last = result("ots_getBlockTransactions", 1, 0, 2);
        assertThat(hashes(last.get("fullblock").get("transactions"))).containsExactly(hash(tokenTransfer),
                hash(forward));
        assertThat(last.get("fullblock").get("transactions").get(0).get("input").asText()).hasSize(10);
        JsonNode first = result("ots_getBlockTransactions", 1, 1, 2);
        assertThat(hashes(first.get("fullblock").get("transactions"))).containsExactly(hash(creation));
        assertThat(first.get("receipts").get(0).get("transactionHash").asText()).isEqualTo(hash(creation));
    }

    @Test
    void codeHeaderAndUnknownBlocks() throws Exception {
        assertThat(result("ots_hasCode", TOKEN.toHex(), "latest").asBoolean()).isTrue();
        assertThat(result("ots_hasCode", BOB.toHex(), "latest").asBoolean()).isFalse();
        assertThat(result("ots_hasCode", created().toHex(), "0x0").asBoolean()).isFalse();
        assertThat(result("ots_hasCode", created().toHex(), 1).asBoolean()).isTrue();
        assertThat(result("erigon_getHeaderByNumber", 2).get("number").asText()).isEqualTo("0x2");
        assertThat(result("ots_getBlockDetails", 99).isNull()).isTrue();
        assertThat(call("ots_searchTransactionsBefore", BOB.toHex(), 0, 0).get("error").get("code").asInt())
                .isEqualTo(-32602);
    }

    @Test
    void anOlderChainIsServedWhileItsIndexesAreBuiltAndAnsweredInFullAfterwards() throws Exception {
        JsonNode complete = result("ots_searchTransactionsBefore", BOB.toHex(), 0, 10);
        forgetExplorerIndexes();
        chain.blocks = new KeyValueBlockStore(chain.store, SUITE);
        serve();
        assertThat(chain.blocks.explorer().indexedFrom()).isEqualTo(6);

        JsonNode refused = call("ots_searchTransactionsBefore", BOB.toHex(), 0, 10);
        assertThat(refused.get("error").get("message").asText()).contains("still being built");
        assertThat(call("ots_getTransactionBySenderAndNonce", ALICE.toHex(), 1).get("error").get("message").asText())
                .contains("still being built");
        chain.blocks.buildExplorerIndexes(2);
        JsonNode recent = result("ots_searchTransactionsBefore", BOB.toHex(), 0, 1);
        assertThat(hashes(recent.get("txs"))).containsExactly(hash(laterTransfers.get(2)));

        assertThat(chain.blocks.buildExplorerIndexes(100)).isZero();
        assertThat(result("ots_searchTransactionsBefore", BOB.toHex(), 0, 10)).isEqualTo(complete);
        assertThat(result("ots_getTransactionBySenderAndNonce", ALICE.toHex(), 1).asText())
                .isEqualTo(hash(tokenTransfer));
    }

    @Test
    void theExplorersPagesEndInsideABlockAndGoOnFromTheirCursor() throws Exception {
        JsonNode first = result("stele_getAddressTransactions", ALICE.toHex(), null, 4);
        assertThat(hashes(first.get("txs"))).containsExactly(hash(laterTransfers.get(2)), hash(laterTransfers.get(1)),
                hash(laterTransfers.get(0)), hash(factory));
        assertThat(first.get("receipts").get(0).get("timestamp").asText()).isEqualTo("0x3c");
        assertThat(first.get("next").get("blockNumber").asText()).isEqualTo("0x2");
        assertThat(first.get("next").get("transactionIndex").asText()).isEqualTo("0x1");

        JsonNode second = result("stele_getAddressTransactions", ALICE.toHex(), first.get("next"), 2);
        assertThat(hashes(second.get("txs"))).containsExactly(hash(revert), hash(forward));
        JsonNode last = result("stele_getAddressTransactions", ALICE.toHex(), second.get("next"), 5);
        assertThat(hashes(last.get("txs"))).containsExactly(hash(tokenTransfer), hash(creation));
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void theExplorersPagesCarryTheAddressesRolesAndItsTokenTransfers() throws Exception {
        JsonNode bob = result("stele_getAddressTransactions", BOB.toHex(), null, 10);
        assertThat(hashes(bob.get("txs"))).containsExactly(hash(laterTransfers.get(2)), hash(laterTransfers.get(1)),
                hash(laterTransfers.get(0)), hash(tokenTransfer));
        assertThat(bob.get("roles").get(0).toString()).isEqualTo("[\"recipient\"]");
        assertThat(bob.get("roles").get(3).toString()).isEqualTo("[\"tokenTransfer\"]");
        assertThat(bob.get("transfers")).hasSize(1);
        JsonNode transfer = bob.get("transfers").get(0);
        assertThat(transfer.get("transactionHash").asText()).isEqualTo(hash(tokenTransfer));
        assertThat(transfer.get("token").asText()).isEqualTo(TOKEN.toHex());
        assertThat(transfer.get("from").asText()).isEqualTo(ALICE.toHex());
        assertThat(transfer.get("to").asText()).isEqualTo(BOB.toHex());
        assertThat(transfer.get("value").asText()).isEqualTo("0x1");
        assertThat(transfer.get("standard").asText()).isEqualTo("ERC-20");
        assertThat(transfer.get("logIndex").asText()).isEqualTo("0x0");
        assertThat(bob.get("next").isNull()).isTrue();

        JsonNode alice = result("stele_getAddressTransactions", ALICE.toHex(), null, 10);
        assertThat(alice.get("roles").get(6).toString()).isEqualTo("[\"sender\",\"tokenTransfer\"]");
        assertThat(alice.get("transfers")).hasSize(1);
    }

    @Test
    void aCursorThatIsNotAPositionIsRefusedWithItsName() throws Exception {
        JsonNode response = call("stele_getAddressTransactions", ALICE.toHex(), JSON.createObjectNode().put("block", 1),
                10);
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(response.get("error").get("message").asText()).contains("cursor");
        JsonNode tooBig = call("stele_getAddressTransactions", ALICE.toHex(), null, 1001);
        assertThat(tooBig.get("error").get("message").asText()).contains("page size");
    }

    /** Makes the store look like one written before the explorer indexes existed. */
    private void forgetExplorerIndexes() {
        var batch = new org.stele.storage.WriteBatch();
        for (String prefix : List.of("A", "C", "N")) {
            chain.store.forEachWithPrefix(Segment.INDEXES, Bytes.wrap(prefix.getBytes()), (k, v) -> {
                batch.delete(Segment.INDEXES, k);
                return true;
            });
        }
        batch.delete(Segment.CHAIN_METADATA, Bytes.wrap("explorer_indexed_from".getBytes()));
        chain.store.write(batch);
    }

    private Address created() {
        return Evm.createAddress(ALICE, creation.nonce());
    }

    private static String hash(Transaction tx) {
        return tx.hash(SUITE).toHex();
    }

    private static List<String> hashes(JsonNode txs) {
        List<String> out = new ArrayList<>();
        txs.forEach(t -> out.add(t.get("hash").asText()));
        return out;
    }

    private JsonNode result(String method, Object... params) throws Exception {
        JsonNode response = call(method, params);
        assertThat(response.has("error")).as(method + " answered " + response).isFalse();
        return response.get("result");
    }

    private JsonNode call(String method, Object... params) throws Exception {
        var request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        var array = request.putArray("params");
        for (Object p : params) {
            if (p == null)
                array.addNull();
            else if (p instanceof JsonNode node)
                array.add(node);
            else if (p instanceof Number n)
                array.add(n.longValue());
            else
                array.add(p.toString());
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
