package org.stele.consensus.qbft.message;

import org.stele.common.Address;
import org.stele.common.rlp.RlpWriter;

/** One of QBFT's four messages. */
public sealed interface QbftMessage permits Proposal, Prepare, Commit, RoundChange {
    int code();

    Address author();

    long height();

    int round();

    void writeTo(RlpWriter w);

    /** The message's RLP, without the code. */
    default byte[] encode() {
        RlpWriter w = new RlpWriter(256);
        writeTo(w);
        return w.toByteArray();
    }
}
