package org.stele.node.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.stele.node.config.ConfigSource;
import org.stele.node.config.TomlFile;
import org.stele.node.network.NetworkInit;
import org.stele.p2p.PeerEndpoint;

/**
 * A network written by {@link NetworkInit} whose nodes run in this JVM over loopback sockets. Every node listens on
 * a free port (port 0) and is connected to the others once they all listen, so no port is guessed ahead.
 */
final class TestNetwork implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Path dir;
    final List<NetworkInit.NodeFiles> files;
    final NetworkNode[] nodes;
    /** Run with the genesis's QBFT timings instead of the tests' short ones. */
    boolean genesisTimings;
    /** Configuration keys set on every node, over the others. */
    final Map<String, JsonNode> overrides = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    TestNetwork(Path dir, int validators) {
        this.dir = dir;
        // The genesis's governed block period is the tests' short one: the committee's value wins over configuration.
        this.files = new NetworkInit(validators, NetworkInit.DEFAULT_CHAIN_ID, 0, Optional.empty(), 100).write(dir,
                new SecureRandom(new byte[]{1}));
        this.nodes = new NetworkNode[validators];
    }

    /**
     * Gives the chain a committee of {@code governors} (with their weights; thresholds 67%) and a voting period of
     * {@code votingPeriod} blocks, in place of the one governor of weight 1 per validator {@code stele network init}
     * writes. Call before the first node starts.
     */
    void governedBy(List<org.stele.governance.Governor> governors, long votingPeriod) throws java.io.IOException {
        Path genesis = dir.resolve("genesis.json");
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(genesis.toFile());
        List<org.stele.common.Address> validators = files.stream().map(NetworkInit.NodeFiles::address).toList();
        new org.stele.governance.GovernanceGenesis(governors, 67, 67, votingPeriod, validators, validators,
                new org.stele.governance.ChainParameters(NetworkInit.GAS_LIMIT, java.math.BigInteger.ZERO,
                        org.stele.governance.ChainParameters.DEFAULT_MAX_TX_SIZE, 100))
                .addTo((com.fasterxml.jackson.databind.node.ObjectNode) root.get("alloc"));
        JSON.writeValue(genesis.toFile(), root);
    }

    /** The configuration of node {@code i} (0-based): its node.toml with paths under its directory, free ports. */
    NetworkNodeConfig config(int i) {
        return config(files.get(i).dir(), List.of());
    }

    /**
     * The configuration of a node in {@code nd} (holding its {@code key} and {@code node.toml}), admitting the
     * validators and {@code members} as peers.
     */
    NetworkNodeConfig config(Path nd, List<String> members) {
        Map<String, JsonNode> v = new HashMap<>();
        if (!members.isEmpty()) {
            var allowlist = JsonNodeFactory.instance.arrayNode();
            files.forEach(f -> allowlist.add(f.address().toHex()));
            members.forEach(allowlist::add);
            v.put("p2p-allowlist", allowlist);
        }
        v.put("data-path", TextNode.valueOf(nd.resolve("data").toString()));
        v.put("genesis", TextNode.valueOf(dir.resolve("genesis.json").toString()));
        v.put("node-key-file", TextNode.valueOf(nd.resolve("key").toString()));
        v.put("rpc-http-port", IntNode.valueOf(0));
        v.put("p2p-port", IntNode.valueOf(0));
        v.put("metrics-port", IntNode.valueOf(0));
        v.put("p2p-static-peers", JsonNodeFactory.instance.arrayNode());
        if (!genesisTimings) {
            v.put("qbft-block-period", TextNode.valueOf("100ms"));
            v.put("qbft-empty-block-period", TextNode.valueOf("300ms"));
        }
        v.putAll(overrides);
        return NetworkNodeConfig.SCHEMA
                .build(List.of(TomlFile.read(nd.resolve("node.toml")), new ConfigSource("test", v, Map.of())));
    }

    NetworkNode start(int i) throws InterruptedException {
        nodes[i] = NetworkNode.start(config(i));
        return nodes[i];
    }

    NetworkNode start(int i, List<String> members) throws InterruptedException {
        nodes[i] = NetworkNode.start(config(files.get(i).dir(), members));
        return nodes[i];
    }

    void startAll() throws InterruptedException {
        for (int i = 0; i < nodes.length; i++)
            start(i);
        for (int i = 0; i < nodes.length; i++)
            connect(i);
    }

    /** Node {@code i} dials every other running node. */
    void connect(int i) {
        for (int j = 0; j < nodes.length; j++)
            if (j != i && nodes[j] != null)
                nodes[i].network().addPeer(endpoint(j));
    }

    PeerEndpoint endpoint(int j) {
        return new PeerEndpoint(nodes[j].address(), "127.0.0.1", nodes[j].p2pAddress().getPort());
    }

    void stop(int i) {
        nodes[i].close();
        nodes[i] = null;
    }

    long head(int i) {
        return nodes[i].services().head().number();
    }

    /** Waits for {@code condition}, checking it every 20 ms, failing after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    void awaitHeads(long atLeast, Duration timeout, int... which) throws InterruptedException {
        await("heads at " + atLeast, timeout, () -> {
            for (int i : which)
                if (head(i) < atLeast)
                    return false;
            return true;
        });
    }

    JsonNode rpc(int i, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodes[i].rpcAddress().getPort()))
                        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode n = JSON.readTree(r.body());
        if (n.has("error"))
            throw new AssertionError(method + ": " + n.get("error"));
        return n.get("result");
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++)
            if (nodes[i] != null)
                try {
                    stop(i);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
        if (!failures.isEmpty())
            throw failures.get(0);
    }
}
