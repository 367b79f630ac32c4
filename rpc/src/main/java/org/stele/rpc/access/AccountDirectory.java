package org.stele.rpc.access;

import org.stele.common.Address;

/**
 * What the chain says about an account at the head, as the read policy needs it. The node implements it from its
 * governance contracts ({@code Accounts}); reading at the head means a role granted or revoked by an executed
 * proposal counts from the next call on.
 */
public interface AccountDirectory {
    /** The role bits governance granted: {@link Caller#GOVERNOR}, {@link Caller#OPERATOR}, {@link Caller#REGULATOR}. */
    long roles(Address account);

    /** Whether the chain counts the account among its members (it may send transactions). */
    boolean isMember(Address account);

    /**
     * The Unix second up to which the chain revoked the account's tokens ({@code Accounts.tokensRevokedAt}): tokens
     * issued then or before are refused. 0 when none were revoked.
     */
    long tokensRevokedAt(Address account);

    /** Whether the account holds code: a contract, whose state every member may read. */
    boolean isContract(Address account);
}
