package org.stele.consensus.qbft.message;

final class Checks {
    private Checks() {
    }

    static void heightAndRound(long height, int round) {
        if (height < 0 || round < 0)
            throw new IllegalArgumentException("height and round must not be negative");
    }
}
