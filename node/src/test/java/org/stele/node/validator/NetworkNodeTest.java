package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.node.dev.DevAccounts;
import org.stele.node.dev.Mnemonic;
import org.stele.node.keys.NodeKeyFile;

class NetworkNodeTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String signedTransfer(long nonce) {
        KeyPair key = DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", 1).get(0).key();
        var tx = new FeeMarketTransaction(BigInteger.valueOf(1337), nonce, BigInteger.ONE,
                BigInteger.valueOf(10_000_000_000L), 21_000,
                Optional.of(Address.fromHex("0x00000000000000000000000000000000000000aa")),
                BigInteger.TEN, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED).sign(key, SUITE);
        return Bytes.wrap(tx.encode()).toHex();
    }

    @Test
    void fourValidatorsSealBlocksAndATransactionSentToNodeTwoIsFinalOnAllFour(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            net.startAll();
            for (int i = 0; i < 4; i++)
                assertThat(net.nodes[i].isValidator()).isTrue();
            net.awaitHeads(2, PATIENCE, 0, 1, 2, 3);

            String txHash = net.rpc(1, "eth_sendRawTransaction", "[\"" + signedTransfer(0) + "\"]").asText();
            TestNetwork.await("the receipt on all four nodes", PATIENCE, () -> {
                for (int i = 0; i < 4; i++)
                    try {
                        if (net.rpc(i, "eth_getTransactionReceipt", "[\"" + txHash + "\"]").isNull())
                            return false;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                return true;
            });
            JsonNode first = net.rpc(0, "eth_getTransactionReceipt", "[\"" + txHash + "\"]");
            assertThat(first.get("status").asText()).isEqualTo("0x1");
            for (int i = 1; i < 4; i++)
                assertThat(net.rpc(i, "eth_getTransactionReceipt", "[\"" + txHash + "\"]")).isEqualTo(first);
            JsonNode block = net.rpc(3, "eth_getBlockByHash", "[\"" + first.get("blockHash").asText() + "\", false]");
            assertThat(block.get("number")).isEqualTo(first.get("blockNumber"));
            assertAgreeOnEveryBlock(net, 0, 1, 2, 3);

            // What an operator sees: the peers over JSON-RPC and QBFT's progress in the metrics.
            assertThat(net.rpc(0, "net_peerCount", "[]").asText()).isEqualTo("0x3");
            String metrics = net.nodes[0].services().metrics().scrape();
            assertThat(metrics).containsPattern("(?m)^ethereum_peer_count 3\\.0$")
                    .containsPattern("(?m)^stele_qbft_height [1-9][0-9]*\\.0$")
                    .containsPattern("(?m)^stele_qbft_proposal_to_commit_seconds_count [1-9][0-9]*(\\.0)?$");
        }
    }

    @Test
    void aRestartedValidatorResumesFromItsDataDirectoryAndTheNetworkAgrees(@TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            net.startAll();
            net.awaitHeads(2, PATIENCE, 0, 1, 2, 3);
            net.stop(2);
            long before = net.head(0);
            net.awaitHeads(before + 2, PATIENCE, 0, 1, 3);
            // What it signed at its last height is in its WAL (pruned once a height is final), which it reads back.
            assertThat(net.files.get(2).dir().resolve("data/qbft-wal")).exists();

            net.start(2);
            net.connect(2);
            long target = net.head(0) + 2;
            net.awaitHeads(target, PATIENCE, 0, 1, 2, 3);
            assertAgreeOnEveryBlock(net, 0, 1, 2, 3);
        }
    }

    @Test
    void aMemberWhoseKeyIsNoValidatorsFollowsTheChainAndItsTransactionsReachTheProposers(@TempDir Path dir)
            throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            Path memberDir = dir.resolve("member");
            KeyPair memberKey = SUITE.generateKeyPair(new java.security.SecureRandom(new byte[]{5}));
            NodeKeyFile.write(memberDir.resolve("key"), memberKey, Optional.empty(),
                    org.stele.node.keys.Web3Keystore.Params.STANDARD, new java.security.SecureRandom());
            Files.writeString(memberDir.resolve("node.toml"), "");
            List<String> members = List.of(SUITE.address(memberKey.publicKey()).toHex());
            for (int i = 0; i < 4; i++)
                net.start(i, members);
            for (int i = 0; i < 4; i++)
                net.connect(i);
            try (NetworkNode member = NetworkNode.start(net.config(memberDir, members))) {
                assertThat(member.isValidator()).isFalse();
                for (int i = 0; i < 4; i++)
                    member.network().addPeer(net.endpoint(i));
                net.awaitHeads(2, PATIENCE, 0, 1, 2, 3);
                TestNetwork.await("the member following", PATIENCE, () -> member.services().head().number() >= 2);

                Bytes raw = Bytes.fromHex(signedTransfer(0));
                var tx = org.stele.chain.tx.TransactionDecoder.decode(raw.toArray());
                member.services().pool().add(tx, tx.hash(SUITE), SUITE.address(
                        DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", 1).get(0).key().publicKey()));
                TestNetwork.await("the member's transaction final on the member", PATIENCE,
                        () -> member.services().blocks().transactionLocation(tx.hash(SUITE)).isPresent());
                var location = member.services().blocks().transactionLocation(tx.hash(SUITE)).orElseThrow();
                TestNetwork.await("and on the validators", PATIENCE, () -> {
                    for (int i = 0; i < 4; i++)
                        if (net.nodes[i].services().blocks().transactionLocation(tx.hash(SUITE)).isEmpty())
                            return false;
                    return true;
                });
                for (int i = 0; i < 4; i++)
                    assertThat(net.nodes[i].services().blocks().transactionLocation(tx.hash(SUITE))).contains(location);
            }
        }
    }

    @Test
    void aTransactionAMemberSendsToOneValidatorReachesAValidatorThatIsNotTheMembersPeerByItsAnnouncedHash(
            @TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4);
                MemberBehindValidatorOne behind = MemberBehindValidatorOne.start(net, dir, (byte) 6)) {
            List<String> members = behind.members();
            NetworkNode member = behind.member();

            Bytes raw = Bytes.fromHex(signedTransfer(0));
            var tx = org.stele.chain.tx.TransactionDecoder.decode(raw.toArray());
            var hash = tx.hash(SUITE);
            member.services().pool().add(tx, hash, SUITE.address(
                    DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", 1).get(0).key().publicKey()));
            // Validator 1 got it in full from the member and relays it by hash; validator 2 asks for it.
            TestNetwork.await("the transaction in validator 2's pool", PATIENCE,
                    () -> net.nodes[1].services().pool().get(hash).isPresent());
            assertThat(net.nodes[0].services().pool().get(hash)).isPresent();
            assertThat(net.head(0)).isZero();

            net.start(2, members);
            net.start(3, members);
            for (int i = 0; i < 4; i++)
                net.connect(i);
            TestNetwork.await("the transaction final on the four validators and the member", PATIENCE, () -> {
                for (int i = 0; i < 4; i++)
                    if (net.nodes[i].services().blocks().transactionLocation(hash).isEmpty())
                        return false;
                return member.services().blocks().transactionLocation(hash).isPresent();
            });
            assertAgreeOnEveryBlock(net, 0, 1, 2, 3);
        }
    }

    @Test
    void aTransactionSentToOneValidatorReachesAMemberConnectedOnlyToAnotherValidator(@TempDir Path dir)
            throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4);
                MemberBehindValidatorOne behind = MemberBehindValidatorOne.start(net, dir, (byte) 7)) {
            NetworkNode member = behind.member();

            Bytes raw = Bytes.fromHex(signedTransfer(0));
            var tx = org.stele.chain.tx.TransactionDecoder.decode(raw.toArray());
            var hash = tx.hash(SUITE);
            // Validator 2 admits it as from its JSON-RPC and sends it in full to validator 1, which had it from a
            // validator: it announces it to its member (not to validators, who all had it), and the member asks.
            net.nodes[1].services().pool().add(tx, hash, SUITE.address(
                    DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", 1).get(0).key().publicKey()));
            TestNetwork.await("the transaction in the member's pool", PATIENCE,
                    () -> member.services().pool().get(hash).isPresent());
            assertThat(net.nodes[0].services().pool().get(hash)).isPresent();
            assertThat(net.head(0)).isZero();
        }
    }

    /**
     * A member node whose only peer is validator 1, beside validators 1 and 2 (two of four: no quorum, so no block
     * takes a transaction out of the pools while it travels); {@code members} is the allowlist naming it.
     */
    private record MemberBehindValidatorOne(NetworkNode member, List<String> members) implements AutoCloseable {
        static MemberBehindValidatorOne start(TestNetwork net, Path dir, byte seed) throws Exception {
            Path memberDir = dir.resolve("member");
            KeyPair memberKey = SUITE.generateKeyPair(new java.security.SecureRandom(new byte[]{seed}));
            NodeKeyFile.write(memberDir.resolve("key"), memberKey, Optional.empty(),
                    org.stele.node.keys.Web3Keystore.Params.STANDARD, new java.security.SecureRandom());
            Files.writeString(memberDir.resolve("node.toml"), "");
            List<String> members = List.of(SUITE.address(memberKey.publicKey()).toHex());
            net.start(0, members);
            net.start(1, members);
            net.connect(0);
            NetworkNode member = NetworkNode.start(net.config(memberDir, members));
            try {
                member.network().addPeer(net.endpoint(0)); // the member's only peer
                TestNetwork.await("the member and validator 2 connected to validator 1", PATIENCE,
                        () -> member.network().peers().size() == 1 && net.nodes[0].network().peers().size() == 2);
            } catch (Exception | AssertionError e) {
                member.close();
                throw e;
            }
            return new MemberBehindValidatorOne(member, members);
        }

        @Override
        public void close() throws Exception {
            member.close();
        }
    }

    /** Every node holds the same block under every number up to the lowest head: no fork, whoever imported what. */
    static void assertAgreeOnEveryBlock(TestNetwork net, int... which) {
        long lowest = Long.MAX_VALUE;
        for (int i : which)
            lowest = Math.min(lowest, net.head(i));
        for (long n = 0; n <= lowest; n++) {
            var expected = net.nodes[which[0]].services().blocks().hashOf(n);
            for (int i : which)
                assertThat(net.nodes[i].services().blocks().hashOf(n)).as("block %d on node %d", n, i + 1)
                        .isEqualTo(expected);
        }
    }
}
