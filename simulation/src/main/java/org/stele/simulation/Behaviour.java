package org.stele.simulation;

/** What a Byzantine validator does besides running the protocol. Each one gets a seeded subset. */
enum Behaviour {
    /** Sends one block to half the validators and a different one to the other half. */
    EQUIVOCATE,
    /** Sends PREPAREs and COMMITs for a block nobody proposed to half the validators. */
    CONFLICTING_VOTES,
    /** Proposes blocks that fail validation. */
    INVALID_BLOCKS,
    /** Puts seals over the wrong hash or by the wrong key in COMMITs and answers sync with forged certificates. */
    FORGED_SEALS,
    /** Sends messages for far-future rounds and heights and for stale ones. */
    FAR_AND_STALE,
    /** Relays messages signed by a key outside the validator set. */
    NON_VALIDATOR,
    /** Sends garbage, truncated, bit-flipped and oversized messages. */
    MALFORMED,
    /** Claims prepared rounds in ROUND-CHANGE without a valid certificate. */
    LYING_ROUND_CHANGES,
    /** Sends nothing at all. */
    SILENT
}
