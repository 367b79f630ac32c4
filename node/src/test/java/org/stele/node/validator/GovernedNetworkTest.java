package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.node.wiring.NodeServices.SUITE;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.ProposerSelector;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.message.MessageCodec;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.governance.GovernanceCalls;
import org.stele.governance.GovernanceState;
import org.stele.governance.Governor;
import org.stele.governance.SystemContract;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.network.NetworkInit;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.ChainHead;
import org.stele.p2p.P2pConfig;
import org.stele.p2p.P2pLimits;
import org.stele.p2p.P2pListener;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.message.Message;
import org.stele.txpool.TxPoolException;

/**
 * Governance across a network over real sockets, with a committee of three governors of weights 3, 2 and 1 (the
 * validators 1 to 3; thresholds 67% of 6): what it decides holds on every node from the next block, and what it does
 * not decide never does.
 */
class GovernedNetworkTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final long[] WEIGHTS = {3, 2, 1};

    private static Transaction tx(KeyPair key, long nonce, Address to, Bytes data) {
        return tx(key, nonce, to, BigInteger.ZERO, data);
    }

    private static Transaction tx(KeyPair key, long nonce, Address to, BigInteger value, Bytes data) {
        return new FeeMarketTransaction(BigInteger.valueOf(NetworkInit.DEFAULT_CHAIN_ID), nonce,
                BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(20_000_000_000L), 1_000_000, Optional.of(to),
                value, data, List.of(), TransactionSignature.UNSIGNED).sign(key, SUITE);
    }

    /** The four-validator network whose first three validators govern with weights 3, 2 and 1. */
    private static final class Committee {
        final TestNetwork net;
        final KeyPair[] keys = new KeyPair[4];
        final long[] nonces = new long[4];
        long proposals;

        Committee(TestNetwork net, long votingPeriod) throws Exception {
            this.net = net;
            for (int i = 0; i < 4; i++)
                keys[i] = NodeKeyFile.load(net.files.get(i).dir().resolve("key"), Optional.empty());
            List<Governor> governors = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++)
                governors.add(new Governor(address(i), WEIGHTS[i]));
            net.governedBy(governors, votingPeriod);
        }

        Address address(int i) {
            return SUITE.address(keys[i].publicKey());
        }

        /**
         * Governor {@code i} sends {@code data} to {@code target} through its own node; waits until it is final and
         * answers the number of the block that holds it.
         */
        long send(int i, Address target, Bytes data) throws InterruptedException {
            // The governor's own node also saw what stele gov sent for it; its head may lag the test's own count.
            NodeServices node = net.nodes[i].services();
            var account = node.stateAfter(node.head()).account(address(i));
            long nonce = Math.max(nonces[i], account == null ? 0 : account.nonce());
            nonces[i] = nonce + 1;
            Transaction t = tx(keys[i], nonce, target, data);
            return GovernedNetworkTest.send(net.nodes[i], t);
        }

        /** {@code stele gov ARGS --rpc (node i) --key (governor i's key)}: its status and what it printed. */
        Cli gov(int i, String... args) {
            String[] all = new String[args.length + 4];
            System.arraycopy(args, 0, all, 0, args.length);
            System.arraycopy(new String[]{"--rpc", "http://127.0.0.1:" + net.nodes[i].rpcAddress().getPort(),
                    "--key", net.files.get(i).dir().resolve("key").toString()}, 0, all, args.length, 4);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream old = System.out;
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                int status = new picocli.CommandLine(new org.stele.node.gov.GovCommand()).execute(all);
                return new Cli(status, out.toString(java.nio.charset.StandardCharsets.UTF_8));
            } finally {
                System.setOut(old);
            }
        }

        long propose(int governor, Address target, Bytes data) throws InterruptedException {
            send(governor, SystemContract.COMMITTEE.address(), GovernanceCalls.propose(target, data, "p"));
            return ++proposals;
        }

        /** Answers the number of the block that holds the vote. */
        long vote(int governor, long id) throws InterruptedException {
            return send(governor, SystemContract.COMMITTEE.address(), GovernanceCalls.vote(id, true));
        }

        /** Proposed and voted by the governors of weights 3 and 2 (5 of 6): executed by the second vote. */
        long decide(Address target, Bytes data) throws InterruptedException {
            long id = propose(0, target, data);
            vote(0, id);
            // The block that holds the deciding vote; a node's head moves just after the block's indexes are written,
            // so a head read as soon as the vote is found may still be the block before.
            return vote(1, id);
        }

        GovernanceState state(int node) {
            NodeServices s = net.nodes[node].services();
            return new GovernanceState(s.stateAfter(s.head()));
        }
    }

    record Cli(int status, String out) {}

    /** Sends {@code tx} through {@code node}, waits until it is final there and answers its block's number. */
    private static long send(NetworkNode node, Transaction tx) throws InterruptedException {
        node.services().pool().add(tx, tx.hash(SUITE), tx.sender(SUITE));
        TestNetwork.await("transaction " + tx.hash(SUITE) + " final", PATIENCE,
                () -> node.services().blocks().transactionLocation(tx.hash(SUITE)).isPresent());
        return node.services().blocks().transactionLocation(tx.hash(SUITE)).orElseThrow().blockNumber();
    }

    @Test
    void weightedGovernorsAdmitAndAddAFifthValidatorThatSignsAndRemovingOneShrinksTheQuorum(@TempDir Path dir)
            throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            Committee c = new Committee(net, 100_000);
            Path memberDir = dir.resolve("member");
            KeyPair memberKey = SUITE.generateKeyPair(new SecureRandom(new byte[]{13}));
            NodeKeyFile.write(memberDir.resolve("key"), memberKey, Optional.empty(),
                    org.stele.node.keys.Web3Keystore.Params.STANDARD, new SecureRandom());
            Files.writeString(memberDir.resolve("node.toml"), "");
            Address member = SUITE.address(memberKey.publicKey());
            net.startAll();
            net.awaitHeads(1, PATIENCE, 0, 1, 2, 3);

            // stele gov add-validator walks the safe order: governor 1 (weight 3 of 6) cannot admit the node alone.
            Cli first = c.gov(0, "add-validator", member.toHex());
            assertThat(first.status()).as(first.out()).isZero();
            assertThat(first.out()).contains("step=admit  state=awaiting votes  proposal=1")
                    .contains("step=validator  state=not proposed");
            c.vote(2, 1);
            for (int i = 0; i < 4; i++)
                assertThat(c.state(i).isAdmitted(member)).as("weight 4 of 6 took part, under 67%: node %d", i)
                        .isFalse();
            try (NetworkNode fifth = NetworkNode.start(net.config(memberDir, List.of()))) {
                // Governor 2's run votes the admission through, then waits for the node to connect and sync.
                var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> c.gov(1, "add-validator",
                        member.toHex(), "--sync-timeout", "60", "--node-rpc",
                        "http://127.0.0.1:" + fifth.rpcAddress().getPort()));
                TestNetwork.await("the node admitted", PATIENCE, () -> c.state(1).isAdmitted(member));
                long admitted = net.head(1);
                net.awaitHeads(admitted, PATIENCE, 0, 1, 2, 3);
                for (int i = 0; i < 4; i++)
                    assertThat(c.state(i).isAdmitted(member)).as("node %d", i).isTrue();
                for (int i = 0; i < 4; i++)
                    fifth.network().addPeer(net.endpoint(i));
                Cli walked = second.get(90, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(walked.status()).as(walked.out()).isZero();
                assertThat(walked.out()).contains("step=admit  state=done  proposal=1").contains("executed=true")
                        .contains("step=sync  state=done").contains("step=validator  state=proposed  proposal=2");
                assertThat(fifth.services().head().number()).as("synced when proposed").isGreaterThan(0);
                assertThat(fifth.isValidator()).as("weight 2 of 6 does not execute").isFalse();
                c.proposals = 2;
                c.vote(0, 2);
                TestNetwork.await("the fifth node a validator", PATIENCE, fifth::isValidator);
                long grown = net.head(0);
                net.awaitHeads(grown + 2, PATIENCE, 0, 1, 2, 3);
                assertThat(validatorsOf(net, 0, grown + 2)).hasSize(5).contains(member);

                // Five validators need four seals: without validator 4 the fifth node's seal is needed.
                net.stop(3);
                long withFifth = net.head(0);
                net.awaitHeads(withFifth + 3, PATIENCE, 0, 1, 2);

                c.decide(SystemContract.VALIDATORS.address(), GovernanceCalls.removeValidator(c.address(3)));
                long shrunk = net.head(0);
                net.awaitHeads(shrunk + 2, PATIENCE, 0, 1, 2);
                assertThat(validatorsOf(net, 0, shrunk + 2)).hasSize(4).doesNotContain(c.address(3));

                // Four validators need three seals: validators 1, 2 and the fifth node go on without validator 3.
                net.stop(2);
                long shrunkQuorum = net.head(0);
                net.awaitHeads(shrunkQuorum + 3, PATIENCE, 0, 1);
                TestNetwork.await("the fifth node at the head", PATIENCE,
                        () -> fifth.services().head().number() >= shrunkQuorum + 3);
                NetworkNodeTest.assertAgreeOnEveryBlock(net, 0, 1);
            }
        }
    }

    private static List<Address> validatorsOf(TestNetwork net, int node, long height) {
        NodeServices s = net.nodes[node].services();
        BlockHeader h = s.blocks().hashOf(height).flatMap(s.blocks()::header).orElseThrow();
        return BftExtraDataCodec.decode(h.extraData()).validators();
    }

    @Test
    void expiredProposalsFreezesAndParametersHoldOnEveryNodeAndAByzantineBlockWithAFrozenSenderIsNotCommitted(
            @TempDir Path dir) throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            Committee c = new Committee(net, 6);
            KeyPair suspect = SUITE.generateKeyPair(new SecureRandom(new byte[]{17}));
            Address suspectAddress = SUITE.address(suspect.publicKey());
            for (int i = 0; i < 3; i++)
                net.start(i);
            for (int i = 0; i < 3; i++)
                net.connect(i);
            net.awaitHeads(1, PATIENCE, 0, 1, 2);
            // The suspect gets funds for its transfers from governor 3's account.
            send(net.nodes[2], tx(c.keys[2], c.nonces[2]++, suspectAddress, BigInteger.TEN.pow(18), Bytes.EMPTY));

            // An expired proposal: the votes after its deadline fail, and it never executes, on any node.
            long stale = c.propose(2, SystemContract.FREEZES.address(), GovernanceCalls.freeze(suspectAddress, "x"));
            long proposedAt = net.head(2);
            net.awaitHeads(proposedAt + 7, PATIENCE, 0, 1, 2);
            c.vote(0, stale);
            c.vote(1, stale);
            for (int i = 0; i < 3; i++)
                assertThat(c.state(i).isFrozen(suspectAddress)).as("node %d", i).isFalse();

            long frozenAt = c.decide(SystemContract.FREEZES.address(),
                    GovernanceCalls.freeze(suspectAddress, "court order"));
            net.awaitHeads(frozenAt, PATIENCE, 0, 1, 2);
            Transaction refused = tx(suspect, 0, c.address(0), Bytes.EMPTY);
            for (int i = 0; i < 3; i++) {
                NodeServices s = net.nodes[i].services();
                // A node's pool follows its head just after the block is written: wait for it to have followed.
                TestNetwork.await("node " + i + "'s pool at the freeze", PATIENCE,
                        () -> s.pool().chainRulesRefusal(suspectAddress, refused).isPresent());
                assertThatThrownBy(() -> s.pool().add(refused, refused.hash(SUITE), suspectAddress)).as("node %d", i)
                        .isInstanceOf(TxPoolException.class).hasMessageContaining("is frozen by governance");
            }

            proposeAsByzantine(net, c.keys[3], refused);

            long unfrozenAt = c.decide(SystemContract.FREEZES.address(), GovernanceCalls.unfreeze(suspectAddress));
            net.awaitHeads(unfrozenAt, PATIENCE, 0, 1, 2);
            TestNetwork.await("node 0's pool past the unfreeze", PATIENCE,
                    () -> net.nodes[0].services().pool().chainRulesRefusal(suspectAddress, refused).isEmpty());
            send(net.nodes[0], refused);
            for (int i = 0; i < 3; i++) {
                NodeServices s = net.nodes[i].services();
                TestNetwork.await("the unfrozen transfer final at node " + i, PATIENCE,
                        () -> s.blocks().transactionLocation(refused.hash(SUITE)).isPresent());
            }

            long changedAt = c.decide(SystemContract.PARAMETERS.address(),
                    GovernanceCalls.setBlockGasLimit(25_000_000));
            net.awaitHeads(changedAt + 1, PATIENCE, 0, 1, 2);
            for (int i = 0; i < 3; i++) {
                assertThat(header(net, i, changedAt).gasLimit()).as("node %d", i).isEqualTo(NetworkInit.GAS_LIMIT);
                assertThat(header(net, i, changedAt + 1).gasLimit()).as("node %d", i).isEqualTo(25_000_000);
            }

            long slowerAt = c.decide(SystemContract.PARAMETERS.address(), GovernanceCalls.setBlockPeriod(2_000));
            net.awaitHeads(slowerAt + 1, PATIENCE, 0);
            long start = System.nanoTime();
            net.awaitHeads(slowerAt + 4, PATIENCE, 0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("three blocks at the governed 2 s period")
                    .isGreaterThan(Duration.ofMillis(5_500));
            NetworkNodeTest.assertAgreeOnEveryBlock(net, 0, 1, 2);
        }
    }

    private static BlockHeader header(TestNetwork net, int node, long height) {
        NodeServices s = net.nodes[node].services();
        return s.blocks().hashOf(height).flatMap(s.blocks()::header).orElseThrow();
    }

    /**
     * Validator 4's key proposes, at a height it leads, a block holding the frozen account's {@code tx} built without
     * the chain's rules, and prepares it: every honest importer refuses the block, and the honest validators go on
     * without it.
     */
    private static void proposeAsByzantine(TestNetwork net, KeyPair key, Transaction tx) throws Exception {
        Address byzantine = SUITE.address(key.publicKey());
        List<Address> validators = net.files.stream().map(NetworkInit.NodeFiles::address).sorted().toList();
        NodeServices honest = net.nodes[0].services();
        BlockHeader genesis = honest.blocks().header(0).orElseThrow();
        P2pListener silent = new P2pListener() {
            @Override
            public void onMessage(Address peer, Message message) {
            }
        };
        try (P2pNetwork fake = P2pNetwork.start(new P2pConfig(key, SUITE, new InetSocketAddress("127.0.0.1", 0),
                NetworkInit.DEFAULT_CHAIN_ID, honest.blocks().hash(genesis),
                () -> new ChainHead(0, honest.blocks().hash(genesis)), a -> true, List.of(), P2pLimits.DEFAULT,
                Clock.systemUTC(), new SecureRandom()), silent)) {
            for (int i = 0; i < 3; i++)
                fake.addPeer(net.endpoint(i));
            TestNetwork.await("the Byzantine validator connected", PATIENCE, () -> fake.peers().size() == 3);
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
            BlockExecutor careless = new BlockExecutor(honest.fork(), SUITE, NetworkInit.DEFAULT_CHAIN_ID,
                    honest.store(), honest.blocks(), new org.stele.chain.rules.SteleQbft(), TransactionPolicy.NONE);
            Block built = careless.build(parent, Math.max(System.currentTimeMillis() / 1000, parent.timestamp() + 1),
                    byzantine, List.of(new BlockExecutor.Candidate(tx, tx.sender(SUITE)))).block();
            assertThat(built.body().transactions()).containsExactly(tx);
            Block block = new Block(built.header().toBuilder().extraData(BftExtraDataCodec.encode(new BftExtraData(
                    Bytes.wrap(new byte[BftExtraData.VANITY_LENGTH]), validators, Optional.empty(), 0, List.of())))
                    .build(), built.body());
            for (int i = 0; i < 3; i++)
                assertThat(net.nodes[i].services().importer().check(block)).as("node %d", i)
                        .isInstanceOfSatisfying(ImportResult.Refused.class, r -> assertThat(
                                r.refusal().transaction()).contains(InvalidTransaction.ACCOUNT_FROZEN));
            QbftBlock proposal = QbftBlocks.toQbft(block);
            QbftHashing hashing = new QbftHashing(SUITE);
            MessageFactory signer = new MessageFactory(key, SUITE);
            MessageCodec codec = new MessageCodec(SUITE);
            for (int i = 0; i < 3; i++) {
                Address to = net.nodes[i].address();
                fake.send(to, new Message.QbftMessage(Bytes.wrap(codec.toWire(signer.proposal(height, 0, proposal,
                        List.of(), List.of())))));
                fake.send(to, new Message.QbftMessage(
                        Bytes.wrap(codec.toWire(signer.prepare(height, 0, hashing.blockHash(proposal.header()))))));
            }
            net.awaitHeads(height + 1, PATIENCE, 0, 1, 2);
        }
        for (int i = 0; i < 3; i++)
            assertThat(net.nodes[i].services().blocks().transactionLocation(tx.hash(SUITE))).as("node %d", i)
                    .isEmpty();
    }
}
