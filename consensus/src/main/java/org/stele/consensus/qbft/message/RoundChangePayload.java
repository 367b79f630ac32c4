package org.stele.consensus.qbft.message;

import java.util.Objects;
import java.util.Optional;
import org.stele.common.rlp.RlpWriter;

/**
 * {@code [height, round, [preparedRound, digest] or []]}: the author wants to move to {@code round} and reports the
 * last round it prepared in, if any.
 */
public record RoundChangePayload(long height, int round, Optional<PreparedRound> prepared) implements Payload {
    public RoundChangePayload {
        Objects.requireNonNull(prepared, "prepared");
        Checks.heightAndRound(height, round);
    }

    @Override
    public int code() {
        return MessageCodes.ROUND_CHANGE;
    }

    @Override
    public void writeTo(RlpWriter w) {
        w.startList().writeLong(height).writeLong(round).startList();
        prepared.ifPresent(p -> w.writeLong(p.round()).writeBytes(p.digest()));
        w.endList().endList();
    }
}
