package org.stele.consensus.qbft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.consensus.qbft.engine.OneHeight.creations;
import static org.stele.consensus.qbft.engine.OneHeight.inRound;
import static org.stele.consensus.qbft.engine.OneHeight.prepareMessages;
import static org.stele.consensus.qbft.engine.OneHeight.receive;
import static org.stele.consensus.qbft.engine.OneHeight.sent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.message.PreparePayload;
import org.stele.consensus.qbft.message.PreparedRound;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.RoundChange;
import org.stele.consensus.qbft.message.RoundChangePayload;
import org.stele.consensus.qbft.message.SignedPayload;

/**
 * The prepared claims that ROUND-CHANGEs carry: a claim counts only for a round before the one asked for, the highest
 * claim among a justification decides which block may be proposed, and a validator cannot swap its claim for a round
 * by sending a second ROUND-CHANGE for it.
 */
class QbftPreparedClaimRulesTest {
    private final OneHeight h = new OneHeight(4);

    private static List<SignedPayload<RoundChangePayload>> payloads(List<RoundChange> rcs) {
        return rcs.stream().map(RoundChange::signed).toList();
    }

    private List<RoundChange> empty(List<Address> from, int round) {
        return from.stream().map(a -> h.roundChange(a, round)).toList();
    }

    @ParameterizedTest(name = "prepared in round {0}")
    @ValueSource(ints = {0, 1})
    void aProposalIsJustifiedByAPreparedClaimOnlyFromAnEarlierRound(int preparedRound) {
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock locked = h.block(preparedRound, 1);
        List<Address> authors = h.others(h.proposer(1), h.quorum);
        List<SignedPayload<PreparePayload>> proof = h.prepares(preparedRound, h.digest(locked), authors);
        List<RoundChange> rcs = new ArrayList<>(empty(authors, 1));
        rcs.set(0, h.roundChange(authors.get(0), 1, preparedRound, locked, proof));

        List<Action> out = receive(e, h.proposal(1, inRound(locked, 1), payloads(rcs), proof));

        assertThat(prepareMessages(out)).hasSize(preparedRound < 1 ? 1 : 0);
    }

    @Test
    void aRoundChangeClaimingThePreparedRoundItAsksForIsIgnored() {
        Address me = h.proposer(1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> others = h.others(me, h.quorum);
        QbftBlock claimed = h.block(1, 1);
        RoundChange bad = h.roundChange(others.get(0), 1, 1, claimed, h.prepares(1, h.digest(claimed), others));

        receive(e, bad);
        assertThat(creations(receive(e, empty(others.subList(1, h.quorum - 1), 1)))).isEmpty();
        List<Action> out = receive(e, h.roundChange(others.get(h.quorum - 1), 1));

        assertThat(creations(out)).as("a new block: the claim did not count").hasSize(1);
        assertThat(sent(out, Proposal.class)).isEmpty();
    }

    @Test
    void theHighestPreparedClaimInAJustificationNamesTheOnlyBlockThatMayBeProposed() {
        OneHeight h = new OneHeight(7);
        Address me = h.nonProposer(0, 1, 2);
        List<Address> authors = h.others(h.proposer(2), h.quorum);
        QbftBlock older = h.block(0, 1);
        QbftBlock newer = h.block(1, 2);
        List<SignedPayload<PreparePayload>> olderProof = h.prepares(0, h.digest(older), authors);
        List<SignedPayload<PreparePayload>> newerProof = h.prepares(1, h.digest(newer), authors);
        List<RoundChange> rcs = new ArrayList<>();
        rcs.add(h.roundChange(authors.get(0), 2, 1, newer, newerProof));
        rcs.add(h.roundChange(authors.get(1), 2, 0, older, olderProof));
        rcs.add(h.roundChange(authors.get(2), 2, 1, newer, newerProof));
        for (Address a : authors.subList(3, authors.size()))
            rcs.add(h.roundChange(a, 2));

        QbftEngine reproposingTheHighest = h.engine(me);
        reproposingTheHighest.start(h.genesis);
        assertThat(prepareMessages(receive(reproposingTheHighest,
                h.proposal(2, inRound(newer, 2), payloads(rcs), newerProof)))).hasSize(1);

        QbftEngine reproposingALowerOne = h.engine(me);
        reproposingALowerOne.start(h.genesis);
        assertThat(prepareMessages(receive(reproposingALowerOne,
                h.proposal(2, inRound(older, 2), payloads(rcs), olderProof)))).isEmpty();
    }

    @Test
    void aSecondRoundChangeForTheSameRoundDoesNotReplaceTheValidatorsFirst() {
        Address me = h.proposer(1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> others = h.others(me, h.quorum);
        QbftBlock locked = h.block(0, 1);
        RoundChange withClaim = h.roundChange(others.get(0), 1, 0, locked,
                h.prepares(0, h.digest(locked), others));

        receive(e, h.roundChange(others.get(0), 1), withClaim);
        List<Action> out = receive(e, empty(others.subList(1, h.quorum), 1));

        assertThat(creations(out)).as("the first, claimless ROUND-CHANGE counted").hasSize(1);
        assertThat(sent(out, Proposal.class)).isEmpty();
    }

    @Test
    void aRoundChangeWhosePreparedBlockHasNoQbftExtraDataIsIgnored() {
        Address me = h.proposer(1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> others = h.others(me, h.quorum);
        QbftBlock locked = h.block(0, 1);
        BlockHeader garbled = locked.header().withExtraData(Bytes.of((byte) 1, (byte) 2, (byte) 3));
        RoundChange bad = h.as(others.get(0)).roundChange(1, 1, Optional.of(new PreparedRound(0, h.digest(locked))),
                Optional.of(locked.withHeader(garbled)), h.prepares(0, h.digest(locked), others));

        receive(e, bad);
        assertThat(creations(receive(e, empty(others.subList(1, h.quorum - 1), 1)))).isEmpty();
        List<Action> out = receive(e, h.roundChange(others.get(h.quorum - 1), 1));

        assertThat(creations(out)).hasSize(1);
        assertThat(sent(out, Proposal.class)).isEmpty();
    }
}
