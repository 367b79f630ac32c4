package org.stele.state;

import org.stele.common.Bytes32;

/** Answers BLOCKHASH: the hash of an earlier block by number, {@link Bytes32#ZERO} when unknown. */
@FunctionalInterface
public interface BlockHashes {
    /** No block is known; every lookup answers zero. */
    BlockHashes NONE = number -> Bytes32.ZERO;

    Bytes32 hashOf(long number);
}
