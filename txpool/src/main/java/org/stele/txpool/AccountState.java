package org.stele.txpool;

import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.policy.TransactionRules;
import org.stele.state.WorldState;

/** What the pool needs to know of an account at the head of the chain. */
public interface AccountState {
    long nonce(Address account);

    BigInteger balance(Address account);

    /** The rules {@code policy} sets for the next block's transactions at this state; none unless told otherwise. */
    default TransactionRules rules(TransactionPolicy policy) {
        return TransactionRules.NONE;
    }

    /** Accounts as a world state holds them; an account it does not hold has nonce 0 and no balance. */
    static AccountState of(WorldState world) {
        return new AccountState() {
            @Override
            public long nonce(Address a) {
                var acc = world.account(a);
                return acc == null ? 0 : acc.nonce();
            }

            @Override
            public BigInteger balance(Address a) {
                var acc = world.account(a);
                return acc == null ? BigInteger.ZERO : acc.balance();
            }

            @Override
            public TransactionRules rules(TransactionPolicy policy) {
                return policy.at(world);
            }
        };
    }
}
