package org.stele.consensus.qbft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.consensus.qbft.engine.OneHeight.feed;
import static org.stele.consensus.qbft.engine.OneHeight.imports;
import static org.stele.consensus.qbft.engine.OneHeight.prepareMessages;
import static org.stele.consensus.qbft.engine.OneHeight.receive;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.message.RoundChange;

/**
 * The edges of the windows an engine keeps messages in: a message exactly as far ahead as the window reaches is kept
 * (one further is dropped, which {@code QbftRulesTest} shows).
 */
class QbftMessageWindowTest {
    private final OneHeight h = new OneHeight(4);

    @Test
    void votesAndAProposalForTheLastRoundInTheWindowAreKept() {
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me, new EngineConfig(1_000, 6, 1, 1, 100));
        e.start(h.genesis);
        QbftBlock b = h.block(1, 1);
        List<Address> others = h.others(me, h.quorum - 1);
        receive(e, others.stream().map(a -> h.as(a).prepare(1, 1, h.digest(b))).toList());
        receive(e, others.stream().map(a -> h.commit(a, 1, b)).toList());
        List<RoundChange> rcs = h.others(h.proposer(1), h.quorum).stream().map(a -> h.roundChange(a, 1)).toList();

        List<Action> out = receive(e, h.proposal(1, b, rcs.stream().map(RoundChange::signed).toList(), List.of()));

        assertThat(imports(out)).singleElement().satisfies(i -> assertThat(i.certificate().round()).isEqualTo(1));
    }

    @Test
    void aMessageForTheLastHeightInTheWindowIsBufferedAndReplayed() {
        Address me = h.nonProposer(0, 1);
        QbftEngine e = h.engine(me, new EngineConfig(1_000, 6, 10, 1, 100));
        e.start(h.genesis);
        QbftBlock first = h.block(0, 1);
        QbftBlock second = h.nextBlock(first);

        assertThat(receive(e, h.as(h.proposer(1)).proposal(2, 0, second, List.of(), List.of()))).isEmpty();
        List<Action> out = feed(e, new Event.BlockImported(first.header()));

        assertThat(prepareMessages(out)).singleElement().satisfies(p -> assertThat(p.height()).isEqualTo(2));
    }
}
