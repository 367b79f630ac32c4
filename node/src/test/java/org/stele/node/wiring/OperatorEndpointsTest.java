package org.stele.node.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.stele.node.config.ConfigSource;
import org.stele.node.devnode.DevConfig;
import org.stele.node.devnode.DevNode;
import org.stele.node.logging.BlockImportLog;

/** What an operator reads from a running node: the metrics endpoint, the network methods, eth_syncing, the log. */
class OperatorEndpointsTest {
    @TempDir
    Path dir;

    private DevNode start(boolean metrics) throws Exception {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("data-path", TextNode.valueOf(dir.toString()));
        values.put("rpc-http-port", IntNode.valueOf(0));
        values.put("accounts", IntNode.valueOf(2));
        values.put("metrics-enabled", BooleanNode.valueOf(metrics));
        values.put("metrics-port", IntNode.valueOf(0));
        DevNode node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))),
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        rpc = new HttpProbe(node.start().getPort());
        return node;
    }

    private HttpProbe rpc;

    /** Sends one transfer between the dev accounts and waits for its receipt; returns the receipt. */
    private JsonNode transfer() throws Exception {
        JsonNode accounts = rpc.call("eth_accounts", "[]");
        String hash = rpc.call("eth_sendTransaction", "[{\"from\":\"" + accounts.get(0).asText() + "\",\"to\":\""
                + accounts.get(1).asText() + "\",\"value\":\"0x1\",\"gas\":\"0x5208\"}]").asText();
        for (int i = 0; i < 400; i++) {
            JsonNode r = rpc.call("eth_getTransactionReceipt", "[\"" + hash + "\"]");
            if (!r.isNull()) return r;
            Thread.sleep(25);
        }
        throw new AssertionError("no receipt for " + hash);
    }

    private String scrape(DevNode node) throws Exception {
        HttpResponse<String> r = rpc.get(node.services().metricsAddress().orElseThrow().getPort(), "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return r.body();
    }

    /**
     * A scrape taken once the first import is counted: a receipt is readable as soon as the block is written, and the
     * importer reports the block just after.
     */
    private String scrapeOnceImported(DevNode node) throws Exception {
        for (int i = 0; i < 400; i++) {
            String text = scrape(node);
            if (text.contains("stele_block_import_seconds_count 1")) return text;
            Thread.sleep(25);
        }
        throw new AssertionError("the import was never counted");
    }

    @Test
    void theMetricsEndpointServesHeightPoolImportAndRpcMetersInPrometheusText() throws Exception {
        try (DevNode node = start(true)) {
            transfer();
            rpc.send("no_suchMethod", "[]");
            String text = scrapeOnceImported(node);
            assertThat(text).contains("ethereum_blockchain_height 1.0")
                    .contains("stele_block_transactions_sum 1.0")
                    .contains("stele_block_gas_used_sum 21000.0")
                    .contains("stele_txpool_transactions{type=\"pending\"} 0.0")
                    .contains("stele_txpool_transactions{type=\"queued\"} 0.0")
                    .contains("stele_rpc_requests_seconds_count{method=\"eth_sendTransaction\"} 1")
                    .contains("ethereum_peer_count 0.0")
                    .contains("stele_sync_active 0.0")
                    .doesNotContain("no_suchMethod");
            assertThat(rpc.get(node.services().metricsAddress().orElseThrow().getPort(), "/other").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void whatQbftP2pAndSyncReportToTheFacadeAppearOnTheEndpoint() throws Exception {
        try (DevNode node = start(true)) {
            node.services().metrics().roundChanged(5, 0);
            node.services().metrics().roundChanged(5, 1);
            node.services().metrics().roundChanged(5, 2);
            node.services().metrics().blockCommitted(Duration.ofMillis(120));
            node.services().metrics().peerCount(() -> 3);
            node.services().sync().started(0, 40);
            node.services().sync().advanced(12, 40);
            String text = scrape(node);
            assertThat(text).contains("stele_qbft_height 5.0").contains("stele_qbft_round 2.0")
                    .contains("stele_qbft_round_changes_total 2.0")
                    .contains("stele_qbft_proposal_to_commit_seconds_count 1")
                    .contains("stele_qbft_proposal_to_commit_seconds_sum 0.12")
                    .contains("ethereum_peer_count 3.0")
                    .contains("stele_sync_active 1.0").contains("stele_sync_current_block 12.0")
                    .contains("stele_sync_highest_block 40.0");
        }
    }

    @Test
    void ethSyncingIsFalseUntilTheSyncReportsProgressAndFalseAgainWhenItFinishes() throws Exception {
        try (DevNode node = start(false)) {
            assertThat(rpc.call("eth_syncing", "[]").asBoolean(true)).isFalse();
            node.services().sync().started(3, 90);
            node.services().sync().advanced(10, 95);
            JsonNode syncing = rpc.call("eth_syncing", "[]");
            assertThat(syncing.get("startingBlock").asText()).isEqualTo("0x3");
            assertThat(syncing.get("currentBlock").asText()).isEqualTo("0xa");
            assertThat(syncing.get("highestBlock").asText()).isEqualTo("0x5f");
            node.services().sync().finished();
            assertThat(rpc.call("eth_syncing", "[]").asBoolean(true)).isFalse();
        }
    }

    @Test
    void aDevNodeListensHasNoPeersAndSaysClearlyThatItCannotAddOne() throws Exception {
        try (DevNode node = start(false)) {
            assertThat(node.services().metricsAddress()).as("metrics are off on the dev chain by default").isEmpty();
            assertThat(rpc.call("net_peerCount", "[]").asText()).isEqualTo("0x0");
            assertThat(rpc.call("net_listening", "[]").asBoolean()).isTrue();
            assertThat(rpc.call("admin_peers", "[]")).isEmpty();
            JsonNode added = rpc.send("admin_addPeer",
                    "[\"0x1111111111111111111111111111111111111111@127.0.0.1:30303\"]");
            assertThat(added.get("error").get("message").asText()).contains("without a P2P network");
            JsonNode info = rpc.call("admin_nodeInfo", "[]");
            assertThat(info.get("name").asText()).startsWith("Stele/v");
            assertThat(info.get("protocols").get("stele").get("network").asLong())
                    .isEqualTo(DevConfig.DEFAULT_CHAIN_ID);
            assertThat(info.has("enode")).isFalse();
        }
    }

    @Test
    void eachImportedBlockIsLoggedOnOneLineWithNumberTransactionsGasHashAndTime() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(BlockImportLog.class);
        BlockingQueue<ILoggingEvent> events = new LinkedBlockingQueue<>();
        AppenderBase<ILoggingEvent> lines = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                events.add(event);
            }
        };
        lines.start();
        Level before = log.getLevel();
        log.setLevel(Level.INFO);
        log.addAppender(lines);
        try (DevNode node = start(false)) {
            JsonNode receipt = transfer();
            String hash = receipt.get("blockHash").asText();
            // The receipt is readable once the block is written; the importer reports it just after.
            ILoggingEvent line = events.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("the import was logged").isNotNull();
            assertThat(events).as("one line for one block").isEmpty();
            assertThat(line.getFormattedMessage())
                    .matches("Imported #1 / 1 tx / gas 21,000 \\(0\\.1%\\) / round 0 / " + hash.substring(0, 6) + "…"
                            + hash.substring(62) + " / [0-9.]+ ms");
        } finally {
            log.detachAppender(lines);
            log.setLevel(before);
        }
    }
}
