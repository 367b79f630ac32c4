package org.stele.consensus.qbft;

/**
 * Quorum sizes for n validators: a quorum is ceil(2n/3) (as Besu computes it), so two quorums share at least f+1
 * validators when n = 3f+1, and at least one of them is honest.
 */
public final class Quorum {
    private Quorum() {
    }

    public static int quorum(int validators) {
        return (2 * validators + 2) / 3;
    }

    /** The number of faulty validators tolerated: f = (n - 1) / 3. */
    public static int faulty(int validators) {
        return (validators - 1) / 3;
    }
}
