package org.stele.governance;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.stele.common.Address;
import org.stele.evm.CallGuard;

/**
 * Refuses frozen addresses from inside contracts: a CALL, CALLCODE, DELEGATECALL or STATICCALL whose target or code
 * address the {@code Freezes} contract holds frozen at the parent block (a value transfer to a frozen account
 * included), a CREATE or CREATE2 (or a creating transaction) whose new address is frozen, and a SELFDESTRUCT whose
 * beneficiary is frozen each revert with a Solidity {@code Error(string)} naming the address and the rule, which a
 * calling contract that bubbles reverts passes on to its transaction's receipt and to {@code eth_call}. Only made while
 * something is frozen. Keeps what it has read, so one guard serves one block on one thread.
 */
final class FrozenCalls implements CallGuard {
    /** The selector of {@code Error(string)}. */
    private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
    private final GovernanceState state;
    private final Map<Address, Boolean> frozen = new HashMap<>();

    FrozenCalls(GovernanceState state) {
        this.state = state;
    }

    @Override
    public byte[] refusal(Address address, Address codeAddress) {
        if (isFrozen(address))
            return reason(address);
        if (!codeAddress.equals(address) && isFrozen(codeAddress))
            return reason(codeAddress);
        return null;
    }

    @Override
    public byte[] creationRefusal(Address address) {
        return isFrozen(address) ? error(creationMessage(address)) : null;
    }

    @Override
    public byte[] beneficiaryRefusal(Address beneficiary) {
        return isFrozen(beneficiary) ? error(beneficiaryMessage(beneficiary)) : null;
    }

    private boolean isFrozen(Address a) {
        return frozen.computeIfAbsent(a, state::isFrozen);
    }

    /** The message every node gives for a refused call: it is part of the receipt's revert data, so it is consensus. */
    static String message(Address frozenAddress) {
        return "call into " + frozenAddress.toChecksumHex() + " refused: it is frozen by governance (Freezes "
                + SystemContract.FREEZES.address().toHex() + ")";
    }

    /** Why a contract may not be created at a frozen address: part of the receipt's revert data too. */
    static String creationMessage(Address frozenAddress) {
        return "creation at " + frozenAddress.toChecksumHex() + " refused: it is frozen by governance (Freezes "
                + SystemContract.FREEZES.address().toHex() + ")";
    }

    /** Why a SELFDESTRUCT may not pay a frozen beneficiary: part of the receipt's revert data too. */
    static String beneficiaryMessage(Address frozenAddress) {
        return "SELFDESTRUCT paying " + frozenAddress.toChecksumHex()
                + " refused: it is frozen by governance (Freezes " + SystemContract.FREEZES.address().toHex() + ")";
    }

    private static byte[] reason(Address a) {
        return error(message(a));
    }

    private static byte[] error(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 31) / 32 * 32;
        byte[] out = new byte[4 + 32 + 32 + padded];
        System.arraycopy(ERROR_SELECTOR, 0, out, 0, 4);
        out[4 + 31] = 0x20;
        out[4 + 32 + 28] = (byte) (text.length >>> 24);
        out[4 + 32 + 29] = (byte) (text.length >>> 16);
        out[4 + 32 + 30] = (byte) (text.length >>> 8);
        out[4 + 32 + 31] = (byte) text.length;
        System.arraycopy(text, 0, out, 4 + 64, text.length);
        return out;
    }
}
