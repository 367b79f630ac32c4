package org.stele.consensus.qbft.message;

import java.util.List;
import java.util.Objects;
import org.stele.consensus.qbft.QbftBlock;

/**
 * Proof that a block was prepared in a round: the block as proposed in that round and a quorum of PREPAREs for its
 * hash. A validator keeps its latest one (QBFT's lock) and reports it in every ROUND-CHANGE.
 */
public record PreparedCertificate(int round, QbftBlock block, List<SignedPayload<PreparePayload>> prepares) {
    public PreparedCertificate {
        Objects.requireNonNull(block, "block");
        prepares = List.copyOf(prepares);
    }
}
