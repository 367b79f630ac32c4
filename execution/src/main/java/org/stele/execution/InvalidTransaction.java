package org.stele.execution;

/**
 * Why a transaction cannot be included. The names are those of the Ethereum execution-spec tests
 * ({@code TransactionException.*}), so that a state-test fixture's {@code expectException} can be compared directly.
 */
public enum InvalidTransaction {
    /** A field does not fit its encoding (a value of 2^256 or more). */
    RLP_INVALID_VALUE,
    /** The transaction type is not active in this fork. */
    TYPE_NOT_SUPPORTED, NONCE_MISMATCH_TOO_LOW, NONCE_MISMATCH_TOO_HIGH,
    /** EIP-2681: the sender's nonce is already 2^64 - 1. */
    NONCE_IS_MAX,
    /** EIP-3607: the sender has code. */
    SENDER_NOT_EOA,
    /** EIP-1559: the priority fee is above the fee cap. */
    PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS,
    /** EIP-1559: the fee cap is below the block's base fee. */
    INSUFFICIENT_MAX_FEE_PER_GAS,
    /** EIP-4844: a blob transaction cannot create a contract. */
    TYPE_3_TX_CONTRACT_CREATION, TYPE_3_TX_ZERO_BLOBS,
    /** More blobs than a block may hold. */
    TYPE_3_TX_BLOB_COUNT_EXCEEDED,
    /** A versioned hash does not start with the KZG version byte 0x01. */
    TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH,
    /** The blob fee cap is below the block's blob base fee. */
    INSUFFICIENT_MAX_FEE_PER_BLOB_GAS,
    /** The sender cannot pay gas limit × fee cap + value (+ blob gas × blob fee cap). */
    INSUFFICIENT_ACCOUNT_FUNDS,
    /** The gas limit is above what is left of the block's gas limit. */
    GAS_ALLOWANCE_EXCEEDED,
    /** The gas limit does not cover the intrinsic gas. */
    INTRINSIC_GAS_TOO_LOW,
    /** EIP-3860: init code above 49152 bytes. */
    INITCODE_SIZE_EXCEEDED,
    /** EIP-155 and typed transactions: signed for another chain. */
    INVALID_CHAINID,
    /** r, s or v out of range, high s (EIP-2), or a signature that recovers no key. */
    INVALID_SIGNATURE_VRS,
    /** gas limit × fee cap does not fit in 256 bits. */
    GASLIMIT_PRICE_PRODUCT_OVERFLOW,
    /** Stele governance (not an execution-spec name): the sender is frozen. */
    ACCOUNT_FROZEN,
    /** Stele governance: the transaction calls a frozen contract. */
    CONTRACT_FROZEN,
    /** Stele governance: sending is allowlisted and the sender is not on the list. */
    SENDER_NOT_ALLOWED,
    /** Stele governance: deploying is allowlisted and the sender is not on the list. */
    DEPLOYER_NOT_ALLOWED,
    /** Stele governance: the fee cap is below the chain's minimum gas price. */
    GAS_PRICE_BELOW_MINIMUM,
    /** Stele governance: the encoded transaction is larger than the chain's maximum. */
    TX_SIZE_EXCEEDED;

    /** The name as the fixtures write it, e.g. {@code TransactionException.INTRINSIC_GAS_TOO_LOW}. */
    public String fixtureName() {
        return "TransactionException." + name();
    }
}
