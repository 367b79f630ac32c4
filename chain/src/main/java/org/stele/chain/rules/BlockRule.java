package org.stele.chain.rules;

/** Every rule a block can break, from its encoding through its header and body to the result of executing it. */
public enum BlockRule {
    /** The block does not decode: malformed RLP, a field out of range, an unknown transaction envelope. */
    MALFORMED,
    /** Its parent is not known (or its parent hash is zero). */
    UNKNOWN_PARENT,
    /** The number is not the parent's plus one. */
    BLOCK_NUMBER,
    /** The timestamp is not after the parent's. */
    TIMESTAMP,
    /** The gas limit is outside the parent's ±1/1024, below the minimum, or above 2^63 - 1. */
    GAS_LIMIT,
    /** The header's gas used is above its gas limit. */
    GAS_USED_ABOVE_LIMIT,
    /** The base fee is not EIP-1559's successor of the parent's. */
    BASE_FEE,
    /** The extra data is longer than the profile allows. */
    EXTRA_DATA,
    /** The difficulty is not the profile's constant. */
    DIFFICULTY,
    /** The nonce is not zero. */
    NONCE,
    /** The mix hash is not the profile's constant (QBFT). */
    MIX_HASH,
    /** The block has ommers, or an ommers hash other than that of none. */
    OMMERS,
    /** A header field that the fork requires (base fee, withdrawals root, blob gas, parent beacon root) is absent. */
    MISSING_FORK_FIELD,
    /** The withdrawals root does not match the body's withdrawals, or the body has none. */
    WITHDRAWALS_ROOT,
    /** The transactions root does not match the body's transactions. */
    TRANSACTIONS_ROOT,
    /** The header's blob gas used does not match the blobs of its transactions, or is above the block's maximum. */
    BLOB_GAS_USED,
    /** The excess blob gas is not EIP-4844's successor of the parent's. */
    EXCESS_BLOB_GAS,
    /** A transaction is invalid at its turn (its reason says which rule). */
    INVALID_TRANSACTION,
    /** The gas the transactions used is not the header's gas used. */
    GAS_USED,
    /** The receipts root does not match the receipts of execution. */
    RECEIPTS_ROOT,
    /** The logs bloom does not match the logs of execution. */
    LOGS_BLOOM,
    /** The state root does not match the state after execution. */
    STATE_ROOT,
    /** The consensus extra data (QBFT: vanity, validators, vote, round, seals) does not decode. */
    CONSENSUS_EXTRA_DATA,
    /** The seals do not prove the block (checked by the chain's seal verifier). */
    SEAL
}
