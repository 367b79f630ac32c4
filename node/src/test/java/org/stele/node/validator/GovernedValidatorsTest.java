package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.node.wiring.NodeServices.SUITE;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.governance.GovernanceCalls;
import org.stele.governance.GovernanceState;
import org.stele.governance.SystemContract;
import org.stele.node.keys.NodeKeyFile;

/**
 * The validator set is chain state: four validators (each a governor of weight 1, thresholds 67%) vote a fifth node
 * in, over real sockets; from the block after the vote every node counts it, it signs, and the network then needs its
 * seal (a quorum of 4 of 5) to go on when one of the first four stops.
 */
class GovernedValidatorsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Transaction tx(KeyPair key, long nonce, Bytes data) {
        return new FeeMarketTransaction(BigInteger.valueOf(1337), nonce, BigInteger.valueOf(1_000_000_000L),
                BigInteger.valueOf(20_000_000_000L), 1_000_000, Optional.of(SystemContract.COMMITTEE.address()),
                BigInteger.ZERO, data, List.of(), TransactionSignature.UNSIGNED).sign(key, SUITE);
    }

    private static void send(NetworkNode node, Transaction tx) throws InterruptedException {
        node.services().pool().add(tx, tx.hash(SUITE), tx.sender(SUITE));
        TestNetwork.await("transaction " + tx.hash(SUITE) + " final", PATIENCE,
                () -> node.services().blocks().transactionLocation(tx.hash(SUITE)).isPresent());
    }

    @Test
    void fourGovernorsAddAFifthValidatorWhichThenSignsAndIsNeededForTheQuorum(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            Path memberDir = dir.resolve("member");
            KeyPair memberKey = SUITE.generateKeyPair(new java.security.SecureRandom(new byte[]{9}));
            NodeKeyFile.write(memberDir.resolve("key"), memberKey, Optional.empty(),
                    org.stele.node.keys.Web3Keystore.Params.STANDARD, new java.security.SecureRandom());
            Files.writeString(memberDir.resolve("node.toml"), "");
            Address member = SUITE.address(memberKey.publicKey());
            List<String> members = List.of(member.toHex());
            for (int i = 0; i < 4; i++)
                net.start(i, members);
            for (int i = 0; i < 4; i++)
                net.connect(i);
            try (NetworkNode fifth = NetworkNode.start(net.config(memberDir, members))) {
                for (int i = 0; i < 4; i++)
                    fifth.network().addPeer(net.endpoint(i));
                net.awaitHeads(2, PATIENCE, 0, 1, 2, 3);
                assertThat(fifth.isValidator()).isFalse();
                KeyPair[] governors = new KeyPair[4];
                for (int i = 0; i < 4; i++)
                    governors[i] = NodeKeyFile.load(net.files.get(i).dir().resolve("key"), Optional.empty());

                send(net.nodes[0], tx(governors[0], 0, GovernanceCalls.propose(SystemContract.VALIDATORS.address(),
                        GovernanceCalls.addValidator(member), "add the fifth node")));
                send(net.nodes[0], tx(governors[0], 1, GovernanceCalls.vote(1, true)));
                send(net.nodes[1], tx(governors[1], 0, GovernanceCalls.vote(1, true)));
                assertThat(new GovernanceState(net.nodes[0].services().stateAfter(net.nodes[0].services().head()))
                        .validators()).as("two of four voted: 50% is under 67%").hasSize(4);
                send(net.nodes[2], tx(governors[2], 0, GovernanceCalls.vote(1, true)));

                TestNetwork.await("the fifth node a validator", PATIENCE, fifth::isValidator);
                long changed = net.head(0);
                net.awaitHeads(changed + 2, PATIENCE, 0, 1, 2, 3);
                BlockHeader after = net.nodes[0].services().blocks()
                        .hashOf(changed + 2).flatMap(net.nodes[0].services().blocks()::header).orElseThrow();
                assertThat(BftExtraDataCodec.decode(after.extraData()).validators()).hasSize(5).contains(member);

                net.stop(3);
                long before = net.head(0);
                net.awaitHeads(before + 3, PATIENCE, 0, 1, 2);
                TestNetwork.await("the fifth node following", PATIENCE,
                        () -> fifth.services().head().number() >= before + 3);
                NetworkNodeTest.assertAgreeOnEveryBlock(net, 0, 1, 2);
            }
        }
    }

    /**
     * Proposal {@code id} (the governors' {@code id}-th) of {@code data} to {@code target}, voted in by three of four.
     */
    private static void decide(TestNetwork net, KeyPair[] governors, long[] nonces, long id, Address target,
            Bytes data) throws InterruptedException {
        send(net.nodes[0], tx(governors[0], nonces[0]++, GovernanceCalls.propose(target, data, "proposal " + id)));
        for (int i = 0; i < 3; i++)
            send(net.nodes[i], tx(governors[i], nonces[i]++, GovernanceCalls.vote(id, true)));
    }

    @Test
    void aNodeTheCommitteeAdmitsConnectsAndOnceRemovedIsDisconnectedAndCannotReconnect(@TempDir Path dir)
            throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            Path memberDir = dir.resolve("member");
            KeyPair memberKey = SUITE.generateKeyPair(new java.security.SecureRandom(new byte[]{11}));
            NodeKeyFile.write(memberDir.resolve("key"), memberKey, Optional.empty(),
                    org.stele.node.keys.Web3Keystore.Params.STANDARD, new java.security.SecureRandom());
            Files.writeString(memberDir.resolve("node.toml"), "");
            Address member = SUITE.address(memberKey.publicKey());
            net.startAll();
            net.awaitHeads(2, PATIENCE, 0, 1, 2, 3);
            KeyPair[] governors = new KeyPair[4];
            for (int i = 0; i < 4; i++)
                governors[i] = NodeKeyFile.load(net.files.get(i).dir().resolve("key"), Optional.empty());
            long[] nonces = new long[4];
            try (NetworkNode outsider = NetworkNode.start(net.config(memberDir, List.of()))) {
                outsider.network().addPeer(net.endpoint(0));
                Thread.sleep(1000);
                assertThat(net.nodes[0].network().peers()).as("not admitted yet").noneMatch(
                        p -> p.address().equals(member));
            }

            decide(net, governors, nonces, 1, SystemContract.NODE_ALLOWLIST.address(),
                    GovernanceCalls.admitNode(member));
            try (NetworkNode admitted = NetworkNode.start(net.config(memberDir, List.of()))) {
                admitted.network().addPeer(net.endpoint(0));
                TestNetwork.await("the admitted node connected and following", PATIENCE,
                        () -> admitted.services().head().number() >= net.head(0) - 1
                                && admitted.network().peers().size() == 1);

                decide(net, governors, nonces, 2, SystemContract.NODE_ALLOWLIST.address(),
                        GovernanceCalls.removeNode(member));
                TestNetwork.await("the removed node disconnected", PATIENCE,
                        () -> net.nodes[0].network().peers().stream().noneMatch(p -> p.address().equals(member)));
                admitted.network().addPeer(net.endpoint(1));
                Thread.sleep(1000);
                for (int i = 0; i < 4; i++)
                    assertThat(net.nodes[i].network().peers()).as("node %d", i)
                            .noneMatch(p -> p.address().equals(member));
            }
        }
    }
}
