package org.stele.consensus.qbft.message;

import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;

/** COMMIT: {@code [[height, round, digest, commitSeal], signature]}. */
public record Commit(SignedPayload<CommitPayload> signed) implements QbftMessage {
    public Bytes32 digest() {
        return signed.payload().digest();
    }

    @Override
    public void writeTo(RlpWriter w) {
        signed.writeTo(w);
    }
}
