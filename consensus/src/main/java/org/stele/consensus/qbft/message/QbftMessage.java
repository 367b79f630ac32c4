package org.stele.consensus.qbft.message;

import org.stele.common.Address;
import org.stele.common.rlp.RlpWriter;

/** One of QBFT's four messages. */
public sealed interface QbftMessage permits Proposal, Prepare, Commit, RoundChange {
    /** The signed payload at the message's head: it names the author, height, round and message code. */
    SignedPayload<? extends Payload> signed();

    default int code() {
        return signed().payload().code();
    }

    default Address author() {
        return signed().author();
    }

    default long height() {
        return signed().payload().height();
    }

    default int round() {
        return signed().payload().round();
    }

    void writeTo(RlpWriter w);

    /** The message's RLP, without the code. */
    default byte[] encode() {
        RlpWriter w = new RlpWriter(256);
        writeTo(w);
        return w.toByteArray();
    }
}
