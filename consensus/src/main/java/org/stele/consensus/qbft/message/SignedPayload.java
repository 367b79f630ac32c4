package org.stele.consensus.qbft.message;

import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.SignatureCodec;
import org.stele.common.rlp.RlpWriter;

/**
 * A payload with its author's signature, {@code [payload, signature]}. The author is recovered when the message is
 * decoded or known when it is signed, so a {@code SignedPayload} in hand always names who signed it.
 */
public record SignedPayload<P extends Payload>(P payload, Signature signature, Address author) {
    public SignedPayload {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(author, "author");
    }

    public void writeTo(RlpWriter w) {
        w.startList();
        payload.writeTo(w);
        w.writeBytes(SignatureCodec.encode(signature));
        w.endList();
    }
}
