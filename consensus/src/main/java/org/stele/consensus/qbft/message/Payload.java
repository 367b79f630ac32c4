package org.stele.consensus.qbft.message;

import org.stele.common.rlp.RlpWriter;

/** The unsigned part of a message: what its author signs, prefixed by the message code. */
public sealed interface Payload permits ProposalPayload, PreparePayload, CommitPayload, RoundChangePayload {
    /** The wire code of the message this payload belongs to (Besu's QBFT codes 0x12 to 0x15). */
    int code();

    long height();

    int round();

    void writeTo(RlpWriter w);

    default byte[] encode() {
        RlpWriter w = new RlpWriter();
        writeTo(w);
        return w.toByteArray();
    }
}
