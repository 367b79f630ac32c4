package org.stele.consensus.qbft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.consensus.qbft.engine.OneHeight.feed;
import static org.stele.consensus.qbft.engine.OneHeight.prepareMessages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.consensus.qbft.FinalityVerifier;
import org.stele.consensus.qbft.ProposerSelector;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.TestValidators;
import org.stele.consensus.qbft.ValidatorProvider;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.RoundChange;
import org.stele.consensus.qbft.wal.InMemoryWal;
import org.stele.testkit.TestKeys;

class QbftEngineTest {
    private final TestValidators chain = new TestValidators(4);
    private final BlockHeader genesis = chain.genesis();
    private final ValidatorProvider provider = ValidatorProvider.fixed(chain.validators);
    private final Address proposer0 = ProposerSelector.proposer(chain.validators, genesis.coinbase(), 0);
    private final Address follower = chain.validators.stream().filter(a -> !a.equals(proposer0)).findFirst()
            .orElseThrow();

    private QbftEngine engine(Address who, InMemoryWal wal) {
        return new QbftEngine(EngineConfig.defaults(), chain.keyOf(who), TestKeys.SUITE, provider, wal);
    }

    private Proposal proposal(long salt) {
        QbftBlock b = chain.block(genesis, 0, proposer0, salt);
        return new MessageFactory(chain.keyOf(proposer0), TestKeys.SUITE).proposal(1, 0, b, List.of(), List.of());
    }

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void validatorsDecideThreeHeightsInARowWithRotatingProposersAndCertificatesThatVerify(int n) {
        TestValidators net = new TestValidators(n);
        BlockHeader start = net.genesis();
        Map<Address, QbftEngine> engines = new HashMap<>();
        for (Address a : net.validators)
            engines.put(a, new QbftEngine(EngineConfig.defaults(), net.keyOf(a), TestKeys.SUITE,
                    ValidatorProvider.fixed(net.validators), new InMemoryWal()));
        ArrayDeque<Map.Entry<Address, Event>> queue = new ArrayDeque<>();
        Map<Address, List<BlockHeader>> imported = new HashMap<>();
        for (Address a : net.validators) {
            imported.put(a, new ArrayList<>());
            for (Action act : engines.get(a).start(start))
                perform(net, a, act, queue, imported);
        }
        while (!queue.isEmpty()) {
            Map.Entry<Address, Event> next = queue.poll();
            for (Action act : engines.get(next.getKey()).handle(next.getValue()))
                perform(net, next.getKey(), act, queue, imported);
        }
        FinalityVerifier verifier = new FinalityVerifier(TestKeys.SUITE);
        BlockHeader parent = start;
        for (int height = 1; height <= HEIGHTS; height++) {
            int i = height - 1;
            List<BlockHeader> decided = imported.values().stream().map(l -> l.get(i)).toList();
            assertThat(decided.stream().map(h -> net.hashing.blockHash(h)).distinct()).hasSize(1);
            BlockHeader h = decided.get(0);
            assertThat(h.number()).isEqualTo(height);
            assertThat(h.parentHash()).isEqualTo(net.hashing.blockHash(parent));
            assertThat(h.coinbase()).isEqualTo(ProposerSelector.proposer(net.validators, parent.coinbase(), 0));
            for (BlockHeader each : decided)
                assertThat(verifier.isFinal(each, net.validators)).isTrue();
            parent = h;
        }
        assertThat(imported.values()).allSatisfy(l -> assertThat(l).hasSize(HEIGHTS));
        // the last decision is not reported back, so each engine still sits at its height
        assertThat(engines.values()).allMatch(e -> e.height() == HEIGHTS && e.round() == 0);
    }

    private static final int HEIGHTS = 3;

    private static void perform(TestValidators net, Address who, Action a, ArrayDeque<Map.Entry<Address, Event>> queue,
            Map<Address, List<BlockHeader>> imported) {
        switch (a) {
            case Action.Broadcast b -> {
                for (Address to : net.validators)
                    if (!to.equals(who))
                        queue.add(Map.entry(to, new Event.MessageReceived(b.message())));
            }
            case Action.CreateBlock c ->
                queue.add(Map.entry(who, new Event.BlockCreated(c.height(), c.round(),
                        net.block(c.parent(), c.round(), who, 7))));
            case Action.ValidateBlock v ->
                queue.add(Map.entry(who, new Event.ProposalValidated(v.height(), v.digest(), true)));
            case Action.ImportBlock i -> {
                List<BlockHeader> mine = imported.get(who);
                mine.add(i.block().header());
                if (mine.size() < HEIGHTS)
                    queue.add(Map.entry(who, new Event.BlockImported(i.block().header())));
            }
            case Action.ScheduleTimer t -> {
            }
        }
    }

    @Test
    void aRestartedValidatorNeverPreparesADifferentBlockInTheSameRound() {
        InMemoryWal wal = new InMemoryWal();
        QbftEngine before = engine(follower, wal);
        before.start(genesis);
        Proposal first = proposal(1);
        List<Prepare> sent = prepareMessages(feed(before, new Event.MessageReceived(first)));
        assertThat(sent).hasSize(1);
        Bytes32 digest = sent.get(0).digest();

        QbftEngine after = engine(follower, wal);
        List<Action> recovered = after.start(genesis);
        assertThat(prepareMessages(recovered)).extracting(Prepare::digest).containsExactly(digest);
        Proposal equivocation = proposal(2);
        assertThat(prepareMessages(feed(after, new Event.MessageReceived(equivocation)))).isEmpty();
    }

    @Test
    void aRestartedValidatorReportsItsPreparedCertificateInItsRoundChange() {
        InMemoryWal wal = new InMemoryWal();
        QbftEngine before = engine(follower, wal);
        before.start(genesis);
        Proposal p = proposal(1);
        Bytes32 digest = prepareMessages(feed(before, new Event.MessageReceived(p))).get(0).digest();
        for (Address a : chain.validators) {
            if (a.equals(follower))
                continue;
            KeyPair k = chain.keyOf(a);
            feed(before, new Event.MessageReceived(new MessageFactory(k, TestKeys.SUITE).prepare(1, 0, digest)));
        }
        QbftEngine after = engine(follower, wal);
        after.start(genesis);
        List<Action> out = feed(after, new Event.RoundTimerExpired(1, 0));
        RoundChange rc = out.stream().filter(a -> a instanceof Action.Broadcast b && b.message() instanceof RoundChange)
                .map(a -> (RoundChange) ((Action.Broadcast) a).message()).findFirst().orElseThrow();
        assertThat(rc.round()).isEqualTo(1);
        assertThat(rc.signed().payload().prepared()).get().satisfies(pr -> {
            assertThat(pr.round()).isZero();
            assertThat(pr.digest()).isEqualTo(digest);
        });
        assertThat(rc.prepares()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rc.preparedBlock()).isPresent();
        assertThat(out).anySatisfy(a -> assertThat(a).isEqualTo(new Action.ScheduleTimer(1, 1, 4_000)));
    }

    @Test
    void aProposalFromTheWrongProposerIsIgnored() {
        QbftEngine e = engine(follower, new InMemoryWal());
        e.start(genesis);
        Address notProposer = chain.validators.stream().filter(a -> !a.equals(proposer0) && !a.equals(follower))
                .findFirst().orElseThrow();
        QbftBlock b = chain.block(genesis, 0, notProposer, 1);
        Proposal p = new MessageFactory(chain.keyOf(notProposer), TestKeys.SUITE).proposal(1, 0, b, List.of(),
                List.of());
        assertThat(feed(e, new Event.MessageReceived(p))).isEmpty();
    }
}
