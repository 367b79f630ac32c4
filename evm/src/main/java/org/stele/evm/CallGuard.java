package org.stele.evm;

import org.stele.common.Address;

/**
 * A chain's rule on which accounts a message may reach, asked by the EVM before every call it starts (CALL, CALLCODE,
 * DELEGATECALL, STATICCALL, at any depth; a value transfer by CALL is such a call), before every creation (CREATE,
 * CREATE2 and a creating transaction) and before every SELFDESTRUCT pays its beneficiary. A consortium chain refuses
 * frozen accounts and contracts this way. The answer must depend only on the state the block is built on, never on the
 * message's own effects, so that every node refuses the same messages.
 *
 * <p>
 * Each refusal is revert data: the refused step ends as a REVERT that carries it. The EVM holds a guard only while the
 * chain has something to refuse: with none, each of these steps pays a single null check.
 */
@FunctionalInterface
public interface CallGuard {
    /**
     * Why a call that runs at {@code address} the code of {@code codeAddress} is refused, as the revert data the caller
     * receives (the call ends as a REVERT that consumed none of the gas passed to it), or {@code null} when it may
     * proceed.
     */
    byte[] refusal(Address address, Address codeAddress);

    /**
     * Why a creation at {@code address} is refused (the creation ends as a REVERT with this data that consumed none of
     * the gas passed to it, and CREATE pushes 0), or {@code null} when it may proceed.
     */
    default byte[] creationRefusal(Address address) {
        return null;
    }

    /**
     * Why a SELFDESTRUCT that pays {@code beneficiary} is refused (the self-destructing frame ends as a REVERT with
     * this data, keeping the gas it has left, and nothing moves), or {@code null} when it may proceed.
     */
    default byte[] beneficiaryRefusal(Address beneficiary) {
        return null;
    }
}
