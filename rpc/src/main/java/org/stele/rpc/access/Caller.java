package org.stele.rpc.access;

import java.util.Optional;
import org.stele.common.Address;

/**
 * Who made a JSON-RPC call, as far as the node knows: the account a valid token proved (empty for a caller without
 * one) and the roles governance granted it at the head.
 */
public record Caller(Optional<Address> account, long roles) {
    /** The role bits of the {@code Accounts} contract. */
    public static final long GOVERNOR = 1, OPERATOR = 2, REGULATOR = 4;
    public static final Caller ANONYMOUS = new Caller(Optional.empty(), 0);

    public boolean holds(long role) {
        return (roles & role) != 0;
    }
}
