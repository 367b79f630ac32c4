package org.stele.consensus.qbft.message;

import java.util.Objects;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.common.rlp.RlpWriter;

/** {@code [height, round, block]}: the proposer's block for a height and round. */
public record ProposalPayload(long height, int round, QbftBlock block) implements Payload {
    public ProposalPayload {
        Objects.requireNonNull(block, "block");
        Checks.heightAndRound(height, round);
    }

    @Override
    public int code() {
        return MessageCodes.PROPOSAL;
    }

    @Override
    public void writeTo(RlpWriter w) {
        w.startList().writeLong(height).writeLong(round);
        block.writeTo(w);
        w.endList();
    }
}
