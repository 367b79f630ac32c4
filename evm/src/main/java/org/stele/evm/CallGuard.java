package org.stele.evm;

import org.stele.common.Address;

/**
 * A chain's rule on which accounts a message call may enter, asked by the EVM before every call it starts (CALL,
 * CALLCODE, DELEGATECALL, STATICCALL, at any depth). A consortium chain refuses calls into a frozen contract this way.
 * The answer must depend only on the state the block is built on, never on the call's own effects, so that every node
 * refuses the same calls.
 *
 * <p>
 * The EVM holds a guard only while the chain has something to refuse: with none, a call pays a single null check.
 */
@FunctionalInterface
public interface CallGuard {
    /**
     * Why a call that runs at {@code address} the code of {@code codeAddress} is refused, as the revert data the caller
     * receives (the call ends as a REVERT that consumed none of the gas passed to it), or {@code null} when it may
     * proceed.
     */
    byte[] refusal(Address address, Address codeAddress);
}
