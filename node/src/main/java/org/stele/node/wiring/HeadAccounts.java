package org.stele.node.wiring;

import java.util.function.Supplier;
import org.stele.common.Address;
import org.stele.evm.AccountInfo;
import org.stele.evm.WorldView;
import org.stele.governance.GovernanceState;
import org.stele.rpc.access.AccountDirectory;

/**
 * The read policy's view of accounts, from the governance contracts at the head: roles from {@code Accounts}, members
 * as those {@code Accounts} lets send (every account while sending is open), contracts as accounts with code. Each
 * question reads the head as it is then, so a role granted by an executed proposal counts from the next call.
 */
final class HeadAccounts implements AccountDirectory {
    private final Supplier<WorldView> head;

    HeadAccounts(Supplier<WorldView> head) {
        this.head = head;
    }

    @Override
    public long roles(Address account) {
        return new GovernanceState(head.get()).roles(account);
    }

    @Override
    public boolean isMember(Address account) {
        GovernanceState state = new GovernanceState(head.get());
        return !state.sendingAllowlisted() || state.maySend(account);
    }

    @Override
    public long tokensRevokedAt(Address account) {
        return new GovernanceState(head.get()).tokensRevokedAt(account);
    }

    @Override
    public boolean isContract(Address account) {
        AccountInfo info = head.get().account(account);
        return info != null && !info.codeHash().equals(AccountInfo.EMPTY_CODE_HASH);
    }
}
