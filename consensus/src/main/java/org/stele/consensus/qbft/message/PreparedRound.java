package org.stele.consensus.qbft.message;

import java.util.Objects;
import org.stele.common.Bytes32;

/** The round a validator last prepared in and the block hash it prepared: {@code [preparedRound, digest]}. */
public record PreparedRound(int round, Bytes32 digest) {
    public PreparedRound {
        Objects.requireNonNull(digest, "digest");
        if (round < 0)
            throw new IllegalArgumentException("round must not be negative");
    }
}
