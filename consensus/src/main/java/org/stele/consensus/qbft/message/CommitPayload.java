package org.stele.consensus.qbft.message;

import java.util.Objects;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.SignatureCodec;
import org.stele.common.rlp.RlpWriter;

/**
 * {@code [height, round, digest, commitSeal]}: a vote to commit the block, carrying the seal that goes into the
 * block's finality certificate (a signature over the header's commit-seal hash in this round).
 */
public record CommitPayload(long height, int round, Bytes32 digest, Signature commitSeal) implements Payload {
    public CommitPayload {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(commitSeal, "commitSeal");
        Checks.heightAndRound(height, round);
    }

    @Override
    public int code() {
        return MessageCodes.COMMIT;
    }

    @Override
    public void writeTo(RlpWriter w) {
        w.startList().writeLong(height).writeLong(round).writeBytes(digest)
                .writeBytes(SignatureCodec.encode(commitSeal)).endList();
    }
}
