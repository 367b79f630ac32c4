package org.stele.consensus.qbft.message;

import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;

/** PREPARE: {@code [[height, round, digest], signature]}. */
public record Prepare(SignedPayload<PreparePayload> signed) implements QbftMessage {
    public Bytes32 digest() {
        return signed.payload().digest();
    }

    @Override
    public void writeTo(RlpWriter w) {
        signed.writeTo(w);
    }
}
