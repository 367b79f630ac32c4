package org.stele.consensus.qbft.message;

import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;

/** COMMIT: {@code [[height, round, digest, commitSeal], signature]}. */
public record Commit(SignedPayload<CommitPayload> signed) implements QbftMessage {
    @Override
    public int code() {
        return MessageCodes.COMMIT;
    }

    @Override
    public Address author() {
        return signed.author();
    }

    @Override
    public long height() {
        return signed.payload().height();
    }

    @Override
    public int round() {
        return signed.payload().round();
    }

    public Bytes32 digest() {
        return signed.payload().digest();
    }

    @Override
    public void writeTo(RlpWriter w) {
        signed.writeTo(w);
    }
}
