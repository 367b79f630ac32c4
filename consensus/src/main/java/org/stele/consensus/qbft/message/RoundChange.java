package org.stele.consensus.qbft.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.common.rlp.RlpWriter;

/**
 * ROUND-CHANGE: {@code [signedPayload, preparedBlock or [], [prepares]]}. When the author reports a prepared round,
 * the message carries the prepared block and the quorum of PREPAREs that prepared it (the prepared certificate), so
 * the next proposer can re-propose that block and prove why.
 */
public record RoundChange(SignedPayload<RoundChangePayload> signed, Optional<QbftBlock> preparedBlock,
        List<SignedPayload<PreparePayload>> prepares) implements QbftMessage {
    public RoundChange {
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(preparedBlock, "preparedBlock");
        prepares = List.copyOf(prepares);
    }

    @Override
    public void writeTo(RlpWriter w) {
        w.startList();
        signed.writeTo(w);
        if (preparedBlock.isPresent())
            preparedBlock.get().writeTo(w);
        else
            w.startList().endList();
        w.startList();
        for (SignedPayload<PreparePayload> p : prepares)
            p.writeTo(w);
        w.endList();
        w.endList();
    }
}
