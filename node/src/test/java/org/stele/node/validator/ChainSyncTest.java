package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.node.network.NetworkInit;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.ChainHead;
import org.stele.p2p.P2pConfig;
import org.stele.p2p.P2pLimits;
import org.stele.p2p.P2pListener;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;

/**
 * Catching up over real loopback sockets: a validator whose data was wiped fetches the chain from its three peers at
 * once and checks every seal; a peer that serves a forged seal is cut off while the others finish the job; and
 * {@code eth_syncing} and the sync meters tell an operator where a catch-up stands, then that it is over.
 */
class ChainSyncTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Pattern SYNCED_BY_PEER = Pattern
            .compile("(?m)^stele_sync_blocks_total\\{peer=\"(0x[0-9a-f]{40})\"} ([0-9.]+)$");

    @Test
    void aWipedValidatorResyncsFromItsThreePeersAtOnceWithEverySealChecked(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            net.startAll();
            net.awaitHeads(40, PATIENCE, 0, 1, 2, 3);
            wipe(net, 3);
            long behind = net.head(0);
            net.start(3);
            net.connect(3);
            net.awaitHeads(behind, PATIENCE, 3);
            net.awaitHeads(net.head(0) + 2, PATIENCE, 0, 1, 2, 3);
            NetworkNodeTest.assertAgreeOnEveryBlock(net, 0, 1, 2, 3);

            // Every block it holds was proven by a quorum of its height's validators (the importer refuses others),
            // and the catch-up leaned on all three peers.
            QbftSealVerifier seals = new QbftSealVerifier(NodeServices.SUITE);
            var blocks = net.nodes[3].services().blocks();
            for (long n = 1; n <= net.head(3); n++)
                assertThat(seals.verify(blocks.header(n).orElseThrow(), blocks.header(n - 1).orElseThrow()))
                        .as("the seals of block %d", n).isEmpty();
            var byPeer = syncedByPeer(net.nodes[3].services().metrics().scrape());
            assertThat(byPeer).as("blocks synced per peer").containsOnlyKeys(net.nodes[0].address().toHex(),
                    net.nodes[1].address().toHex(), net.nodes[2].address().toHex());
            assertThat(byPeer.values().stream().mapToDouble(Double::doubleValue).sum())
                    .isGreaterThanOrEqualTo(behind - 2);
        }
    }

    @Test
    void aPeerServingAForgedSealIsCutOffWhileTheOthersFinishTheSync(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            KeyPair forgerKey = NodeServices.SUITE.generateKeyPair(new SecureRandom(new byte[]{9}));
            Address forger = NodeServices.SUITE.address(forgerKey.publicKey());
            net.startAll();
            net.awaitHeads(30, PATIENCE, 0, 1, 2, 3);
            wipe(net, 3);
            net.start(3, List.of(forger.toHex()));
            NodeServices honest = net.nodes[0].services();
            Set<Address> cutOffBy = ConcurrentHashMap.newKeySet();
            // It serves what the honest node has, but with a seal of its own in place of a validator's in the last
            // block of every range: all but one block of each range would pass a sampling check.
            try (Peer peer = Peer.start(forgerKey, honest, cutOffBy, (request, answer) -> answer.accept(
                    served(honest, request,
                            h -> h.number() == request.last() ? forge(h, forgerKey) : h)))) {
                peer.network.addPeer(net.endpoint(3));
                TestNetwork.await("node 4 cutting off the forger", PATIENCE,
                        () -> cutOffBy.contains(net.nodes[3].address()));
                net.connect(3);
                net.awaitHeads(net.head(0) + 2, PATIENCE, 0, 1, 2, 3);
                NetworkNodeTest.assertAgreeOnEveryBlock(net, 0, 1, 2, 3);
                assertThat(syncedByPeer(net.nodes[3].services().metrics().scrape())).doesNotContainKey(forger.toHex());
                assertThat(net.nodes[3].services().metrics().scrape())
                        .containsPattern("(?m)^stele_sync_ranges_refused_total [1-9][0-9]*\\.0$");
            }
        }
    }

    @Test
    void ethSyncingReportsProgressWhileCatchingUpThenFalse(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            KeyPair relayKey = NodeServices.SUITE.generateKeyPair(new SecureRandom(new byte[]{10}));
            net.startAll();
            net.awaitHeads(20, PATIENCE, 0, 1, 2, 3);
            wipe(net, 3);
            NodeServices honest = net.nodes[0].services();
            long highest = honest.head().number();
            // A peer that serves the honest chain up to `highest`, one range when the test says so.
            LinkedBlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
            try (Peer relay = Peer.start(relayKey, honest, ConcurrentHashMap.newKeySet(), highest,
                    (request, answer) -> held.add(() -> answer.accept(served(honest, request, Function.identity()))))) {
                net.start(3, List.of(NodeServices.SUITE.address(relayKey.publicKey()).toHex()));
                relay.network.addPeer(net.endpoint(3));

                Runnable first = nextRange(held);
                JsonNode syncing = net.rpc(3, "eth_syncing", "[]");
                assertThat(syncing.get("startingBlock").asText()).isEqualTo("0x0");
                assertThat(syncing.get("currentBlock").asText()).isEqualTo("0x0");
                assertThat(syncing.get("highestBlock").asText()).isEqualTo("0x" + Long.toHexString(highest));
                assertThat(net.nodes[3].services().metrics().scrape()).contains("stele_sync_active 1.0")
                        .containsPattern("(?m)^stele_sync_highest_block " + highest + "\\.0$");

                first.run();
                AtomicReference<JsonNode> partway = new AtomicReference<>();
                TestNetwork.await("eth_syncing moving on", PATIENCE, () -> {
                    try {
                        partway.set(net.rpc(3, "eth_syncing", "[]"));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    return !partway.get().get("currentBlock").asText().equals("0x0");
                });
                long current = Long.decode(partway.get().get("currentBlock").asText());
                // The first range is part of the chain: the node waits for the next before it is done.
                assertThat(current).isBetween(1L, highest - 1).isLessThanOrEqualTo(net.head(3));
                assertThat(partway.get().get("startingBlock").asText()).isEqualTo("0x0");
                assertThat(partway.get().get("highestBlock").asText()).isEqualTo("0x" + Long.toHexString(highest));

                while (net.head(3) < highest) {
                    nextRange(held).run();
                    TestNetwork.await("the range imported", Duration.ofSeconds(10),
                            () -> !held.isEmpty() || net.head(3) >= highest);
                }
                TestNetwork.await("eth_syncing false", PATIENCE, () -> {
                    try {
                        return net.rpc(3, "eth_syncing", "[]").isBoolean();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                assertThat(net.rpc(3, "eth_syncing", "[]").asBoolean()).isFalse();
                assertThat(net.nodes[3].services().metrics().scrape()).contains("stele_sync_active 0.0");
            }
        }
    }

    /** The answers to the next range request, its headers and its bodies, to be sent when run. */
    private static Runnable nextRange(LinkedBlockingQueue<Runnable> held) throws InterruptedException {
        Runnable headers = held.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        Runnable bodies = held.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(bodies).as("a range request").isNotNull();
        return () -> {
            headers.run();
            bodies.run();
        };
    }

    /** Stops node {@code i} and deletes its data directory. */
    private static void wipe(TestNetwork net, int i) throws IOException {
        net.stop(i);
        try (Stream<Path> files = Files.walk(net.files.get(i).dir().resolve("data"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Map<String, Double> syncedByPeer(String metrics) {
        Map<String, Double> out = new TreeMap<>();
        Matcher m = SYNCED_BY_PEER.matcher(metrics);
        while (m.find())
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        return out;
    }

    /** A range request: its id, first block and count, and whether it asks for headers or bodies. */
    record Request(long id, long from, int count, boolean headers) {
        long last() {
            return from + count - 1;
        }
    }

    /** The answer to {@code r} from {@code honest}'s store, each header passed through {@code header}. */
    private static Message served(NodeServices honest, Request r,
            Function<BlockHeader, BlockHeader> header) {
        List<Bytes> items = new ArrayList<>();
        for (long n = r.from(); n <= r.last(); n++) {
            var blocks = honest.blocks();
            Optional<BlockHeader> h = blocks.header(n);
            if (h.isEmpty())
                break;
            items.add(r.headers()
                    ? Bytes.wrap(header.apply(h.get()).encode())
                    : Bytes.wrap(blocks.body(blocks.hash(h.get())).orElseThrow().encode()));
        }
        return r.headers() ? new Message.Headers(r.id(), items) : new Message.Bodies(r.id(), items);
    }

    /** {@code h} with its first commit seal replaced by one {@code key} made over the same seal hash. */
    private static BlockHeader forge(BlockHeader h, KeyPair key) {
        List<Signature> seals = new ArrayList<>(BftExtraDataCodec.decode(h.extraData()).seals());
        seals.set(0, NodeServices.SUITE.sign(new QbftHashing(NodeServices.SUITE).commitSealHash(h).unsafeArray(), key));
        return QbftHashing.withSeals(h, seals);
    }

    /** How a test peer answers a range request: by calling {@code answer}, now or later. */
    @FunctionalInterface
    interface Server {
        void serve(Request request, Consumer<Message> answer);
    }

    /**
     * A peer of the test's own over a real P2P network, holding a member's key: it announces the honest node's head
     * (or {@code head}) in its hello and answers range requests as the test says, and records who cut it off.
     */
    static final class Peer implements AutoCloseable {
        final P2pNetwork network;

        private Peer(P2pNetwork network) {
            this.network = network;
        }

        static Peer start(KeyPair key, NodeServices honest, Set<Address> cutOffBy, Server server) {
            return start(key, honest, cutOffBy, -1, server);
        }

        static Peer start(KeyPair key, NodeServices honest, Set<Address> cutOffBy, long head, Server server) {
            AtomicReference<P2pNetwork> self = new AtomicReference<>();
            P2pListener listener = new P2pListener() {
                @Override
                public void onMessage(Address peer, Message message) {
                    Request r = switch (message) {
                        case Message.GetHeaders g -> new Request(g.requestId(), g.from(), g.count(), true);
                        case Message.GetBodies g -> new Request(g.requestId(), g.from(), g.count(), false);
                        default -> null;
                    };
                    if (r != null) {
                        long top = head >= 0 ? head : honest.head().number();
                        Request capped = new Request(r.id(), r.from(), (int) Math.max(0, Math.min(r.count(),
                                top - r.from() + 1)), r.headers());
                        server.serve(capped, answer -> self.get().send(peer, answer));
                    }
                }

                @Override
                public void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
                    if (byPeer && reason == DisconnectReason.BAD_MESSAGE)
                        cutOffBy.add(peer);
                }
            };
            var genesis = honest.blocks().hashOf(0).orElseThrow();
            P2pNetwork network = P2pNetwork.start(new P2pConfig(key, NodeServices.SUITE,
                    new InetSocketAddress("127.0.0.1", 0), NetworkInit.DEFAULT_CHAIN_ID, genesis, () -> {
                        long top = head >= 0 ? head : honest.head().number();
                        return new ChainHead(top, honest.blocks().hashOf(top).orElseThrow());
                    }, a -> true, List.of(), P2pLimits.DEFAULT, Clock.systemUTC(), new SecureRandom()), listener);
            self.set(network);
            return new Peer(network);
        }

        @Override
        public void close() {
            network.close();
        }
    }
}
