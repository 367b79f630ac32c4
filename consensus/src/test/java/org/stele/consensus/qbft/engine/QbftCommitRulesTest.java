package org.stele.consensus.qbft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.consensus.qbft.engine.OneHeight.feed;
import static org.stele.consensus.qbft.engine.OneHeight.imports;
import static org.stele.consensus.qbft.engine.OneHeight.receive;
import static org.stele.consensus.qbft.engine.OneHeight.sent;
import static org.stele.consensus.qbft.engine.OneHeight.timers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stele.common.Address;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.RoundChange;

/**
 * When a validator commits and when a height is decided: a quorum of PREPAREs makes one COMMIT, a quorum of COMMITs
 * (its own counted) decides, whatever order the proposal and the votes arrive in, and a decided height takes nothing
 * more.
 */
class QbftCommitRulesTest {

    private static List<Prepare> prepares(OneHeight h, List<Address> from, int round, QbftBlock b) {
        return from.stream().map(a -> h.as(a).prepare(1, round, h.digest(b))).toList();
    }

    private static List<Commit> commits(OneHeight h, List<Address> from, int round, QbftBlock b) {
        return from.stream().map(a -> h.commit(a, round, b)).toList();
    }

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void exactlyAQuorumOfCommitsWithTheValidatorsOwnDecidesTheHeight(int n) {
        OneHeight h = new OneHeight(n);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(0, 1);
        List<Address> others = h.others(me, h.quorum - 1);
        receive(e, h.proposal(0, b, List.of(), List.of()));
        assertThat(sent(receive(e, prepares(h, others, 0, b)), Commit.class)).hasSize(1);

        List<Commit> votes = commits(h, others, 0, b);
        assertThat(imports(receive(e, votes.subList(0, votes.size() - 1)))).as("one COMMIT short").isEmpty();
        List<Action> out = receive(e, votes.get(votes.size() - 1));

        assertThat(imports(out)).singleElement().satisfies(i -> {
            assertThat(i.certificate().round()).isZero();
            assertThat(i.certificate().commits()).hasSize(h.quorum).extracting(Commit::author).contains(me);
        });
    }

    @Test
    void aValidatorCommitsOnceHoweverManyPreparesFollowTheQuorum() {
        OneHeight h = new OneHeight(7);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(0, 1);
        receive(e, h.proposal(0, b, List.of(), List.of()));
        List<Address> others = h.others(me, h.validators().size() - 1);

        assertThat(sent(receive(e, prepares(h, others.subList(0, h.quorum - 1), 0, b)), Commit.class)).hasSize(1);
        List<Action> late = receive(e, prepares(h, others.subList(h.quorum - 1, others.size()), 0, b));

        assertThat(late).isEmpty();
    }

    @Test
    void commitsThatArriveBeforeTheProposalDecideTheHeightOnceItIsAccepted() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(0, 1);

        assertThat(receive(e, commits(h, h.others(me, h.quorum), 0, b))).isEmpty();
        List<Action> out = receive(e, h.proposal(0, b, List.of(), List.of()));

        assertThat(imports(out)).singleElement().satisfies(i -> assertThat(h.digest(i.block())).isEqualTo(h
                .digest(b)));
    }

    @Test
    void aProposalOfARoundTheValidatorHasLeftStillDecidesWithItsCommitsButIsNotPrepared() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        feed(e, new Event.RoundTimerExpired(1, 0));
        assertThat(e.round()).isEqualTo(1);
        QbftBlock b = h.block(0, 1);
        receive(e, commits(h, h.others(me, h.quorum), 0, b));

        List<Action> out = receive(e, h.proposal(0, b, List.of(), List.of()));

        assertThat(sent(out, Prepare.class)).isEmpty();
        assertThat(imports(out)).singleElement().satisfies(i -> assertThat(i.certificate().round()).isZero());
        assertThat(e.round()).isEqualTo(1);
    }

    @Test
    void aDecidedHeightAsksTheChainToValidateNoFurtherProposal() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        feed(e, new Event.RoundTimerExpired(1, 0));
        QbftBlock b = h.block(0, 1);
        receive(e, commits(h, h.others(me, h.quorum), 0, b));
        assertThat(imports(receive(e, h.proposal(0, b, List.of(), List.of())))).hasSize(1);

        List<RoundChange> rcs = h.others(h.proposer(1), h.quorum).stream().map(a -> h.roundChange(a, 1)).toList();
        List<Action> out = e.handle(new Event.MessageReceived(h.proposal(1, h.block(1, 2), rcs.stream().map(
                RoundChange::signed).toList(), List.of())));

        assertThat(out).isEmpty();
    }

    @Test
    void acceptingAProposalOfTheCurrentRoundDoesNotRestartItsTimer() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);

        List<Action> out = receive(e, h.proposal(0, h.block(0, 1), List.of(), List.of()));

        assertThat(sent(out, Prepare.class)).hasSize(1);
        assertThat(timers(out)).isEmpty();
    }
}
