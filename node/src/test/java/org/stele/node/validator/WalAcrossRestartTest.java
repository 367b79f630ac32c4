package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.consensus.qbft.ProposerSelector;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.MessageCodec;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.QbftMessage;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.network.NetworkInit;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.ChainHead;
import org.stele.p2p.P2pConfig;
import org.stele.p2p.P2pLimits;
import org.stele.p2p.P2pListener;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.PeerEndpoint;
import org.stele.p2p.message.Message;

/**
 * A validator prepares the block proposed for height 1, round 0, is stopped and started again on the same data
 * directory (its file WAL on disk, RocksDB closed and reopened), and is then proposed a different block for the same
 * height and round: it signs nothing for it. The same validator with its WAL deleted does prepare the second block,
 * so it is the WAL that holds it to its word. The proposer is a peer of the test's own holding the proposer's key.
 */
class WalAcrossRestartTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aRestartedValidatorNeverSignsASecondBlockForARoundItPreparedBefore(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            List<Address> validators = net.files.stream().map(NetworkInit.NodeFiles::address).sorted().toList();
            // Long rounds, so the validator is still in round 0 whenever the test's proposals arrive, however slow
            // the machine: a refusal is then the WAL's doing, not a round that moved on.
            net.overrides.put("qbft-request-timeout", TextNode.valueOf("120s"));
            int v = 1;
            NetworkNode validator = net.start(v);
            BlockHeader genesis = validator.services().head();
            Address proposer = ProposerSelector.proposer(validators, genesis.coinbase(), 0);
            assertThat(proposer).isEqualTo(net.files.get(0).address()).isNotEqualTo(validator.address());
            KeyPair key = NodeKeyFile.load(net.files.get(0).dir().resolve("key"), Optional.empty());

            MessageCodec codec = new MessageCodec(NodeServices.SUITE);
            QbftHashing hashing = new QbftHashing(NodeServices.SUITE);
            long now = System.currentTimeMillis() / 1000;
            QbftBlock a = QbftBlocks.build(validator.services(), genesis, 0, now, proposer, validators);
            QbftBlock b = QbftBlocks.build(validator.services(), genesis, 0, now + 1, proposer, validators);
            Bytes32 digestA = hashing.blockHash(a.header());
            Bytes32 digestB = hashing.blockHash(b.header());
            assertThat(digestA).isNotEqualTo(digestB);
            MessageFactory signer = new MessageFactory(key, NodeServices.SUITE);

            List<QbftMessage> heard = new CopyOnWriteArrayList<>();
            P2pListener listener = new P2pListener() {
                @Override
                public void onMessage(Address peer, Message message) {
                    if (message instanceof Message.QbftMessage q)
                        try {
                            heard.add(codec.fromWire(q.payload().toArray()));
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                }
            };
            try (P2pNetwork fake = P2pNetwork.start(new P2pConfig(key, NodeServices.SUITE,
                    new InetSocketAddress("127.0.0.1", 0), NetworkInit.DEFAULT_CHAIN_ID,
                    validator.services().blocks().hash(genesis),
                    () -> new ChainHead(0, validator.services().blocks().hash(genesis)), p -> true, List.of(),
                    P2pLimits.DEFAULT, Clock.systemUTC(), new SecureRandom()), listener)) {
                connect(fake, net, v);
                send(fake, codec, net.nodes[v].address(), signer.proposal(1, 0, a, List.of(), List.of()));
                TestNetwork.await("its PREPARE for the first block", PATIENCE,
                        () -> signedFor(heard, digestA));

                // A real restart: the node closes its stores and WAL and opens them again from disk.
                net.stop(v);
                net.start(v);
                heard.clear();
                connect(fake, net, v);
                send(fake, codec, net.nodes[v].address(), signer.proposal(1, 0, b, List.of(), List.of()));
                Thread.sleep(1_000);
                // Still at height 1, round 0: the proposal was in time, and refused.
                assertThat(net.nodes[v].services().metrics().scrape()).contains("stele_qbft_height 1.0")
                        .contains("stele_qbft_round 0.0");
                assertThat(signedFor(heard, digestB)).as("a PREPARE or COMMIT for the second block").isFalse();

                // The control: the same validator without its WAL prepares the second block.
                net.stop(v);
                Files.delete(net.files.get(v).dir().resolve("data/qbft-wal"));
                net.start(v);
                heard.clear();
                connect(fake, net, v);
                send(fake, codec, net.nodes[v].address(), signer.proposal(1, 0, b, List.of(), List.of()));
                TestNetwork.await("a validator without its WAL preparing the second block", PATIENCE,
                        () -> signedFor(heard, digestB));
            }
        }
    }

    /** Whether the validator sent a PREPARE or COMMIT for height 1, round 0 and {@code digest}. */
    private static boolean signedFor(List<QbftMessage> heard, Bytes32 digest) {
        return heard.stream().anyMatch(m -> m.height() == 1 && m.round() == 0 && switch (m) {
            case Prepare p -> p.digest().equals(digest);
            case Commit c -> c.digest().equals(digest);
            default -> false;
        });
    }

    /** The test's proposer (re)connects to node {@code v}, on whatever port it listens now. */
    private static void connect(P2pNetwork fake, TestNetwork net, int v) throws InterruptedException {
        Address address = net.nodes[v].address();
        fake.removePeer(address);
        TestNetwork.await("the old connection gone", PATIENCE,
                () -> fake.peers().stream().noneMatch(p -> p.address().equals(address)));
        fake.addPeer(new PeerEndpoint(net.nodes[v].address(), "127.0.0.1", net.nodes[v].p2pAddress().getPort()));
        TestNetwork.await("the proposer connected", PATIENCE, () -> fake.peers().stream()
                .anyMatch(p -> p.address().equals(net.nodes[v].address())));
    }

    private static void send(P2pNetwork network, MessageCodec codec, Address to, QbftMessage m) {
        assertThat(network.send(to, new Message.QbftMessage(Bytes.wrap(codec.toWire(m))))).isTrue();
    }
}
