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
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode n = json.readTree(r.body());
        assertThat(n.has("error")).as("%s: %s", method, n.get("error")).isFalse();
        return n.get("result");
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
    void aTransactionThatCannotPayTheBaseFeeGetsInOnceEmptyBlocksHaveLoweredIt(@TempDir Path dir) throws Exception {
        try (DevNode node = start(dir)) {
            JsonNode accounts = call("eth_accounts", "[]");
            // Block 1's base fee is 0.875 gwei; a 0.8 gwei fee cap can pay block 2's (0.766 gwei).
            String hash = call("eth_sendTransaction", "[{\"from\":\"" + accounts.get(0).asText() + "\",\"to\":\""
                    + accounts.get(1).asText()
                    + "\",\"value\":\"0x1\",\"gas\":\"0x5208\",\"maxFeePerGas\":\"0x2faf0800\","
                    + "\"maxPriorityFeePerGas\":\"0x1\"}]").asText();
            JsonNode receipt = awaitReceipt(hash);
            assertThat(receipt.get("status").asText()).isEqualTo("0x1");
            assertThat(receipt.get("blockNumber").asText()).isEqualTo("0x2");
            assertThat(call("eth_getBlockByNumber", "[\"0x1\",false]").get("transactions")).isEmpty();
        }
    }

    @Test
    void theNodeSignsOnlyForItsOwnAccounts(@TempDir Path dir) throws Exception {
        try (DevNode node = start(dir)) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendTransaction\",\"params\":[{\"from\":"
                    + "\"0x00000000000000000000000000000000000000aa\",\"to\":\"0x00000000000000000000000000000000000000bb\"}]}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(r.body()).get("error").get("message").asText()).startsWith("unknown account");
        }
    }
}
