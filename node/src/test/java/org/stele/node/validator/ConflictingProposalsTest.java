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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.consensus.qbft.ProposerSelector;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.message.MessageCodec;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.consensus.qbft.message.QbftMessage;
import org.stele.node.keys.NodeKeyFile;
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
 * A Byzantine validator, proposer of a height, proposes one block to node 1 and a different one to nodes 2 and 3 (and
 * the second one to node 1 as well), and prepares each where it sent it. Node 1, holding both signed proposals, cuts
 * it off; the three honest nodes finalise one block at that height between them and go on, with no fork.
 */
class ConflictingProposalsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void aProposerSendingTwoBlocksForOneRoundIsCutOffAndTheHonestNodesAgree(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            for (int i = 0; i < 3; i++)
                net.start(i);
            for (int i = 0; i < 3; i++)
                net.connect(i);
            KeyPair key = NodeKeyFile.load(net.files.get(3).dir().resolve("key"), Optional.empty());
            Address byzantine = NodeServices.SUITE.address(key.publicKey());
            List<Address> validators = net.files.stream().map(NetworkInit.NodeFiles::address).sorted().toList();
            NodeServices honest = net.nodes[0].services();
            Set<Address> cutOffBy = ConcurrentHashMap.newKeySet();
            P2pListener listener = new P2pListener() {
                @Override
                public void onMessage(Address peer, Message message) {
                }

                @Override
                public void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
                    if (byPeer && reason == DisconnectReason.BAD_MESSAGE)
                        cutOffBy.add(peer);
                }
            };
            BlockHeader genesis = honest.blocks().header(0).orElseThrow();
            try (P2pNetwork fake = P2pNetwork.start(new P2pConfig(key, NodeServices.SUITE,
                    new InetSocketAddress("127.0.0.1", 0), NetworkInit.DEFAULT_CHAIN_ID, honest.blocks().hash(genesis),
                    () -> new ChainHead(0, honest.blocks().hash(genesis)), a -> true, List.of(), P2pLimits.DEFAULT,
                    Clock.systemUTC(), new SecureRandom()), listener)) {
                for (int i = 0; i < 3; i++)
                    fake.addPeer(net.endpoint(i));
                TestNetwork.await("the Byzantine validator connected", PATIENCE, () -> fake.peers().size() == 3);

                // Wait for a head whose child the Byzantine validator proposes in round 0.
                BlockHeader parent = null;
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (parent == null && System.nanoTime() < deadline) {
                    BlockHeader head = honest.head();
                    if (ProposerSelector.proposer(validators, head.coinbase(), 0).equals(byzantine))
                        parent = head;
                    else
                        Thread.sleep(5);
                }
                assertThat(parent).as("a height the Byzantine validator proposes").isNotNull();
                long height = parent.number() + 1;
                long now = System.currentTimeMillis() / 1000;
                QbftBlock a = QbftBlocks.build(honest, parent, 0, now, byzantine, validators);
                QbftBlock b = QbftBlocks.build(honest, parent, 0, Math.max(now, parent.timestamp() + 1) + 1, byzantine,
                        validators);
                QbftHashing hashing = new QbftHashing(NodeServices.SUITE);
                assertThat(hashing.blockHash(a.header())).isNotEqualTo(hashing.blockHash(b.header()));
                MessageFactory signer = new MessageFactory(key, NodeServices.SUITE);
                MessageCodec codec = new MessageCodec(NodeServices.SUITE);
                Address one = net.nodes[0].address();
                send(fake, codec, one, signer.proposal(height, 0, a, List.of(), List.of()));
                send(fake, codec, one, signer.prepare(height, 0, hashing.blockHash(a.header())));
                for (int i = 1; i < 3; i++) {
                    send(fake, codec, net.nodes[i].address(), signer.proposal(height, 0, b, List.of(), List.of()));
                    send(fake, codec, net.nodes[i].address(), signer.prepare(height, 0, hashing.blockHash(b.header())));
                }
                send(fake, codec, one, signer.proposal(height, 0, b, List.of(), List.of()));

                TestNetwork.await("node 1 cutting off the equivocating proposer", PATIENCE,
                        () -> cutOffBy.contains(one));
                net.awaitHeads(height + 2, PATIENCE, 0, 1, 2);
                NetworkNodeTest.assertAgreeOnEveryBlock(net, 0, 1, 2);
            }
        }
    }

    private static void send(P2pNetwork network, MessageCodec codec, Address to, QbftMessage m) {
        assertThat(network.send(to, new Message.QbftMessage(Bytes.wrap(codec.toWire(m))))).isTrue();
    }
}
