package org.stele.chain.tx;

import org.stele.common.Fork;

/** The EIP-2718 transaction types Stele knows, with the fork that introduced each. */
public enum TransactionType {
    /** Untyped RLP list, optionally replay-protected by EIP-155. */
    LEGACY(-1, Fork.FRONTIER),
    /** EIP-2930: access list, type byte 0x01. */
    ACCESS_LIST(0x01, Fork.BERLIN),
    /** EIP-1559: priority fee and fee cap, type byte 0x02. */
    FEE_MARKET(0x02, Fork.LONDON),
    /** EIP-4844: blob-carrying transactions, type byte 0x03. Read in blocks; the pool does not take them. */
    BLOB(0x03, Fork.CANCUN),
    /** EIP-7702: set-code transactions, type byte 0x04. Recognised only to be rejected. */
    SET_CODE(0x04, Fork.PRAGUE);

    private final int typeByte;
    private final Fork introducedIn;

    TransactionType(int typeByte, Fork introducedIn) {
        this.typeByte = typeByte;
        this.introducedIn = introducedIn;
    }

    /** The EIP-2718 type byte, or -1 for legacy transactions, which have none. */
    public int typeByte() {
        return typeByte;
    }

    public Fork introducedIn() {
        return introducedIn;
    }

    /** Whether blocks may carry this type (and so receipts have it); EIP-7702 set-code transactions not yet. */
    public boolean isSupported() {
        return this != SET_CODE;
    }
}
