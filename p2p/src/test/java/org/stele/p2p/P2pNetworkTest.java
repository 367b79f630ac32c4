package org.stele.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.p2p.Recorder.Connected;
import org.stele.p2p.Recorder.Disconnected;
import org.stele.p2p.Recorder.Received;
import org.stele.p2p.Recorder.Refused;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;
import org.stele.p2p.message.Message.Bodies;
import org.stele.p2p.message.Message.GetBodies;
import org.stele.p2p.message.Message.GetHeaders;
import org.stele.p2p.message.Message.Headers;
import org.stele.p2p.message.Message.NewBlock;
import org.stele.p2p.message.Message.QbftMessage;
import org.stele.p2p.message.Message.Transactions;

/** Networks over real loopback sockets: connecting, admission, every message type, and the bounds. */
class P2pNetworkTest {
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeEverything() {
        nodes.close();
    }

    private record Pair(P2pNetwork a, P2pNetwork b, Recorder ra, Recorder rb) {}

    /** Two nodes that allow each other, a dialing b. */
    private Pair dialingPair() {
        KeyPair ka = TestNodes.newKey(), kb = TestNodes.newKey();
        Set<Address> both = Set.of(TestNodes.address(ka), TestNodes.address(kb));
        Recorder ra = new Recorder(), rb = new Recorder();
        P2pNetwork a = nodes.start(ka, both, ra), b = nodes.start(kb, both, rb);
        a.addPeer(TestNodes.endpoint(b));
        return new Pair(a, b, ra, rb);
    }

    /** {@link #dialingPair()} once both sides have seen the other connect. */
    private Pair connectedPair() {
        Pair p = dialingPair();
        p.ra().await(Connected.class);
        p.rb().await(Connected.class);
        return p;
    }

    /**
     * Node {@code a}, with {@code limits}, that admits one more key, {@code peerKey}: the key a test connects with as
     * a {@link RawPeer} speaking the protocol by hand.
     */
    private record Listener(P2pNetwork a, Recorder ra, KeyPair peerKey) {
        int port() {
            return a.listenAddress().getPort();
        }

        Address peer() {
            return TestNodes.address(peerKey);
        }
    }

    private Listener listener(P2pLimits limits) {
        KeyPair ka = TestNodes.newKey(), kb = TestNodes.newKey();
        Recorder ra = new Recorder();
        P2pNetwork a = nodes.start(ka, Set.of(TestNodes.address(ka), TestNodes.address(kb)), TestNodes.GENESIS,
                limits, ra);
        return new Listener(a, ra, kb);
    }

    /** The hello of a peer on this chain at genesis. */
    private static Message.Hello hello() {
        return new Message.Hello(P2pNetwork.PROTOCOL_VERSION, TestNodes.CHAIN_ID, TestNodes.GENESIS, 0,
                TestNodes.GENESIS);
    }

    /** A raw peer that has read the listener's hello, answered with its own, and been seen to connect. */
    private RawPeer joined(Listener l) throws Exception {
        RawPeer peer = RawPeer.connect(l.port(), l.peerKey(), nodes.clock);
        assertThat(peer.read()).get().isInstanceOf(Message.Hello.class);
        peer.send(hello());
        l.ra().await(Connected.class);
        return peer;
    }

    /** Limits under which a peer's queue holds 4 messages: a peer that does not read fills it soon. */
    private static final P2pLimits SMALL_QUEUE = new P2pLimits(2 * 1024 * 1024, 4, 2000, 4000, 2,
            Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(30), 1024, 1);

    /** One message of each type the node sends; {@code side} keeps the two directions' transactions apart. */
    private static List<Message> everyNodeMessage(int side) {
        return List.of(new QbftMessage(Bytes.fromHex("0xf86a0102")),
                new Transactions(List.of(Bytes.fromHex("0x02f8aa0" + side), Bytes.fromHex("0xf86b010" + side))),
                new NewBlock(8, Bytes32.fromHex("0x" + "33".repeat(32))), new GetHeaders(1, 5, 3),
                new Headers(1, List.of(Bytes.fromHex("0xf90200"), Bytes.fromHex("0xf90201"))), new GetBodies(2, 5, 1),
                new Bodies(2, List.of(Bytes.fromHex("0xc2c0c0"))),
                new Message.TransactionHashes(List.of(Bytes32.fromHex("0x" + "4" + side
                        + "44".repeat(31)))),
                new Message.GetTransactions(List.of(Bytes32.fromHex("0x" + "55".repeat(31) + "5" + side))));
    }

    @Test
    void twoNodesConnectAndExchangeEveryMessageTypeInBothDirections() {
        Pair p = dialingPair();
        P2pNetwork a = p.a(), b = p.b();
        Recorder ra = p.ra(), rb = p.rb();

        PeerInfo bSeenByA = ra.await(Connected.class).peer();
        PeerInfo aSeenByB = rb.await(Connected.class).peer();
        assertThat(bSeenByA.address()).isEqualTo(b.self());
        assertThat(bSeenByA.outbound()).isTrue();
        assertThat(aSeenByB.address()).isEqualTo(a.self());
        assertThat(aSeenByB.hello().headNumber()).isEqualTo(TestNodes.HEAD.number());
        assertThat(aSeenByB.hello().genesisHash()).isEqualTo(TestNodes.GENESIS);

        for (Message m : everyNodeMessage(0))
            assertThat(a.send(b.self(), m)).isTrue();
        for (Message m : everyNodeMessage(1))
            assertThat(b.send(a.self(), m)).isTrue();
        for (Message m : everyNodeMessage(0))
            assertThat(rb.await(Received.class)).isEqualTo(new Received(a.self(), m));
        for (Message m : everyNodeMessage(1))
            assertThat(ra.await(Received.class)).isEqualTo(new Received(b.self(), m));
    }

    @Test
    void transactionsCrossEachLinkOnceWhileTheirHashesAreRemembered() {
        Pair p = connectedPair();
        P2pNetwork a = p.a(), b = p.b();
        Recorder ra = p.ra(), rb = p.rb();
        Bytes t1 = Bytes.fromHex("0x01"), t2 = Bytes.fromHex("0x02"), t3 = Bytes.fromHex("0x03");

        a.send(b.self(), new Transactions(List.of(t1, t2)));
        a.broadcast(new Transactions(List.of(t2, t3))); // b already has t2 from a
        assertThat(rb.await(Received.class).message()).isEqualTo(new Transactions(List.of(t1, t2)));
        assertThat(rb.await(Received.class).message()).isEqualTo(new Transactions(List.of(t3)));
        // each batch comes with the hashes the network computed, so the node need not hash the transactions again
        assertThat(rb.await(Recorder.Hashed.class).hashes()).containsExactly(hash(t1), hash(t2));
        assertThat(rb.await(Recorder.Hashed.class).hashes()).containsExactly(hash(t3));

        b.broadcast(new Transactions(List.of(t1))); // a sent t1, so b knows a has it: nothing goes out
        b.send(a.self(), new QbftMessage(Bytes.fromHex("0xaa"))); // a marker behind which nothing else may arrive
        assertThat(ra.await(Received.class).message()).isEqualTo(new QbftMessage(Bytes.fromHex("0xaa")));
        assertThat(ra.drained(Received.class)).isEmpty();
    }

    @Test
    void announcedHashesCrossEachLinkOnceAndTheTransactionsAskedForArriveThoughTheAnnouncementMadeThemKnown() {
        Pair p = connectedPair();
        P2pNetwork a = p.a(), b = p.b();
        Recorder ra = p.ra(), rb = p.rb();
        Bytes t1 = Bytes.fromHex("0x01"), t2 = Bytes.fromHex("0x02");
        Bytes32 h1 = hash(t1), h2 = hash(t2);

        assertThat(a.announceTransactions(List.of(h1, h2))).isEqualTo(1);
        assertThat(rb.await(Received.class).message()).isEqualTo(new Message.TransactionHashes(List.of(h1, h2)));
        a.announceTransactions(List.of(h2)); // b was told of h2: nothing goes out
        a.broadcastTransactions(List.of(t1), List.of(h1)); // nor does t1 in full
        b.announceTransactions(List.of(h1)); // a told b of h1, so b knows a has it
        b.send(a.self(), new Message.GetTransactions(List.of(h1)));
        assertThat(ra.await(Received.class).message()).isEqualTo(new Message.GetTransactions(List.of(h1)));
        assertThat(ra.drained(Received.class)).isEmpty();

        assertThat(a.sendRequested(b.self(), List.of(t1), List.of(h1))).isTrue();
        assertThat(rb.await(Received.class).message()).isEqualTo(new Transactions(List.of(t1)));
        // Asked for once: a second copy of t1 from a is a duplicate again, and t2 was never asked for.
        a.sendRequested(b.self(), List.of(t1, t2), List.of(h1, h2));
        a.send(b.self(), new QbftMessage(Bytes.fromHex("0xaa")));
        assertThat(rb.await(Received.class).message()).isEqualTo(new QbftMessage(Bytes.fromHex("0xaa")));
        assertThat(rb.drained(Received.class)).isEmpty();
    }

    private static Bytes32 hash(Bytes transaction) {
        return Bytes32.wrap(org.stele.common.crypto.Secp256k1KeccakSuite.instance().hash(transaction.toArray()));
    }

    @Test
    void fourNodesDialingEachOtherAtOnceEachSeeThreePeersOnceAndBroadcastReachesAll() {
        List<KeyPair> keys = List.of(TestNodes.newKey(), TestNodes.newKey(), TestNodes.newKey(), TestNodes.newKey());
        Set<Address> all = new HashSet<>();
        keys.forEach(k -> all.add(TestNodes.address(k)));
        List<Recorder> recorders = new ArrayList<>();
        List<P2pNetwork> networks = new ArrayList<>();
        for (KeyPair k : keys) {
            Recorder r = new Recorder();
            recorders.add(r);
            networks.add(nodes.start(k, all, r));
        }
        for (P2pNetwork n : networks)
            for (P2pNetwork other : networks)
                if (n != other)
                    n.addPeer(TestNodes.endpoint(other));
        for (Recorder r : recorders)
            for (int i = 0; i < 3; i++)
                r.await(Connected.class);

        for (int i = 0; i < 4; i++)
            assertThat(networks.get(i).broadcast(new QbftMessage(Bytes.of((byte) i)))).isEqualTo(3);
        for (int i = 0; i < 4; i++) {
            Set<Address> senders = new HashSet<>();
            for (int j = 0; j < 3; j++) {
                Received got = recorders.get(i).await(Received.class);
                assertThat(got.message()).isEqualTo(new QbftMessage(Bytes.of((byte) networks.indexOf(
                        networks.stream().filter(n -> n.self().equals(got.peer())).findFirst().orElseThrow()))));
                senders.add(got.peer());
            }
            assertThat(senders).hasSize(3).doesNotContain(networks.get(i).self());
            assertThat(networks.get(i).peers()).hasSize(3);
            // Simultaneous dials gave some pairs two connections, yet each node saw each peer connect once.
            assertThat(recorders.get(i).drained(Connected.class)).isEmpty();
            assertThat(recorders.get(i).drained(Disconnected.class)).isEmpty();
        }
    }

    @Test
    void anUnknownNodeIsRefusedDuringTheHandshake() {
        KeyPair ka = TestNodes.newKey(), stranger = TestNodes.newKey();
        Recorder ra = new Recorder(), rs = new Recorder();
        P2pNetwork a = nodes.start(ka, Set.of(TestNodes.address(ka)), ra);
        P2pNetwork s = nodes.start(stranger, Set.of(TestNodes.address(ka), TestNodes.address(stranger)), rs);
        s.addPeer(TestNodes.endpoint(a));

        assertThat(ra.await(Refused.class).reason()).contains("not on the allowlist")
                .contains(TestNodes.address(stranger).toChecksumHex());
        rs.await(Refused.class);
        assertThat(ra.drained(Connected.class)).isEmpty();
        assertThat(rs.drained(Connected.class)).isEmpty();
        assertThat(a.peers()).isEmpty();
    }

    @Test
    void dialingAnEndpointThatProvesAnotherAddressIsRefused() {
        KeyPair ka = TestNodes.newKey(), kb = TestNodes.newKey(), kc = TestNodes.newKey();
        Set<Address> all = Set.of(TestNodes.address(ka), TestNodes.address(kb), TestNodes.address(kc));
        Recorder ra = new Recorder(), rb = new Recorder();
        P2pNetwork a = nodes.start(ka, all, ra), b = nodes.start(kb, all, rb);
        a.addPeer(new PeerEndpoint(TestNodes.address(kc), "127.0.0.1", b.listenAddress().getPort()));

        assertThat(ra.await(Refused.class).reason()).contains("peer is " + b.self().toChecksumHex())
                .contains("expected " + TestNodes.address(kc).toChecksumHex());
        assertThat(a.peers()).isEmpty();
        assertThat(rb.drained(Connected.class)).isEmpty();
    }

    @Test
    void aCertificateWhoseBindingSignatureCoversAnotherKeyIsRefused() throws Exception {
        KeyPair ka = TestNodes.newKey(), kb = TestNodes.newKey();
        Recorder ra = new Recorder();
        P2pNetwork a = nodes.start(ka, Set.of(TestNodes.address(ka), TestNodes.address(kb)), ra);
        assertThat(RawPeer.isRefusedWithForgedBinding(a.listenAddress().getPort(), kb, nodes.clock)).isTrue();
        assertThat(ra.await(Refused.class).reason()).contains("does not bind the session key");
        assertThat(a.peers()).isEmpty();
    }

    @Test
    void aHelloWithAnotherGenesisDisconnectsBothSidesWithTheReason() {
        KeyPair ka = TestNodes.newKey(), kb = TestNodes.newKey();
        Set<Address> both = Set.of(TestNodes.address(ka), TestNodes.address(kb));
        Recorder ra = new Recorder(), rb = new Recorder();
        P2pNetwork a = nodes.start(ka, both, ra);
        P2pNetwork b = nodes.start(kb, both, Bytes32.fromHex("0x" + "99".repeat(32)), P2pLimits.DEFAULT, rb);
        a.addPeer(TestNodes.endpoint(b));

        assertThat(ra.await(Refused.class).reason()).contains("WRONG_GENESIS");
        assertThat(rb.await(Refused.class).reason()).contains("WRONG_GENESIS");
        assertThat(ra.drained(Connected.class)).isEmpty();
        assertThat(rb.drained(Connected.class)).isEmpty();
    }

    @Test
    void aHelloWithAnotherChainIdIsRefusedWithTheReasonButIsNoStrike() throws Exception {
        Listener l = listener(P2pLimits.DEFAULT.withBans(1, Duration.ofMinutes(5)));
        for (int attempt = 0; attempt < 3; attempt++) { // a ban would refuse the second attempt in the handshake
            try (RawPeer peer = RawPeer.connect(l.port(), l.peerKey(), nodes.clock)) {
                assertThat(peer.read()).get().isInstanceOf(Message.Hello.class);
                peer.send(new Message.Hello(P2pNetwork.PROTOCOL_VERSION, TestNodes.CHAIN_ID + 1, TestNodes.GENESIS,
                        0, TestNodes.GENESIS));
                Message.Disconnect d = (Message.Disconnect) peer.read().orElseThrow();
                assertThat(d.reason()).isEqualTo(DisconnectReason.WRONG_CHAIN);
                assertThat(d.detail()).contains("chain id " + (TestNodes.CHAIN_ID + 1));
            }
            assertThat(l.ra().await(Refused.class).reason()).contains("WRONG_CHAIN");
        }
    }

    @Test
    void messagesToAPeerThatDoesNotReadAreDroppedOnceItsQueueIsFull() throws Exception {
        Listener l = listener(SMALL_QUEUE);
        P2pNetwork a = l.a();
        try (RawPeer stalled = joined(l)) {
            var big = new QbftMessage(Bytes.wrap(new byte[1024 * 1024]));
            int accepted = 0, dropped = 0;
            for (int i = 0; i < 64; i++) // 64 MiB: more than loopback socket buffers hold
                if (a.send(l.peer(), big))
                    accepted++;
                else
                dropped++;
            assertThat(dropped).isPositive();
            assertThat(accepted).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void transactionsAndAnnouncementsDroppedByAFullQueueAreOfferedAgainOnceItDrains() throws Exception {
        Listener l = listener(SMALL_QUEUE);
        P2pNetwork a = l.a();
        Address b = l.peer();
        Bytes t1 = Bytes.fromHex("0x01"), t2 = Bytes.fromHex("0x02");
        Bytes32 h1 = hash(t1), h2 = hash(t2);
        try (RawPeer stalled = joined(l)) {
            var big = new QbftMessage(Bytes.wrap(new byte[1024 * 1024]));
            int accepted = 0;
            while (a.send(b, big)) // until the peer, which does not read, has a full queue
                accepted++;

            assertThat(a.broadcastTransactions(List.of(t1), List.of(h1))).isZero();
            assertThat(a.announceTransactions(List.of(h2))).isZero();
            for (int i = 0; i < accepted; i++) // the peer reads what was queued: the queue drains
                assertThat(stalled.read()).contains(big);

            // Dropped, not sent: the peer does not have them, so they go out when offered again.
            awaitSent(() -> a.broadcastTransactions(List.of(t1), List.of(h1)));
            assertThat(a.announceTransactions(List.of(h2))).isEqualTo(1);
            assertThat(stalled.read()).contains(new Transactions(List.of(t1)));
            assertThat(stalled.read()).contains(new Message.TransactionHashes(List.of(h2)));
        }
    }

    /** Retries {@code send} (answering how many peers took it) until one peer took it, for the queue to drain. */
    private static void awaitSent(java.util.function.IntSupplier send) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (send.getAsInt() == 0) {
            assertThat(System.nanoTime()).as("the queue drains").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void garbageFramesCostTheConnectionAndARepeatBansUntilTheBanExpires() throws Exception {
        Duration ban = Duration.ofMinutes(5);
        Listener l = listener(P2pLimits.DEFAULT.withBans(2, ban));
        Recorder ra = l.ra();
        KeyPair kb = l.peerKey();
        int port = l.port();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (RawPeer peer = RawPeer.connect(port, kb, nodes.clock)) {
                assertThat(peer.read()).get().isInstanceOf(Message.Hello.class);
                if (attempt == 0)
                    peer.sendFrame(new byte[]{(byte) 0xff, 0x01, 0x02}); // an unknown type, and no RLP list
                else
                    peer.sendFrame(new byte[0]); // an empty payload
                assertThat(peer.read()).get().isInstanceOf(Message.Disconnect.class).extracting(
                        m -> ((Message.Disconnect) m).reason()).isEqualTo(DisconnectReason.MALFORMED_MESSAGE);
                assertThat(peer.read()).isEmpty();
            }
            assertThat(ra.await(Refused.class).reason()).contains("MALFORMED_MESSAGE");
        }
        assertThat(RawPeer.isRefused(port, kb, nodes.clock)).isTrue();
        assertThat(ra.await(Refused.class).reason()).contains("is banned until");

        nodes.clock.advance(ban.plusSeconds(1));
        try (RawPeer peer = RawPeer.connect(port, kb, nodes.clock)) {
            assertThat(peer.read()).get().isInstanceOf(Message.Hello.class);
        }
    }

    @Test
    void anOversizedFrameCostsTheConnectionAndARepeatBans() throws Exception {
        Listener l = listener(P2pLimits.DEFAULT.withMaxFrameBytes(4096));
        Recorder ra = l.ra();
        KeyPair kb = l.peerKey();
        int port = l.port();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (RawPeer peer = joined(l)) {
                peer.sendOversizedHeader(4097);
                assertThat(peer.read()).get().extracting(m -> ((Message.Disconnect) m).reason())
                        .isEqualTo(DisconnectReason.OVERSIZED_FRAME);
            }
            assertThat(ra.await(Disconnected.class).reason()).isEqualTo(DisconnectReason.OVERSIZED_FRAME);
        }
        assertThat(RawPeer.isRefused(port, kb, nodes.clock)).isTrue();
        assertThat(ra.await(Refused.class).reason()).contains("is banned until");
    }

    @Test
    void aPeerSendingFasterThanItsRateIsDisconnected() throws Exception {
        Listener l = listener(P2pLimits.DEFAULT.withInbound(1, 4));
        Recorder ra = l.ra();
        try (RawPeer peer = RawPeer.connect(l.port(), l.peerKey(), nodes.clock)) {
            peer.read();
            // The clock stands still: the burst of 4 (hello included) is all there is.
            peer.send(hello(), new NewBlock(0, TestNodes.GENESIS), new NewBlock(1, TestNodes.GENESIS),
                    new NewBlock(2, TestNodes.GENESIS), new NewBlock(3, TestNodes.GENESIS),
                    new NewBlock(4, TestNodes.GENESIS));
            assertThat(ra.await(Disconnected.class).reason()).isEqualTo(DisconnectReason.RATE_LIMITED);
        }
        assertThat(ra.drained(Received.class)).hasSize(3);
    }

    @Test
    void aStaticPeerIsRedialedWhenItComesBack() {
        KeyPair ka = TestNodes.newKey(), kb = TestNodes.newKey();
        Set<Address> both = Set.of(TestNodes.address(ka), TestNodes.address(kb));
        Recorder ra = new Recorder();
        P2pNetwork a = nodes.start(ka, both, ra);
        P2pNetwork b = nodes.start(kb, both, new Recorder());
        int port = b.listenAddress().getPort();
        a.addPeer(TestNodes.endpoint(b));
        ra.await(Connected.class);

        b.close();
        assertThat(ra.await(Disconnected.class).reason()).isEqualTo(DisconnectReason.SHUTTING_DOWN);
        Recorder rb2 = new Recorder();
        nodes.start(kb, both, TestNodes.GENESIS, P2pLimits.DEFAULT, rb2, port);
        assertThat(ra.await(Connected.class).peer().address()).isEqualTo(TestNodes.address(kb));
        rb2.await(Connected.class);
    }

    @Test
    void aPeerTheNodeFindsMisbehavingIsDisconnectedAndARepeatBansIt() {
        Pair p = dialingPair();
        P2pNetwork a = p.a(), b = p.b();
        Recorder ra = p.ra(), rb = p.rb();
        for (int strike = 0; strike < 2; strike++) {
            ra.await(Connected.class);
            a.misbehaved(b.self(), "QBFT message with a bad signature");
            assertThat(ra.await(Disconnected.class).reason()).isEqualTo(DisconnectReason.BAD_MESSAGE);
            Disconnected atB = rb.await(Disconnected.class);
            assertThat(atB.reason()).isEqualTo(DisconnectReason.BAD_MESSAGE);
            assertThat(atB.byPeer()).isTrue();
        }
        // a keeps redialing its static peer b, and now refuses it in the handshake itself.
        assertThat(ra.await(Refused.class).reason()).contains("is banned until");
    }

    @Test
    void peersRemovedFromTheAllowlistAreDisconnectedWhenItIsEnforced() {
        KeyPair ka = TestNodes.newKey(), kb = TestNodes.newKey();
        Set<Address> allowedByA = java.util.concurrent.ConcurrentHashMap.newKeySet();
        allowedByA.addAll(Set.of(TestNodes.address(ka), TestNodes.address(kb)));
        Recorder ra = new Recorder(), rb = new Recorder();
        P2pNetwork a = nodes.start(ka, allowedByA::contains, TestNodes.GENESIS, P2pLimits.DEFAULT, ra, 0);
        P2pNetwork b = nodes.start(kb, Set.of(TestNodes.address(ka), TestNodes.address(kb)), rb);
        b.addPeer(TestNodes.endpoint(a));
        ra.await(Connected.class);
        assertThat(a.enforceAllowlist()).isZero();
        allowedByA.remove(b.self());
        assertThat(a.enforceAllowlist()).isEqualTo(1);
        assertThat(ra.await(Disconnected.class).reason()).isEqualTo(DisconnectReason.NOT_ALLOWED);
        assertThat(ra.await(Refused.class).reason()).contains("not on the allowlist"); // b's redial
    }

    @Test
    void sessionMessagesCannotBeSentByTheNode() {
        KeyPair ka = TestNodes.newKey();
        P2pNetwork a = nodes.start(ka, Set.of(TestNodes.address(ka)), new Recorder());
        assertThatThrownBy(() -> a.broadcast(new Message.Disconnect(DisconnectReason.REQUESTED, "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(a.send(TestNodes.address(TestNodes.newKey()), new NewBlock(1, TestNodes.GENESIS))).isFalse();
    }
}
