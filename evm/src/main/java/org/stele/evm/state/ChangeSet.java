package org.stele.evm.state;

import java.util.List;

/**
 * Everything a transaction changed, ordered by address so that committing it is deterministic. An account appears
 * here only when it must be written or deleted.
 */
public record ChangeSet(List<AccountChange> accounts) {
    public ChangeSet {
        accounts = List.copyOf(accounts);
    }
}
