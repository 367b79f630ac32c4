package org.stele.execution.importer;

import java.util.Map;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.AccountInfo;

/** What became of a block handed to the importer. */
public sealed interface ImportResult {
    /**
     * Written, as the new head or as a side block; checked, when only checked. {@code accounts}: the accounts the
     * block changed, with their values after it, when its execution was at hand (empty otherwise).
     */
    record Imported(Block block, Bytes32 hash, boolean head, Optional<Map<Address, AccountInfo>> accounts)
            implements
                ImportResult {
        public Imported(Block block, Bytes32 hash, boolean head) {
            this(block, hash, head, Optional.empty());
        }
    }

    /** Already stored; nothing was done. */
    record AlreadyKnown(Bytes32 hash) implements ImportResult {}

    /** Refused; nothing was written. */
    record Refused(Refusal refusal) implements ImportResult {}
}
