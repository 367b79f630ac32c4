package org.stele.execution.importer;

import org.stele.chain.Block;
import org.stele.common.Bytes32;

/** What became of a block handed to the importer. */
public sealed interface ImportResult {
    /** Written, as the new head or as a side block. */
    record Imported(Block block, Bytes32 hash, boolean head) implements ImportResult {}

    /** Already stored; nothing was done. */
    record AlreadyKnown(Bytes32 hash) implements ImportResult {}

    /** Refused; nothing was written. */
    record Refused(Refusal refusal) implements ImportResult {}
}
