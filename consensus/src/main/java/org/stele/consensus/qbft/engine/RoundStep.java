package org.stele.consensus.qbft.engine;

/**
 * How far this validator has got in one round of a height, in the order it gets there (CometBFT's round steps play
 * the same part). A round only moves forward; each step says what the validator has already signed, so it is also
 * what the engine must not sign again.
 */
enum RoundStep {
    /** Nothing signed in this round yet: waiting for the round's proposal. */
    NEW,
    /** This validator is the round's proposer and has asked for a block or sent its proposal. */
    PROPOSED,
    /** A valid, justified proposal was accepted and this validator's PREPARE for it sent. */
    PREPARE_SENT,
    /** A quorum of PREPAREs arrived: the validator is prepared (locked) and its COMMIT sent. */
    COMMIT_SENT,
    /** A quorum of COMMITs with valid seals made this round's block final. */
    DECIDED
}
