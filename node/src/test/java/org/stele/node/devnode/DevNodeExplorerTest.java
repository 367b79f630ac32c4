package org.stele.node.devnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Bytes;
import org.stele.node.config.ConfigSource;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;

/**
 * The dev chain serves Otterscan's methods over its explorer indexes, and a chain whose data directory predates the
 * indexes gets them built in the background after a restart while the node serves.
 */
class DevNodeExplorerTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    private DevNode start(Path dir) throws Exception {
        Map<String, JsonNode> values = Map.of("data-path", TextNode.valueOf(dir.toString()), "rpc-http-port",
                IntNode.valueOf(0), "accounts", IntNode.valueOf(2));
        DevNode node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))),
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        port = node.start().getPort();
        return node;
    }

    private JsonNode send(String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    /** Asks until the answer is a result that is not null, for at most ten seconds. */
    private JsonNode await(String method, String params) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = send(method, params).get("result");
            if (r != null && !r.isNull())
                return r;
            Thread.sleep(20);
        }
        throw new AssertionError(method + " " + params + " never answered");
    }

    @Test
    void aSealedTransactionIsFoundByAddressAndNonceAlsoAfterTheIndexesAreRebuilt(@TempDir Path dir) throws Exception {
        String from, hash;
        try (DevNode node = start(dir)) {
            assertThat(send("ots_getApiLevel", "[]").get("result").asInt()).isEqualTo(8);
            JsonNode accounts = send("eth_accounts", "[]").get("result");
            from = accounts.get(0).asText();
            hash = send("eth_sendTransaction", "[{\"from\":\"" + from + "\",\"to\":\"" + accounts.get(1).asText()
                    + "\",\"value\":\"0x1\"}]").get("result").asText();
            await("eth_getTransactionReceipt", "[\"" + hash + "\"]");
            JsonNode answer = send("ots_searchTransactionsBefore", "[\"" + from + "\",0,10]");
            assertThat(answer.has("error")).as("%s", answer).isFalse();
            JsonNode page = answer.get("result");
            assertThat(page.get("txs").get(0).get("hash").asText()).isEqualTo(hash);
            assertThat(page.get("firstPage").asBoolean()).isTrue();
            assertThat(page.get("lastPage").asBoolean()).isTrue();
        }
        forgetExplorerIndexes(dir);
        try (DevNode node = start(dir)) {
            assertThat(await("ots_getTransactionBySenderAndNonce", "[\"" + from + "\",0]").asText()).isEqualTo(hash);
            JsonNode answer = send("ots_searchTransactionsBefore", "[\"" + from + "\",0,10]");
            assertThat(answer.has("error")).as("%s", answer).isFalse();
            JsonNode page = answer.get("result");
            assertThat(page.get("txs").get(0).get("hash").asText()).isEqualTo(hash);
        }
    }

    /** Leaves the data directory as a node from before the explorer indexes would have written it. */
    private static void forgetExplorerIndexes(Path dir) {
        try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir)) {
            WriteBatch batch = new WriteBatch();
            for (String prefix : List.of("A", "C", "N")) {
                store.forEachWithPrefix(Segment.INDEXES, Bytes.wrap(prefix.getBytes()), (k, v) -> {
                    batch.delete(Segment.INDEXES, k);
                    return true;
                });
            }
            batch.delete(Segment.CHAIN_METADATA, Bytes.wrap("explorer_indexed_from".getBytes()));
            store.write(batch);
        }
    }
}
