package org.stele.consensus.qbft.message;

import java.util.Objects;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;

/** {@code [height, round, digest]}: a vote that the proposal with block hash {@code digest} is valid. */
public record PreparePayload(long height, int round, Bytes32 digest) implements Payload {
    public PreparePayload {
        Objects.requireNonNull(digest, "digest");
        Checks.heightAndRound(height, round);
    }

    @Override
    public int code() {
        return MessageCodes.PREPARE;
    }

    @Override
    public void writeTo(RlpWriter w) {
        w.startList().writeLong(height).writeLong(round).writeBytes(digest).endList();
    }
}
