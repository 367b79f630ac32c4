package org.stele.consensus.qbft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.consensus.qbft.engine.OneHeight.creations;
import static org.stele.consensus.qbft.engine.OneHeight.feed;
import static org.stele.consensus.qbft.engine.OneHeight.receive;
import static org.stele.consensus.qbft.engine.OneHeight.sent;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.testkit.TestKeys;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.RoundChange;
import org.stele.consensus.qbft.wal.InMemoryWal;

/**
 * What a validator recovers from its WAL after a crash, seen through what it does next: the same engine key and WAL,
 * a new engine, and the other validators' messages arriving (again or for the first time) in any order.
 */
class QbftRestartRecoveryTest {
    private final OneHeight h = new OneHeight(4);
    private final InMemoryWal wal = new InMemoryWal();

    private QbftEngine boot(Address who) {
        QbftEngine e = new QbftEngine(EngineConfig.defaults(), h.chain.keyOf(who), TestKeys.SUITE, h.provider, wal);
        e.start(h.genesis);
        assertThat(e.address()).isEqualTo(who);
        return e;
    }

    private List<Prepare> othersPrepares(Address me, int round, QbftBlock b) {
        return h.others(me, h.quorum - 1).stream().map(a -> h.as(a).prepare(1, round, h.digest(b))).toList();
    }

    @Test
    void aRestartedValidatorThatPreparedCommitsWhenThePrepareQuorumArrivesBeforeTheProposalDoesAgain() {
        Address me = h.nonProposer(0);
        QbftBlock b = h.block(0, 1);
        Proposal proposal = h.proposal(0, b, List.of(), List.of());
        assertThat(sent(receive(boot(me), proposal), Prepare.class)).hasSize(1);

        QbftEngine restarted = boot(me);
        assertThat(sent(receive(restarted, othersPrepares(me, 0, b)), Commit.class))
                .as("no proposal accepted since the restart").isEmpty();
        List<Action> out = receive(restarted, proposal);

        assertThat(sent(out, Prepare.class)).singleElement().extracting(Prepare::digest).isEqualTo(h.digest(b));
        assertThat(sent(out, Commit.class)).singleElement().extracting(Commit::digest).isEqualTo(h.digest(b));
    }

    @Test
    void aRestartedValidatorRepeatsTheCommitItSignedBeforeTheCrashWhenThePreparesComeAgain() {
        Address me = h.nonProposer(0);
        QbftBlock b = h.block(0, 1);
        Proposal proposal = h.proposal(0, b, List.of(), List.of());
        QbftEngine first = boot(me);
        receive(first, proposal);
        Commit before = sent(receive(first, othersPrepares(me, 0, b)), Commit.class).get(0);

        QbftEngine restarted = boot(me);
        receive(restarted, proposal);
        List<Action> out = receive(restarted, othersPrepares(me, 0, b));

        assertThat(sent(out, Commit.class)).containsExactly(before);
    }

    @Test
    void aRestartedValidatorCountsTheRoundChangeItSentBeforeTheCrash() {
        Address me = h.proposer(1);
        feed(boot(me), new Event.RoundTimerExpired(1, 0));

        QbftEngine restarted = boot(me);
        assertThat(restarted.round()).isEqualTo(1);
        List<Action> out = receive(restarted,
                h.others(me, h.quorum - 1).stream().map(a -> h.roundChange(a, 1)).toList());

        assertThat(creations(out)).singleElement().extracting(Action.CreateBlock::round).isEqualTo(1);
    }

    @Test
    void aValidatorReportsTheLatestRoundItPreparedInAlsoAfterARestart() {
        Address me = h.nonProposer(0, 1);
        QbftEngine e = boot(me);
        QbftBlock b0 = h.block(0, 1);
        receive(e, h.proposal(0, b0, List.of(), List.of()));
        receive(e, othersPrepares(me, 0, b0));
        feed(e, new Event.RoundTimerExpired(1, 0));
        QbftBlock b1 = h.block(1, 2);
        List<RoundChange> rcs = h.others(h.proposer(1), h.quorum).stream().map(a -> h.roundChange(a, 1)).toList();
        receive(e, h.proposal(1, b1, rcs.stream().map(RoundChange::signed).toList(), List.of()));
        assertThat(sent(receive(e, othersPrepares(me, 1, b1)), Commit.class)).hasSize(1);

        RoundChange toRound2 = sent(feed(e, new Event.RoundTimerExpired(1, 1)), RoundChange.class).get(0);
        assertThat(toRound2.signed().payload().prepared()).hasValueSatisfying(p -> {
            assertThat(p.round()).isEqualTo(1);
            assertThat(p.digest()).isEqualTo(h.digest(b1));
        });
        assertThat(toRound2.preparedBlock()).hasValue(b1);

        // the WAL holds the certificates of rounds 0 and 1: the restarted engine goes on from the later one
        QbftEngine restarted = boot(me);
        assertThat(restarted.round()).isEqualTo(2);
        RoundChange toRound3 = sent(feed(restarted, new Event.RoundTimerExpired(1, 2)), RoundChange.class).get(0);
        assertThat(toRound3.round()).isEqualTo(3);
        assertThat(toRound3.signed().payload().prepared()).hasValueSatisfying(p -> assertThat(p.round()).isEqualTo(1));
        assertThat(toRound3.prepares()).hasSize(h.quorum).allMatch(p -> p.payload().round() == 1);
    }

    /**
     * A node takes a decided block as its head before the block is durable, so a crash can lose block 1's write after
     * the validator signed at height 2: it restarts at the genesis, syncs block 1 from its peers, and must not then
     * sign a second block for height 2's round 0.
     */
    @Test
    void aValidatorWhoseDecidedBlockWasLostInACrashSignsNothingNewForTheHeightItHadMovedOnTo() {
        Address me = h.nonProposer(0, 1);
        QbftBlock first = h.block(0, 1);
        Address nextProposer = h.proposer(1);
        QbftBlock second = h.nextBlock(first);
        QbftBlock other = h.chain.block(first.header(), 0, nextProposer, 2);
        assertThat(h.digest(other)).isNotEqualTo(h.digest(second));
        QbftEngine e = boot(me);
        feed(e, new Event.BlockImported(first.header()));
        assertThat(sent(receive(e, h.as(nextProposer).proposal(2, 0, second, List.of(), List.of())), Prepare.class))
                .singleElement().extracting(Prepare::digest).isEqualTo(h.digest(second));

        // restarted on the durable head (the genesis), then block 1 comes again by sync
        QbftEngine restarted = boot(me);
        feed(restarted, new Event.BlockImported(first.header()));
        List<Action> out = receive(restarted, h.as(nextProposer).proposal(2, 0, other, List.of(), List.of()));

        assertThat(restarted.height()).isEqualTo(2);
        assertThat(sent(out, Prepare.class)).as("a PREPARE for a second block at height 2, round 0").isEmpty();
        assertThat(sent(out, Commit.class)).isEmpty();

        // the control: without the WAL the same engine prepares the other block
        QbftEngine forgetful = new QbftEngine(EngineConfig.defaults(), h.chain.keyOf(me), TestKeys.SUITE, h.provider,
                new InMemoryWal());
        forgetful.start(h.genesis);
        feed(forgetful, new Event.BlockImported(first.header()));
        assertThat(sent(receive(forgetful, h.as(nextProposer).proposal(2, 0, other, List.of(), List.of())),
                Prepare.class)).singleElement().extracting(Prepare::digest).isEqualTo(h.digest(other));
    }
}
