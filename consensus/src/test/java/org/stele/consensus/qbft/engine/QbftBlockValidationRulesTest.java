package org.stele.consensus.qbft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.consensus.qbft.engine.OneHeight.feed;
import static org.stele.consensus.qbft.engine.OneHeight.inRound;
import static org.stele.consensus.qbft.engine.OneHeight.prepareMessages;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.RoundChange;

/** The chain validates each proposed block once per height: its verdict holds for the same block in a later round. */
class QbftBlockValidationRulesTest {

    @Test
    void aBlockTheChainFoundValidIsPreparedAtOnceWhenReproposedInALaterRound() {
        OneHeight h = new OneHeight(4);
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me);
        e.start(h.genesis);
        QbftBlock b = h.block(0, 1);
        assertThat(prepareMessages(feed(e, new Event.MessageReceived(h.proposal(0, b, List.of(), List.of())))))
                .hasSize(1);
        feed(e, new Event.RoundTimerExpired(1, 0));

        List<RoundChange> rcs = h.others(h.proposer(1), h.quorum).stream().map(a -> h.roundChange(a, 1)).toList();
        List<Action> out = e.handle(new Event.MessageReceived(h.proposal(1, inRound(b, 1), rcs.stream().map(
                RoundChange::signed).toList(), List.of())));

        assertThat(out).noneMatch(Action.ValidateBlock.class::isInstance);
        assertThat(prepareMessages(out)).singleElement().satisfies(p -> {
            assertThat(p.round()).isEqualTo(1);
            assertThat(p.digest()).isEqualTo(h.digest(b));
        });
        assertThat(out).noneMatch(a -> a instanceof Action.Broadcast x && x.message() instanceof Prepare p
                && p.round() == 0);
    }
}
