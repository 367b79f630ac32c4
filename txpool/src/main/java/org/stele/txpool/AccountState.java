package org.stele.txpool;

import java.math.BigInteger;
import org.stele.common.Address;

/** What the pool needs to know of an account at the head of the chain. */
public interface AccountState {
    long nonce(Address account);

    BigInteger balance(Address account);
}
