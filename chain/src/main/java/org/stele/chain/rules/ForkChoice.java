package org.stele.chain.rules;

/** Which valid block becomes the head when a block does not extend the current one. */
public enum ForkChoice {
    /**
     * Post-merge Ethereum: the consensus layer picks the head, and a block handed to the execution layer is meant to
     * be it. Every valid block becomes the head, as in go-ethereum's and Besu's blockchain-test runners.
     */
    NEWEST_BLOCK,
    /** QBFT: a block is final once written, so only a block extending the head moves it; others stay side blocks. */
    EXTEND_HEAD
}
