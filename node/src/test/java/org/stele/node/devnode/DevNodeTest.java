package org.stele.node.devnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.stele.node.config.ConfigSource;
import org.stele.node.dev.Mnemonic;

/** The dev chain end to end over HTTP: accounts, a transaction signed by the node, its receipt, a restart. */
class DevNodeTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

    private DevNode start(Path dir) throws Exception {
        return start(dir, 30_000_000);
    }

    private DevNode start(Path dir, long gasLimit) throws Exception {
        Map<String, JsonNode> values = Map.of("data-path", TextNode.valueOf(dir.toString()), "rpc-http-port",
                IntNode.valueOf(0), "accounts", IntNode.valueOf(3), "gas-limit", LongNode.valueOf(gasLimit));
        DevNode node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))), clock);
        port = node.start().getPort();
        return node;
    }

    private int port;

    private JsonNode call(String method, String params) throws Exception {
        JsonNode n = send(method, params);
        assertThat(n.has("error")).as("%s: %s", method, n.get("error")).isFalse();
        return n.get("result");
    }

    private JsonNode send(String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private JsonNode awaitReceipt(String hash) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode r = call("eth_getTransactionReceipt", "[\"" + hash + "\"]");
            if (!r.isNull()) return r;
            Thread.sleep(25);
        }
        throw new AssertionError("no receipt for " + hash);
    }

    @Test
    void aTransactionThatCannotPayTheNextBaseFeeIsRefusedSoNoEmptyBlocksAreSealedForIt(@TempDir Path dir)
            throws Exception {
        try (DevNode node = start(dir)) {
            JsonNode accounts = call("eth_accounts", "[]");
            String transfer = "{\"from\":\"" + accounts.get(0).asText() + "\",\"to\":\"" + accounts.get(1).asText()
                    + "\",\"value\":\"0x1\",\"gas\":\"0x5208\"";
            JsonNode free = send("eth_sendTransaction", "[" + transfer + ",\"gasPrice\":\"0x0\"}]").get("error");
            assertThat(free.get("message").asText()).startsWith("transaction underpriced");
            JsonNode cheap = send("eth_sendTransaction", "[" + transfer + ",\"gasPrice\":\"0x1\"}]").get("error");
            assertThat(cheap.get("message").asText()).startsWith("max fee per gas less than block base fee");
            assertThat(call("txpool_status", "[]").get("pending").asText()).isEqualTo("0x0");
            String hash = call("eth_sendTransaction", "[" + transfer + "}]").asText();
            assertThat(awaitReceipt(hash).get("blockNumber").asText())
                    .as("the first block sealed is the one with a transaction").isEqualTo("0x1");
        }
    }

    @Test
    void aTransactionSignedByTheNodeIsSealedAndSurvivesARestart(@TempDir Path dir) throws Exception {
        String hash;
        String from;
        try (DevNode node = start(dir)) {
            JsonNode accounts = call("eth_accounts", "[]");
            assertThat(accounts).hasSize(3);
            from = accounts.get(0).asText();
            assertThat(from).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
            assertThat(call("eth_chainId", "[]").asText()).isEqualTo("0x7a69");
            hash = call("eth_sendTransaction", "[{\"from\":\"" + from + "\",\"to\":\"" + accounts.get(1).asText()
                    + "\",\"value\":\"0xde0b6b3a7640000\"}]").asText();
            JsonNode receipt = awaitReceipt(hash);
            assertThat(receipt.get("status").asText()).isEqualTo("0x1");
            assertThat(receipt.get("gasUsed").asText()).isEqualTo("0x5208");
            assertThat(call("eth_blockNumber", "[]").asText()).isEqualTo("0x1");
            assertThat(call("debug_traceTransaction", "[\"" + hash + "\",{\"tracer\":\"callTracer\"}]").get("type")
                    .asText())
                    .isEqualTo("CALL");
            assertThat(call("eth_getBalance", "[\"" + accounts.get(1).asText() + "\",\"latest\"]").asText())
                    .isEqualTo("0x21e27c1806e59a40000"); // 10,001 ether
        }
        try (DevNode node = start(dir)) {
            assertThat(call("eth_blockNumber", "[]").asText()).isEqualTo("0x1");
            assertThat(call("eth_getTransactionReceipt", "[\"" + hash + "\"]").get("blockNumber").asText())
                    .isEqualTo("0x1");
            assertThat(call("eth_getTransactionCount", "[\"" + from + "\",\"latest\"]").asText()).isEqualTo("0x1");
        }
    }

    @Test
    void transactionsThatDoNotFitOneBlockAreSealedInTheNextOnes(@TempDir Path dir) throws Exception {
        try (DevNode node = start(dir, 50_000)) { // two transfers per block
            String from = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
            java.util.List<String> hashes = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                hashes.add(call("eth_sendTransaction", "[{\"from\":\"" + from
                        + "\",\"to\":\"0x00000000000000000000000000000000000000bb\",\"gas\":\"0x5208\"}]").asText());
            }
            for (String h : hashes) assertThat(awaitReceipt(h).get("status").asText()).isEqualTo("0x1");
            assertThat(Long.decode(call("eth_blockNumber", "[]").asText())).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theNodeSignsOnlyForItsOwnAccounts(@TempDir Path dir) throws Exception {
        try (DevNode node = start(dir)) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendTransaction\",\"params\":[{\"from\":"
                    + "\"0x00000000000000000000000000000000000000aa\",\"to\":\"0x000000000000000000000000000000000"
                    + "00000bb\"}]}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(r.body()).get("error").get("message").asText()).startsWith("unknown account");
        }
    }

    @Test
    void aSealedBlockNamesItsRoundItsValidatorsAndTheValidatorsThatSealedIt(@TempDir Path dir) throws Exception {
        try (DevNode node = start(dir)) {
            JsonNode accounts = call("eth_accounts", "[]");
            String hash = call("eth_sendTransaction", "[{\"from\":\"" + accounts.get(0).asText() + "\",\"to\":\""
                    + accounts.get(1).asText() + "\",\"value\":\"0x1\"}]").asText();
            JsonNode receipt = awaitReceipt(hash);
            String validator = new DevValidator(Mnemonic.parse(Mnemonic.DEFAULT)).address().toHex();

            JsonNode consensus = call("stele_getBlockConsensus", "[\"" + receipt.get("blockNumber").asText() + "\"]");
            assertThat(consensus.get("hash").asText()).isEqualTo(receipt.get("blockHash").asText());
            assertThat(consensus.get("round").asText()).isEqualTo("0x0");
            assertThat(consensus.get("validators").toString()).isEqualTo("[\"" + validator + "\"]");
            assertThat(consensus.get("sealers").toString()).isEqualTo("[\"" + validator + "\"]");
            assertThat(consensus.get("quorum").asText()).isEqualTo("0x1");
            assertThat(consensus.get("proposer").asText()).as("the validator, its block's beneficiary")
                    .isEqualTo(validator);
            assertThat(call("eth_getBlockByNumber", "[\"latest\",false]").get("miner").asText()).isEqualTo(validator);

            JsonNode genesis = call("stele_getBlockConsensus", "[\"earliest\"]");
            assertThat(genesis.get("sealers")).as("nobody seals genesis").isEmpty();
            assertThat(call("stele_getBlockConsensus", "[\"0x64\"]").isNull()).as("a block not there").isTrue();
        }
    }
}
