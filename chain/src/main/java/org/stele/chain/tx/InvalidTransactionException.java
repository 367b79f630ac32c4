package org.stele.chain.tx;

/**
 * A transaction that cannot be decoded or is not valid under the rules in force. The {@link Reason} lets callers
 * (the RPC layer, the transaction pool) map it to their own error codes; the message says what exactly was wrong.
 */
public final class InvalidTransactionException extends RuntimeException {
    /** Why a transaction was refused. */
    public enum Reason {
        /** Not well-formed: bad RLP, leading zeros, wrong field count or size, trailing bytes. */
        MALFORMED,
        /** Larger than the decoder accepts. */
        TOO_LARGE,
        /** A type byte Stele does not know. */
        UNKNOWN_TYPE,
        /** EIP-4844 blob transactions. */
        BLOB_NOT_SUPPORTED,
        /** EIP-7702 set-code transactions. */
        SET_CODE_NOT_SUPPORTED,
        /** A known type that the fork in force does not allow yet. */
        TYPE_NOT_ACTIVE,
        /** Missing or wrong chain id for this chain. */
        INVALID_CHAIN_ID,
        /** r, s or v out of range, or high s after EIP-2. */
        INVALID_SIGNATURE,
        /** The signature does not recover to a public key. */
        SENDER_RECOVERY_FAILED,
        /** EIP-2681: the nonce must stay below 2^64 - 1. */
        NONCE_TOO_HIGH,
        /** The gas limit is below the intrinsic gas of the transaction. */
        INTRINSIC_GAS_TOO_LOW,
        /** gas limit × (max fee or gas price) does not fit in 256 bits. */
        FEE_OVERFLOW,
        /** EIP-1559: the priority fee is above the fee cap. */
        PRIORITY_FEE_ABOVE_MAX_FEE,
        /** EIP-3860: contract-creation code above 49152 bytes. */
        INIT_CODE_TOO_LARGE
    }

    private final Reason reason;

    public InvalidTransactionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidTransactionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
