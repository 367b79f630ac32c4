package org.stele.node.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.node.config.ConfigSource;
import org.stele.node.devnode.DevConfig;
import org.stele.node.devnode.DevNode;
import org.stele.p2p.ChainHead;
import org.stele.p2p.ConfigPeerAllowlist;
import org.stele.p2p.P2pConfig;
import org.stele.p2p.P2pLimits;
import org.stele.p2p.P2pListener;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.PeerInfo;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;

/** {@code admin_*} and {@code net_*} over a node that runs a real P2P network, with a second network as its peer. */
class P2pAdminTest {
    private static final Bytes32 GENESIS = Bytes32.fromHex("0x" + "11".repeat(32));

    @TempDir
    Path dir;

    /** Counts down when a peer connects and when it goes. */
    private record Latches(CountDownLatch connected, CountDownLatch disconnected) implements P2pListener {
        Latches() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }

        @Override
        public void onMessage(Address peer, Message message) {
        }

        @Override
        public void onConnected(PeerInfo peer) {
            connected.countDown();
        }

        @Override
        public void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
            disconnected.countDown();
        }

        @Override
        public void onRefused(SocketAddress remote, String reason) {
        }
    }

    private static P2pNetwork network(KeyPair key, List<Address> allowed, P2pListener listener) {
        return P2pNetwork.start(new P2pConfig(key, NodeServices.SUITE, new InetSocketAddress("127.0.0.1", 0),
                DevConfig.DEFAULT_CHAIN_ID, GENESIS, () -> new ChainHead(0, GENESIS), ConfigPeerAllowlist.of(allowed),
                List.of(), P2pLimits.DEFAULT, Clock.systemUTC(), new SecureRandom()), listener);
    }

    @Test
    void adminAddsAndRemovesPeersAndNetAndMetricsCountThem() throws Exception {
        KeyPair ka = NodeServices.SUITE.generateKeyPair(new SecureRandom());
        KeyPair kb = NodeServices.SUITE.generateKeyPair(new SecureRandom());
        List<Address> both = List.of(NodeServices.SUITE.address(ka.publicKey()),
                NodeServices.SUITE.address(kb.publicKey()));
        Latches seenByA = new Latches();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("data-path", TextNode.valueOf(dir.toString()));
        values.put("rpc-http-port", IntNode.valueOf(0));
        values.put("metrics-enabled", BooleanNode.TRUE);
        values.put("metrics-port", IntNode.valueOf(0));
        try (P2pNetwork a = network(ka, both, seenByA);
                P2pNetwork b = network(kb, both, new Latches());
                DevNode node = new DevNode(
                        DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))),
                        InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))) {
            node.services().useNetwork(a);
            HttpProbe rpc = new HttpProbe(node.start().getPort());
            String bEndpoint = b.self().toHex() + "@127.0.0.1:" + b.listenAddress().getPort();

            JsonNode info = rpc.call("admin_nodeInfo", "[]");
            assertThat(info.get("id").asText()).isEqualTo(a.self().toHex());
            assertThat(info.get("enode").asText())
                    .isEqualTo(a.self().toHex() + "@127.0.0.1:" + a.listenAddress().getPort());

            assertThat(rpc.call("admin_addPeer", "[\"" + bEndpoint + "\"]").asBoolean()).isTrue();
            assertThat(seenByA.connected().await(20, TimeUnit.SECONDS)).as("b connected").isTrue();
            JsonNode peers = rpc.call("admin_peers", "[]");
            assertThat(peers).hasSize(1);
            assertThat(peers.get(0).get("id").asText()).isEqualTo(b.self().toHex());
            assertThat(peers.get(0).get("network").get("inbound").asBoolean()).isFalse();
            assertThat(peers.get(0).get("protocols").get("stele").get("genesis").asText()).isEqualTo(GENESIS.toHex());
            assertThat(rpc.call("net_peerCount", "[]").asText()).isEqualTo("0x1");
            assertThat(rpc.call("net_listening", "[]").asBoolean()).isTrue();
            String metrics = rpc.get(node.services().metricsAddress().orElseThrow().getPort(), "/metrics").body();
            assertThat(metrics).contains("ethereum_peer_count 1.0");

            assertThat(rpc.call("admin_removePeer", "[\"" + b.self().toHex() + "\"]").asBoolean()).isTrue();
            assertThat(seenByA.disconnected().await(20, TimeUnit.SECONDS)).as("b disconnected").isTrue();
            assertThat(rpc.call("admin_peers", "[]")).isEmpty();
            assertThat(rpc.call("net_peerCount", "[]").asText()).isEqualTo("0x0");

            JsonNode bad = rpc.send("admin_addPeer", "[\"not-a-peer\"]").get("error");
            assertThat(bad.get("code").asInt()).isEqualTo(-32602);
            assertThat(bad.get("message").asText()).contains("ADDRESS@HOST:PORT");
        }
    }

    @Test
    void adminPeersReportsTheHeadEachPeerLastAnnouncedNotOnlyTheOneOfItsHandshake() throws Exception {
        KeyPair ka = NodeServices.SUITE.generateKeyPair(new SecureRandom());
        KeyPair kb = NodeServices.SUITE.generateKeyPair(new SecureRandom());
        List<Address> both = List.of(NodeServices.SUITE.address(ka.publicKey()),
                NodeServices.SUITE.address(kb.publicKey()));
        Latches seenByA = new Latches();
        Map<String, JsonNode> values = Map.of("data-path", TextNode.valueOf(dir.toString()), "rpc-http-port",
                IntNode.valueOf(0));
        Bytes32 seventh = Bytes32.fromHex("0x" + "77".repeat(32));
        try (DevNode node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))),
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
                P2pNetwork a = network(ka, both, node.services().peerHeads().tracking(seenByA));
                P2pNetwork b = network(kb, both, new Latches())) {
            node.services().useNetwork(a);
            HttpProbe rpc = new HttpProbe(node.start().getPort());
            rpc.call("admin_addPeer", "[\"" + b.self().toHex() + "@127.0.0.1:" + b.listenAddress().getPort() + "\"]");
            assertThat(seenByA.connected().await(20, TimeUnit.SECONDS)).as("b connected").isTrue();
            JsonNode atHandshake = rpc.call("admin_peers", "[]").get(0).get("protocols").get("stele");
            assertThat(atHandshake.get("headNumber").asLong()).isZero();
            assertThat(atHandshake.get("head").asText()).isEqualTo(GENESIS.toHex());

            b.broadcast(new Message.NewBlock(7, seventh));
            b.broadcast(new Message.NewBlock(6, Bytes32.fromHex("0x" + "66".repeat(32))));

            JsonNode stele = null;
            for (int i = 0; i < 200; i++) {
                stele = rpc.call("admin_peers", "[]").get(0).get("protocols").get("stele");
                if (stele.get("headNumber").asLong() == 7) break;
                Thread.sleep(50);
            }
            assertThat(stele.get("headNumber").asLong()).isEqualTo(7);
            assertThat(stele.get("head").asText()).isEqualTo(seventh.toHex());
            Thread.sleep(200);
            assertThat(rpc.call("admin_peers", "[]").get(0).get("protocols").get("stele").get("headNumber").asLong())
                    .as("a late announcement of an older block").isEqualTo(7);
        }
    }
}
