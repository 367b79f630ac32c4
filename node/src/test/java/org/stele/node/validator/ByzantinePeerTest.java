package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.BaseFee;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.ChainHead;
import org.stele.p2p.P2pConfig;
import org.stele.p2p.P2pLimits;
import org.stele.p2p.P2pListener;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;

/**
 * Three honest validators and a fourth whose key a Byzantine peer holds: it serves a block with too few seals and
 * sends frames that are not QBFT messages. Each honest node cuts it off, and the three go on finalising blocks.
 */
class ByzantinePeerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void aPeerServingABadSealOrGarbageIsCutOffAndTheChainGoesOn(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            for (int i = 0; i < 3; i++)
                net.start(i);
            for (int i = 0; i < 3; i++)
                net.connect(i);
            KeyPair key = NodeKeyFile.load(net.files.get(3).dir().resolve("key"), Optional.empty());
            Set<Address> cutOffBy = ConcurrentHashMap.newKeySet();
            NodeServices honest = net.nodes[0].services();
            AtomicReference<P2pNetwork> self = new AtomicReference<>();
            P2pListener byzantine = new P2pListener() {
                @Override
                public void onMessage(Address peer, Message message) {
                    forged(honest, key, message).ifPresent(reply -> self.get().send(peer, reply));
                }

                @Override
                public void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
                    if (byPeer && reason == DisconnectReason.BAD_MESSAGE)
                        cutOffBy.add(peer);
                }
            };
            BlockHeader genesis = honest.head();
            P2pNetwork fake = P2pNetwork.start(new P2pConfig(key, NodeServices.SUITE,
                    new InetSocketAddress("127.0.0.1", 0), 1337, honest.blocks().hash(genesis),
                    () -> new ChainHead(0, honest.blocks().hash(genesis)), a -> true, List.of(), P2pLimits.DEFAULT,
                    Clock.systemUTC(), new SecureRandom()), byzantine);
            self.set(fake);
            try {
                for (int i = 0; i < 3; i++)
                    fake.addPeer(net.endpoint(i));
                TestNetwork.await("the Byzantine peer connected", PATIENCE, () -> fake.peers().size() == 3);

                // A block far ahead: node 1 asks for it and is served one sealed by this key alone.
                fake.send(net.nodes[0].address(), new Message.NewBlock(honest.head().number() + 50, Bytes32.ZERO));
                TestNetwork.await("node 1 refusing the badly sealed block", PATIENCE,
                        () -> cutOffBy.contains(net.nodes[0].address()));

                TestNetwork.await("reconnected to nodes 2 and 3", PATIENCE,
                        () -> fake.peers().stream().filter(p -> !p.address().equals(net.nodes[0].address()))
                                .count() == 2);
                fake.broadcast(new Message.QbftMessage(Bytes.fromHex("0x12c0ffee")));
                TestNetwork.await("nodes 2 and 3 refusing a garbage frame", PATIENCE,
                        () -> cutOffBy.contains(net.nodes[1].address()) && cutOffBy.contains(net.nodes[2].address()));

                long now = net.head(0);
                net.awaitHeads(now + 3, PATIENCE, 0, 1, 2);
                NetworkNodeTest.assertAgreeOnEveryBlock(net, 0, 1, 2);
                assertThat(honest.head().number()).isGreaterThanOrEqualTo(now + 3);
            } finally {
                fake.close();
            }
        }
    }

    /** Answers a range request with a child of the requester's block {@code from - 1}, sealed by {@code key} only. */
    private static Optional<Message> forged(NodeServices honest, KeyPair key, Message request) {
        long from;
        long id;
        boolean headers;
        switch (request) {
            case Message.GetHeaders g -> {
                from = g.from();
                id = g.requestId();
                headers = true;
            }
            case Message.GetBodies g -> {
                from = g.from();
                id = g.requestId();
                headers = false;
            }
            default -> {
                return Optional.empty();
            }
        }
        BlockBody body = new BlockBody(List.of(), List.of(), Optional.of(List.of()));
        if (!headers)
            return Optional.of(new Message.Bodies(id, List.of(Bytes.wrap(body.encode()))));
        BlockHeader parent = honest.blocks().header(from - 1).orElseThrow();
        BlockHeader child = parent.toBuilder().number(from).parentHash(honest.blocks().hash(parent))
                .timestamp(parent.timestamp() + 1).gasUsed(0).baseFeePerGas(BaseFee.next(parent))
                .coinbase(NodeServices.SUITE.address(key.publicKey()))
                .extraData(BftExtraDataCodec.encode(
                        BftExtraDataCodec.decode(parent.extraData()).withRound(0).withSeals(List.of())))
                .build();
        QbftHashing hashing = new QbftHashing(NodeServices.SUITE);
        BlockHeader sealed = QbftHashing.withSeals(child,
                List.of(NodeServices.SUITE.sign(hashing.commitSealHash(child).unsafeArray(), key)));
        return Optional.of(new Message.Headers(id, List.of(Bytes.wrap(sealed.encode()))));
    }
}
