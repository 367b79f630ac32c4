package org.stele.consensus.qbft.message;

import java.util.List;
import java.util.Objects;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.common.rlp.RlpWriter;

/**
 * PROPOSAL: {@code [signedPayload, [[roundChanges], [prepares]]]}. In round 0 the justification is empty; in a later
 * round it holds a quorum of ROUND-CHANGE payloads for this round and, if any of them reports a prepared round, the
 * PREPAREs that prepared the highest one, whose block this proposal must then carry.
 */
public record Proposal(SignedPayload<ProposalPayload> signed, List<SignedPayload<RoundChangePayload>> roundChanges,
        List<SignedPayload<PreparePayload>> prepares) implements QbftMessage {
    public Proposal {
        Objects.requireNonNull(signed, "signed");
        roundChanges = List.copyOf(roundChanges);
        prepares = List.copyOf(prepares);
    }

    public QbftBlock block() {
        return signed.payload().block();
    }

    @Override
    public void writeTo(RlpWriter w) {
        w.startList();
        signed.writeTo(w);
        w.startList().startList();
        for (SignedPayload<RoundChangePayload> rc : roundChanges)
            rc.writeTo(w);
        w.endList().startList();
        for (SignedPayload<PreparePayload> p : prepares)
            p.writeTo(w);
        w.endList().endList();
        w.endList();
    }
}
