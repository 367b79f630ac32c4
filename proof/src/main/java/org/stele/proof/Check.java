package org.stele.proof;

/**
 * The checks a proof passes, in the order every verifier (Java, command line, JavaScript) runs them; the first that
 * fails is the one reported, under {@link #id()}, so that all verifiers name the same failure for the same file.
 */
public enum Check {
    /** The first validator set is carried by the genesis header, whose hash is the proof's (and the trusted) one. */
    GENESIS("genesis", "the chain starts at the trusted genesis"),
    /** Each later set is listed by a header that a quorum of the set before it sealed, in block order. */
    VALIDATOR_SETS("validator-sets", "each validator set follows from the one before"),
    /** The header decodes, lists the set in force, and carries seals of a quorum of that set. */
    SEALS("seals", "a quorum of the block's validators sealed the header"),
    /** The hash of the header is the block hash the proof states. */
    HEADER_HASH("header-hash", "the header hashes to the stated block hash"),
    /** The raw transaction hashes to the stated hash and sits at its index under the header's transactions root. */
    TRANSACTION("transaction-included", "the transaction is in the block"),
    /** The raw receipt sits at the same index under the header's receipts root. */
    RECEIPT("receipt-included", "the receipt is in the block"),
    /** The receipt's status is 1. */
    STATUS("receipt-status", "the transaction succeeded");

    private final String id;
    private final String meaning;

    Check(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    /** The name verifiers print and the shared test vectors expect. */
    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }
}
