package org.stele.consensus.qbft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.stele.consensus.qbft.engine.OneHeight.creations;
import static org.stele.consensus.qbft.engine.OneHeight.feed;
import static org.stele.consensus.qbft.engine.OneHeight.imports;
import static org.stele.consensus.qbft.engine.OneHeight.inRound;
import static org.stele.consensus.qbft.engine.OneHeight.prepareMessages;
import static org.stele.consensus.qbft.engine.OneHeight.receive;
import static org.stele.consensus.qbft.engine.OneHeight.sent;
import static org.stele.consensus.qbft.engine.OneHeight.timers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.consensus.qbft.FinalityVerifier;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.PreparePayload;
import org.stele.consensus.qbft.message.PreparedRound;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.RoundChange;
import org.stele.consensus.qbft.message.RoundChangePayload;
import org.stele.consensus.qbft.message.SignedPayload;
import org.stele.testkit.TestKeys;

/**
 * One test per rule of QBFT (the EEA specification), each driven through the engine's public events with the other
 * validators' messages forged by the test. The seeded simulation in testkit shows the rules together; these show
 * each one on its own, for validator sets of 4, 5, 7 and 10.
 */
class QbftRulesTest {

    private static List<SignedPayload<RoundChangePayload>> payloads(List<RoundChange> rcs) {
        return rcs.stream().map(RoundChange::signed).toList();
    }

    private static List<RoundChange> emptyRoundChanges(OneHeight h, List<Address> from, int round) {
        return from.stream().map(a -> h.roundChange(a, round)).toList();
    }

    // ---- proposal justification

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void aRoundChangeProposalIsPreparedWhenAQuorumOfRoundChangesForItsRoundJustifiesIt(int n) {
        OneHeight h = new OneHeight(n);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(1, 1);
        List<RoundChange> rcs = emptyRoundChanges(h, h.others(h.proposer(1), h.quorum), 1);

        List<Prepare> prepares = prepareMessages(receive(e, h.proposal(1, b, payloads(rcs), List.of())));

        assertThat(prepares).singleElement().satisfies(p -> {
            assertThat(p.round()).isEqualTo(1);
            assertThat(p.digest()).isEqualTo(h.digest(b));
        });
        assertThat(e.round()).isEqualTo(1);
    }

    enum BadJustification {
        ONE_ROUND_CHANGE_SHORT, ROUND_CHANGES_FOR_ANOTHER_ROUND, ONE_AUTHOR_TWICE, AN_OUTSIDER_AMONG_THEM, ROUND_CHANGES_FOR_ANOTHER_HEIGHT
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadJustification.class)
    void aRoundChangeProposalWithoutAJustifyingQuorumIsNotPrepared(BadJustification bad) {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> authors = h.others(h.proposer(1), h.quorum);
        List<SignedPayload<RoundChangePayload>> rcs = new ArrayList<>(payloads(emptyRoundChanges(h, authors, 1)));
        switch (bad) {
            case ONE_ROUND_CHANGE_SHORT -> rcs.remove(0);
            case ROUND_CHANGES_FOR_ANOTHER_ROUND -> rcs.set(0, h.roundChange(authors.get(0), 2).signed());
            case ONE_AUTHOR_TWICE -> rcs.set(0, rcs.get(1));
            case AN_OUTSIDER_AMONG_THEM -> rcs.set(0, new MessageFactory(
                    TestKeys.named("outsider"), TestKeys.SUITE).roundChange(1, 1, Optional.empty(), Optional.empty(),
                            List.of())
                    .signed());
            case ROUND_CHANGES_FOR_ANOTHER_HEIGHT -> rcs.set(0, h.as(authors.get(0))
                    .roundChange(2, 1, Optional.empty(), Optional.empty(), List.of()).signed());
        }

        List<Action> out = receive(e, h.proposal(1, h.block(1, 1), rcs, List.of()));

        assertThat(prepareMessages(out)).isEmpty();
        assertThat(out).noneMatch(Action.ValidateBlock.class::isInstance);
        assertThat(e.round()).isZero();
    }

    @Test
    void aRoundZeroProposalThatCarriesAJustificationIsNotPrepared() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0);
        QbftBlock b = h.block(0, 1);
        List<RoundChange> rcs = emptyRoundChanges(h, h.others(h.proposer(0), h.quorum), 0);

        QbftEngine withRoundChanges = h.engine(me);
        withRoundChanges.start(h.genesis);
        assertThat(prepareMessages(receive(withRoundChanges, h.proposal(0, b, payloads(rcs), List.of())))).isEmpty();

        QbftEngine withPrepares = h.engine(me);
        withPrepares.start(h.genesis);
        List<SignedPayload<PreparePayload>> prepares = h.prepares(0, h.digest(b), h.others(me, h.quorum));
        assertThat(prepareMessages(receive(withPrepares, h.proposal(0, b, List.of(), prepares)))).isEmpty();

        QbftEngine plain = h.engine(me);
        plain.start(h.genesis);
        assertThat(prepareMessages(receive(plain, h.proposal(0, b, List.of(), List.of())))).hasSize(1);
    }

    enum BadCertificate {
        ANOTHER_BLOCK, ONE_PREPARE_SHORT, PREPARES_FOR_ANOTHER_ROUND, PREPARES_FOR_ANOTHER_BLOCK, PREPARED_ROUND_NOT_EARLIER
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadCertificate.class)
    void aProposalAfterAPreparedRoundChangeMustCarryThatBlockAndItsPrepareQuorum(BadCertificate bad) {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1);
        QbftBlock locked = h.block(0, 1);
        List<Address> authors = h.others(h.proposer(1), h.quorum);
        List<SignedPayload<PreparePayload>> prepares = new ArrayList<>(
                h.prepares(0, h.digest(locked), h.others(h.proposer(1), h.quorum)));
        int preparedRound = 0;
        QbftBlock proposed = inRound(locked, 1);
        switch (bad) {
            case ANOTHER_BLOCK -> proposed = h.block(1, 2);
            case ONE_PREPARE_SHORT -> prepares.remove(0);
            case PREPARES_FOR_ANOTHER_ROUND -> prepares.set(0, h.as(authors.get(0)).prepare(1, 1, h.digest(locked))
                    .signed());
            case PREPARES_FOR_ANOTHER_BLOCK ->
                prepares.set(0, h.as(authors.get(0)).prepare(1, 0, h.digest(h.block(0, 9)))
                        .signed());
            case PREPARED_ROUND_NOT_EARLIER -> preparedRound = 1;
        }
        List<SignedPayload<RoundChangePayload>> rcs = new ArrayList<>(payloads(emptyRoundChanges(h, authors, 1)));
        rcs.set(0, h.as(authors.get(0))
                .roundChange(1, 1, Optional.of(new PreparedRound(preparedRound, h.digest(locked))), Optional.of(locked),
                        prepares)
                .signed());

        QbftEngine honest = h.engine(me);
        honest.start(h.genesis);
        List<Prepare> sent = prepareMessages(receive(honest, h.proposal(1, proposed, rcs, prepares)));

        assertThat(sent).isEmpty();

        // the same justification, made whole, is accepted: the test above failed for its one defect
        QbftEngine control = h.engine(me);
        control.start(h.genesis);
        List<SignedPayload<RoundChangePayload>> good = new ArrayList<>(rcs);
        List<SignedPayload<PreparePayload>> goodPrepares = h.prepares(0, h.digest(locked), authors);
        good.set(0, h.roundChange(authors.get(0), 1, 0, locked, goodPrepares).signed());
        assertThat(prepareMessages(receive(control, h.proposal(1, inRound(locked, 1), good, goodPrepares))))
                .singleElement().extracting(Prepare::digest).isEqualTo(h.digest(locked));
    }

    // ---- the highest prepared certificate

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void theNextProposerReproposesTheHighestPreparedBlockAmongTheRoundChanges(int n) {
        OneHeight h = new OneHeight(n);
        Address me = h.proposer(2);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> others = h.others(me, h.quorum);
        QbftBlock older = h.block(0, 1);
        QbftBlock newer = h.block(1, 2);
        List<SignedPayload<PreparePayload>> olderPrepares = h.prepares(0, h.digest(older), others);
        List<SignedPayload<PreparePayload>> newerPrepares = h.prepares(1, h.digest(newer), others);
        List<RoundChange> rcs = new ArrayList<>();
        rcs.add(h.roundChange(others.get(0), 2, 0, older, olderPrepares));
        rcs.add(h.roundChange(others.get(1), 2, 1, newer, newerPrepares));
        rcs.addAll(emptyRoundChanges(h, others.subList(2, others.size()), 2));

        List<Action> out = receive(e, rcs);

        assertThat(creations(out)).isEmpty();
        Proposal p = sent(out, Proposal.class).stream().filter(x -> x.round() == 2).findFirst().orElseThrow();
        assertThat(h.digest(p.block())).isEqualTo(h.digest(newer));
        assertThat(QbftHashing.extraData(p.block().header()).round()).isEqualTo(2);
        assertThat(p.prepares()).isEqualTo(newerPrepares);
        assertThat(p.roundChanges()).hasSizeGreaterThanOrEqualTo(h.quorum);
        assertThat(p.roundChanges()).allMatch(rc -> rc.payload().round() == 2 && rc.payload().height() == 1);
    }

    @Test
    void theNextProposerBuildsANewBlockWhenNoRoundChangeReportsAPreparedRound() {
        OneHeight h = new OneHeight(4);
        Address me = h.proposer(1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);

        List<Action> out = receive(e, emptyRoundChanges(h, h.others(me, h.quorum), 1));

        assertThat(creations(out)).singleElement().satisfies(c -> {
            assertThat(c.height()).isEqualTo(1);
            assertThat(c.round()).isEqualTo(1);
        });
        QbftBlock built = h.chain.block(h.genesis, 1, me, 5);
        Proposal p = sent(feed(e, new Event.BlockCreated(1, 1, built)), Proposal.class).get(0);
        assertThat(p.block()).isEqualTo(built);
        assertThat(p.roundChanges()).hasSizeGreaterThanOrEqualTo(h.quorum);
        assertThat(p.prepares()).isEmpty();
    }

    enum ForgedClaim {
        ONE_PREPARE_SHORT, PREPARES_FOR_ANOTHER_BLOCK, PREPARES_FOR_ANOTHER_ROUND, ONE_PREPARER_TWICE, AN_OUTSIDER_PREPARED, PREPARED_ROUND_NOT_EARLIER, BLOCK_NOT_MATCHING_THE_DIGEST, NO_BLOCK, BLOCK_OF_ANOTHER_HEIGHT, PREPARES_WITHOUT_A_CLAIM
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ForgedClaim.class)
    void aRoundChangeThatClaimsAPreparedRoundWithoutProofIsIgnored(ForgedClaim forged) {
        OneHeight h = new OneHeight(4);
        Address me = h.proposer(1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> others = h.others(me, h.quorum);
        QbftBlock locked = h.block(0, 1);
        Bytes32 digest = h.digest(locked);
        List<SignedPayload<PreparePayload>> prepares = new ArrayList<>(h.prepares(0, digest, others));
        PreparedRound claim = new PreparedRound(0, digest);
        Optional<QbftBlock> block = Optional.of(locked);
        switch (forged) {
            case ONE_PREPARE_SHORT -> prepares.remove(0);
            case PREPARES_FOR_ANOTHER_BLOCK -> prepares.set(0, h.as(others.get(0)).prepare(1, 0, h.digest(h.block(0,
                    2))).signed());
            case PREPARES_FOR_ANOTHER_ROUND -> prepares.set(0, h.as(others.get(0)).prepare(1, 1, digest).signed());
            case ONE_PREPARER_TWICE -> prepares.set(0, prepares.get(1));
            case AN_OUTSIDER_PREPARED -> prepares.set(0, new MessageFactory(
                    TestKeys.named("outsider"), TestKeys.SUITE).prepare(1, 0, digest).signed());
            case PREPARED_ROUND_NOT_EARLIER -> claim = new PreparedRound(1, digest);
            case BLOCK_NOT_MATCHING_THE_DIGEST -> block = Optional.of(h.block(0, 2));
            case NO_BLOCK -> block = Optional.empty();
            case BLOCK_OF_ANOTHER_HEIGHT -> block = Optional.of(h.chain.block(locked.header(), 0, me, 1));
            case PREPARES_WITHOUT_A_CLAIM -> claim = null;
        }
        RoundChange bad = claim == null
                ? h.as(others.get(0)).roundChange(1, 1, Optional.empty(), Optional.empty(), prepares)
                : h.as(others.get(0)).roundChange(1, 1, Optional.of(claim), block, prepares);
        // with the forged one counted, these would make a quorum for round 1 and a re-proposal of the locked block
        List<RoundChange> honest = emptyRoundChanges(h, others.subList(1, h.quorum - 1), 1);

        List<Action> out = new ArrayList<>(receive(e, bad));
        out.addAll(receive(e, honest));
        assertThat(sent(out, Proposal.class)).isEmpty();
        assertThat(creations(out)).isEmpty();

        // one more honest ROUND-CHANGE completes the quorum: a new block, since no valid claim was seen
        out = receive(e, h.roundChange(others.get(h.quorum - 1), 1));
        assertThat(creations(out)).singleElement().extracting(Action.CreateBlock::round).isEqualTo(1);
        assertThat(sent(out, Proposal.class)).isEmpty();
    }

    // ---- catching up with a higher round

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void fPlusOneRoundChangesForHigherRoundsMoveAValidatorToTheLowestRoundAnHonestOneMayBeIn(int n) {
        OneHeight h = new OneHeight(n);
        Address me = h.nonProposer(5);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> others = h.others(me, h.faulty + 1);

        List<Action> out = receive(e, emptyRoundChanges(h, others.subList(0, h.faulty), 5));
        assertThat(out).isEmpty();
        assertThat(e.round()).isZero();

        out = receive(e, h.roundChange(others.get(h.faulty), 9));

        assertThat(e.round()).isEqualTo(5);
        assertThat(sent(out, RoundChange.class)).singleElement().satisfies(rc -> {
            assertThat(rc.round()).isEqualTo(5);
            assertThat(rc.author()).isEqualTo(me);
        });
        assertThat(timers(out)).containsExactly(new Action.ScheduleTimer(1, 5, EngineConfig.defaults()
                .roundTimeout(5)));
    }

    @Test
    void anOlderRoundChangeFromTheSameValidatorDoesNotReplaceItsLatest() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(3);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        List<Address> others = h.others(me, 2);

        receive(e, h.roundChange(others.get(0), 3), h.roundChange(others.get(0), 2));
        assertThat(e.round()).isZero();
        receive(e, h.roundChange(others.get(1), 3));
        assertThat(e.round()).isEqualTo(3);
    }

    @Test
    void roundChangesFromOutsidersOrForRoundZeroAreIgnored() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        var outsider = new MessageFactory(TestKeys.named("outsider"),
                TestKeys.SUITE);
        Address other = h.others(me, 1).get(0);

        assertThat(receive(e, outsider.roundChange(1, 1, Optional.empty(), Optional.empty(), List.of()),
                h.roundChange(h.others(me, 2).get(1), 0))).isEmpty();
        assertThat(receive(e, h.roundChange(other, 1))).isEmpty();
        assertThat(e.round()).isZero();
    }

    // ---- future messages

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void messagesForALaterRoundAreKeptAndCountOnceItsProposalArrives(int n) {
        OneHeight h = new OneHeight(n);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(1, 1);
        List<Address> others = h.others(me, h.quorum);
        List<Prepare> prepares = others.subList(0, h.quorum - 1).stream().map(a -> h.as(a).prepare(1, 1, h.digest(
                b))).toList();
        List<Commit> commits = others.stream().map(a -> h.commit(a, 1, b)).toList();

        assertThat(receive(e, commits)).isEmpty();
        assertThat(receive(e, prepares)).isEmpty();
        List<RoundChange> rcs = emptyRoundChanges(h, h.others(h.proposer(1), h.quorum), 1);
        List<Action> out = receive(e, h.proposal(1, b, payloads(rcs), List.of()));

        assertThat(prepareMessages(out)).hasSize(1);
        assertThat(sent(out, Commit.class)).singleElement().extracting(Commit::round).isEqualTo(1);
        assertThat(imports(out)).singleElement().satisfies(i -> {
            assertThat(i.certificate().round()).isEqualTo(1);
            assertThat(i.certificate().commits()).hasSize(h.quorum);
            assertThat(h.digest(i.block())).isEqualTo(h.digest(b));
        });
    }

    @Test
    void messagesForRoundsBeyondTheWindowAreDroppedNotKept() {
        OneHeight h = new OneHeight(4);
        EngineConfig windowOfOne = new EngineConfig(1_000, 6, 1, 10, 100);
        Address me = h.nonProposer(0, 1, 2);
        QbftEngine e = h.engine(me, windowOfOne);
        e.start(h.genesis);
        QbftBlock b = h.block(2, 1);
        List<Prepare> prepares = h.others(me, h.quorum - 1).stream().map(a -> h.as(a).prepare(1, 2, h.digest(b)))
                .toList();
        List<RoundChange> rcs = emptyRoundChanges(h, h.others(h.proposer(2), h.quorum), 2);
        Proposal p = h.proposal(2, b, payloads(rcs), List.of());

        assertThat(receive(e, prepares)).isEmpty();
        assertThat(receive(e, p)).isEmpty();
        feed(e, new Event.RoundTimerExpired(1, 0));
        feed(e, new Event.RoundTimerExpired(1, 1));
        assertThat(e.round()).isEqualTo(2);
        List<Action> out = receive(e, p);
        assertThat(prepareMessages(out)).hasSize(1);
        assertThat(sent(out, Commit.class)).as("the early PREPAREs were dropped").isEmpty();

        assertThat(sent(receive(e, prepares), Commit.class)).as("the same PREPAREs, in reach, count").hasSize(1);
    }

    @Test
    void messagesForTheNextHeightAreBufferedAndReplayedWhenItStarts() {
        OneHeight h = new OneHeight(4);
        // rotation: height 2's round-0 proposer is height 1's round-1 proposer
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock first = h.block(0, 1);
        Address nextProposer = h.proposer(1);
        QbftBlock second = h.nextBlock(first);
        Proposal early = h.as(nextProposer).proposal(2, 0, second, List.of(), List.of());

        assertThat(receive(e, early)).isEmpty();
        List<Action> out = feed(e, new Event.BlockImported(first.header()));

        assertThat(e.height()).isEqualTo(2);
        assertThat(prepareMessages(out)).singleElement().satisfies(p -> {
            assertThat(p.height()).isEqualTo(2);
            assertThat(p.digest()).isEqualTo(h.digest(second));
        });
    }

    enum Unbuffered {
        FROM_AN_OUTSIDER, BEYOND_THE_HEIGHT_WINDOW, OVER_THE_PER_SENDER_BOUND
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Unbuffered.class)
    void futureHeightMessagesOutsideTheBoundsAreDroppedNotReplayed(Unbuffered kind) {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1, 2);
        QbftEngine e = h.engine(me, new EngineConfig(1_000, 6, 10, 1, 1));
        e.start(h.genesis);
        QbftBlock first = h.block(0, 1);
        Address nextProposer = h.proposer(1);
        QbftBlock second = h.nextBlock(first);
        Proposal early = h.as(nextProposer).proposal(2, 0, second, List.of(), List.of());
        switch (kind) {
            case FROM_AN_OUTSIDER -> receive(e, new MessageFactory(TestKeys.named(
                    "outsider"), TestKeys.SUITE).proposal(2, 0, second, List.of(), List.of()));
            case BEYOND_THE_HEIGHT_WINDOW -> {
                Address thirdProposer = h.proposer(2);
                QbftBlock third = h.chain.block(second.header(), 0, thirdProposer, 1);
                receive(e, h.as(thirdProposer).proposal(3, 0, third, List.of(), List.of()));
                feed(e, new Event.BlockImported(first.header()));
                List<Action> out = feed(e, new Event.BlockImported(second.header()));
                assertThat(out).noneMatch(Action.ValidateBlock.class::isInstance);
                assertThat(prepareMessages(out)).isEmpty();
                return;
            }
            case OVER_THE_PER_SENDER_BOUND -> receive(e, h.as(nextProposer).prepare(2, 0, h.digest(second)), early);
        }
        List<Action> out = feed(e, new Event.BlockImported(first.header()));
        assertThat(out).noneMatch(Action.ValidateBlock.class::isInstance);
        assertThat(prepareMessages(out)).isEmpty();
    }

    @Test
    void messagesForPastHeightsAreIgnored() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock first = h.block(0, 1);
        feed(e, new Event.BlockImported(first.header()));
        assertThat(receive(e, h.proposal(0, first, List.of(), List.of()))).isEmpty();
        assertThat(feed(e, new Event.BlockImported(first.header()))).isEmpty();
        assertThat(e.height()).isEqualTo(2);
    }

    @Test
    void nothingOfOneHeightCarriesIntoTheNext() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1, 3);
        org.stele.consensus.qbft.wal.InMemoryWal wal = new org.stele.consensus.qbft.wal.InMemoryWal();
        QbftEngine e = new QbftEngine(EngineConfig.defaults(), h.chain.keyOf(me), TestKeys.SUITE, h.provider, wal);
        e.start(h.genesis);
        QbftBlock first = h.block(0, 1);
        List<Address> others = h.others(me, 2);
        receive(e, h.proposal(0, first, List.of(), List.of()));
        receive(e, h.roundChange(others.get(0), 3));
        assertThat(wal.entries()).isNotEmpty();

        feed(e, new Event.BlockImported(first.header()));

        assertThat(wal.entries()).as("the WAL keeps height 1, which a crash before its block's write returns to")
                .anyMatch(x -> x.height() == 1);
        // one ROUND-CHANGE for round 3 at height 2: with height 1's still counted, f+1 would pull the engine along
        receive(e, h.as(others.get(1)).roundChange(2, 3, Optional.empty(), Optional.empty(), List.of()));
        assertThat(e.round()).isZero();
    }

    @Test
    void theWalKeepsTheLastDecidedHeightsAndDropsOlderOnesAsTheChainGoesOn() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0);
        org.stele.consensus.qbft.wal.InMemoryWal wal = new org.stele.consensus.qbft.wal.InMemoryWal();
        QbftEngine e = new QbftEngine(EngineConfig.defaults(), h.chain.keyOf(me), TestKeys.SUITE, h.provider, wal);
        e.start(h.genesis);
        org.stele.chain.BlockHeader parent = h.genesis;
        java.util.Set<Long> signedAt = new java.util.HashSet<>();
        for (long height = 1; height <= 3 * QbftEngine.PRUNE_EVERY; height++) {
            Address proposer = org.stele.consensus.qbft.ProposerSelector.proposer(h.validators(), parent.coinbase(),
                    0);
            QbftBlock block = h.chain.block(parent, 0, proposer, height);
            if (!proposer.equals(me)) {
                receive(e, h.as(proposer).proposal(height, 0, block, List.of(), List.of()));
                signedAt.add(height);
            }
            feed(e, new Event.BlockImported(block.header()));
            parent = block.header();
            long now = e.height();
            assertThat(wal.entries()).as("records of heights a crash cannot return to, at height %d", now)
                    .allMatch(x -> x.height() >= now - QbftEngine.DECIDED_HEIGHTS_KEPT - QbftEngine.PRUNE_EVERY);
            for (long kept = Math.max(1, now - QbftEngine.DECIDED_HEIGHTS_KEPT); kept < now; kept++) {
                long k = kept;
                if (signedAt.contains(k))
                    assertThat(wal.entries()).as("height %d's records at height %d", k, now)
                            .anyMatch(x -> x.height() == k);
            }
        }
        assertThat(signedAt).hasSizeGreaterThan(QbftEngine.PRUNE_EVERY);
    }

    // ---- proposer rotation

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void roundZeroOfAHeightGoesToTheValidatorAfterThePreviousBlocksProposer(int n) {
        OneHeight h = new OneHeight(n);
        List<Address> sorted = h.validators();
        for (int previous = 0; previous < n; previous++) {
            var head = h.chain.block(h.genesis, 0, sorted.get(previous), 1).header();
            List<Address> creators = new ArrayList<>();
            for (Address v : sorted)
                if (!creations(h.engine(v).start(head)).isEmpty())
                    creators.add(v);
            assertThat(creators).containsExactly(sorted.get((previous + 1) % n));
        }
    }

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void eachRoundChangeHandsTheProposalToTheNextValidator(int n) {
        OneHeight h = new OneHeight(n);
        List<Address> sorted = h.validators();
        // the genesis coinbase is the zero address, so round 0 goes to the lowest address
        for (int round = 1; round <= n; round++) {
            List<Address> creators = new ArrayList<>();
            for (Address v : sorted) {
                QbftEngine e = h.engine(v);
                e.start(h.genesis);
                if (!creations(receive(e, emptyRoundChanges(h, h.others(v, h.quorum), round))).isEmpty())
                    creators.add(v);
            }
            assertThat(creators).as("round %d", round).containsExactly(sorted.get(round % n));
        }
    }

    // ---- timers

    @Test
    void theRoundTimerDoublesEachRoundUpToItsCap() {
        OneHeight h = new OneHeight(4);
        QbftEngine e = h.engine(h.nonProposer(0), new EngineConfig(100, 3, 10, 10, 100));
        List<Long> delays = new ArrayList<>();
        delays.addAll(timers(e.start(h.genesis)).stream().map(Action.ScheduleTimer::delayMillis).toList());
        for (int r = 0; r < 7; r++) {
            List<Action.ScheduleTimer> t = timers(feed(e, new Event.RoundTimerExpired(1, r)));
            assertThat(t).singleElement().satisfies(s -> {
                assertThat(s.height()).isEqualTo(1);
                assertThat(s.round()).isEqualTo(e.round());
            });
            delays.add(t.get(0).delayMillis());
        }
        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 800L, 800L, 800L, 800L);
        assertThat(e.round()).isEqualTo(7);
    }

    @Test
    void theDefaultTimerStartsAtTwoSecondsAndStopsDoublingAtRoundSix() {
        EngineConfig d = EngineConfig.defaults();
        assertThat(Stream.of(0, 1, 6, 7, 1_000).map(d::roundTimeout)).containsExactly(2_000L, 4_000L, 128_000L,
                128_000L, 128_000L);
        assertThat(new EngineConfig(1, 30, 1, 1, 1).roundTimeout(Integer.MAX_VALUE)).isEqualTo(1L << 30);
    }

    @Test
    void anEngineConfigurationOutOfRangeIsRefused() {
        assertThat(new EngineConfig(1, 0, 1, 1, 1).roundTimeout(3)).isEqualTo(1);
        for (long[] bad : new long[][]{{0, 6, 10, 10, 100}, {1, -1, 10, 10, 100}, {1, 31, 10, 10, 100},
                {1, 6, 0, 10, 100}, {1, 6, 10, 0, 100}, {1, 6, 10, 10, 0}})
            assertThatIllegalArgumentException().isThrownBy(() -> new EngineConfig(
                    bad[0], (int) bad[1], (int) bad[2], (int) bad[3], (int) bad[4]));
    }

    @Test
    void aTimerForARoundTheEngineHasLeftOrAnotherHeightIsIgnored() {
        OneHeight h = new OneHeight(4);
        QbftEngine e = h.engine(h.nonProposer(0));
        e.start(h.genesis);
        feed(e, new Event.RoundTimerExpired(1, 0));
        assertThat(feed(e, new Event.RoundTimerExpired(1, 0))).isEmpty();
        assertThat(feed(e, new Event.RoundTimerExpired(2, 1))).isEmpty();
        assertThat(e.round()).isEqualTo(1);
    }

    // ---- votes: duplicates, forgeries, strangers

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void duplicatedOrOutsidersPreparesDoNotMakeAQuorum(int n) {
        OneHeight h = new OneHeight(n);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(0, 1);
        receive(e, h.proposal(0, b, List.of(), List.of()));
        List<Address> others = h.others(me, h.quorum - 1);
        var outsider = new MessageFactory(TestKeys.named("outsider"),
                TestKeys.SUITE);
        List<Action> out = new ArrayList<>();
        for (Address a : others.subList(0, others.size() - 1)) {
            Prepare p = h.as(a).prepare(1, 0, h.digest(b));
            out.addAll(receive(e, p, p));
        }
        out.addAll(receive(e, outsider.prepare(1, 0, h.digest(b))));
        out.addAll(receive(e, h.as(others.get(others.size() - 1)).prepare(1, 0, h.digest(h.block(0, 2)))));
        assertThat(sent(out, Commit.class)).isEmpty();

        out = receive(e, h.as(others.get(others.size() - 1)).prepare(1, 0, h.digest(b)));
        assertThat(sent(out, Commit.class)).as("a first PREPARE per validator counts, so this one is ignored")
                .isEmpty();
        Address fresh = h.validators().stream().filter(a -> !a.equals(me) && !others.contains(a)).findFirst()
                .orElseThrow();
        out = receive(e, h.as(fresh).prepare(1, 0, h.digest(b)));
        assertThat(sent(out, Commit.class)).singleElement().extracting(Commit::digest).isEqualTo(h.digest(b));
    }

    @ParameterizedTest(name = "{0} validators")
    @ValueSource(ints = {4, 5, 7, 10})
    void commitsWithForgedSealsDuplicatesOrOtherBlocksDoNotDecide(int n) {
        OneHeight h = new OneHeight(n);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(0, 1);
        List<Address> others = h.others(me, h.quorum);
        receive(e, h.proposal(0, b, List.of(), List.of()));
        List<Action> out = receive(e, others.subList(0, h.quorum - 1).stream().map(a -> h.as(a).prepare(1, 0, h
                .digest(b))).toList());
        assertThat(sent(out, Commit.class)).hasSize(1);

        out = new ArrayList<>();
        for (Address a : others.subList(0, h.quorum - 2)) {
            Commit c = h.commit(a, 0, b);
            out.addAll(receive(e, c, c));
        }
        Address forger = others.get(h.quorum - 2);
        var f = h.as(forger);
        out.addAll(receive(e, f.commit(1, 0, h.digest(b), f.commitSeal(h.block(0, 2).header()))));
        assertThat(imports(out)).as("a seal over another header").isEmpty();

        Address last = others.get(h.quorum - 1);
        out = receive(e, h.commit(last, 0, h.block(0, 2)));
        assertThat(imports(out)).as("a COMMIT for another block").isEmpty();

        QbftEngine again = h.engine(me);
        again.start(h.genesis);
        receive(again, h.proposal(0, b, List.of(), List.of()));
        receive(again, others.subList(0, h.quorum - 1).stream().map(a -> h.as(a).prepare(1, 0, h.digest(b)))
                .toList());
        for (Address a : others.subList(0, h.quorum - 2))
            receive(again, h.commit(a, 0, b));
        receive(again, f.commit(1, 0, h.digest(b), f.commitSeal(h.block(0, 2).header())));
        out = receive(again, h.commit(last, 0, b));
        assertThat(imports(out)).singleElement().satisfies(i -> {
            assertThat(i.certificate().commits()).hasSize(h.quorum).extracting(Commit::author).doesNotContain(forger)
                    .isSorted();
            assertThat(new FinalityVerifier(TestKeys.SUITE).isFinal(i.block().header(), h
                    .validators())).isTrue();
        });
        assertThat(receive(again, h.commit(forger, 0, b))).as("a decided height takes nothing more").isEmpty();
    }

    @Test
    void aBlockTheChainFindsInvalidIsNeitherPreparedNorValidatedTwice() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(0, 1);
        List<Action> out = e.handle(new Event.MessageReceived(h.proposal(0, b, List.of(), List.of())));
        Action.ValidateBlock v = out.stream().filter(Action.ValidateBlock.class::isInstance)
                .map(Action.ValidateBlock.class::cast).findFirst().orElseThrow();
        assertThat(v.digest()).isEqualTo(h.digest(b));
        assertThat(e.handle(new Event.ProposalValidated(1, v.digest(), false))).isEmpty();

        QbftBlock again = inRound(b, 1);
        List<RoundChange> rcs = emptyRoundChanges(h, h.others(h.proposer(1), h.quorum), 1);
        out = e.handle(new Event.MessageReceived(h.proposal(1, again, payloads(rcs), List.of())));
        assertThat(out).noneMatch(Action.ValidateBlock.class::isInstance);
        assertThat(prepareMessages(out)).isEmpty();
    }

    @Test
    void anEquivocatingProposersSecondBlockIsIgnored() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        assertThat(prepareMessages(receive(e, h.proposal(0, h.block(0, 1), List.of(), List.of())))).hasSize(1);
        assertThat(receive(e, h.proposal(0, h.block(0, 2), List.of(), List.of()))).isEmpty();
    }
}
