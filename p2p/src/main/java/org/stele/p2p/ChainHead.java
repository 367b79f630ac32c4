package org.stele.p2p;

import java.util.Objects;
import org.stele.common.Bytes32;

/** The number and hash of a node's latest block, as announced in its hello. */
public record ChainHead(long number, Bytes32 hash) {
    public ChainHead {
        Objects.requireNonNull(hash);
        if (number < 0)
            throw new IllegalArgumentException("block number is non-negative");
    }
}
