package org.stele.node.gov;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stele.consensus.qbft.Quorum;

/**
 * The rails against the ways operators of QBFT chains halt their own chains by changing the validator set, as pure
 * rules so that each refusal's message is tested on its own.
 */
final class ValidatorRails {
    /** Under 4 validators QBFT tolerates no faulty validator. */
    static final int SAFE_VALIDATORS = 4;

    private ValidatorRails() {
    }

    /** How many validators of {@code n} may be stopped while the rest still make a quorum. */
    static int stoppable(int n) {
        return n - Quorum.quorum(n);
    }

    /**
     * Why removing one more validator of {@code validators} is refused, when the removals of the open proposals
     * {@code pendingRemovals} are counted with it: a removed validator's operator may stop it as soon as its removal is
     * proposed, and until the removals execute the quorum is still that of the whole set.
     */
    static Optional<String> removal(int validators, List<Long> pendingRemovals, boolean allowBelowFour) {
        int remaining = validators - 1 - pendingRemovals.size();
        if (remaining < SAFE_VALIDATORS && !allowBelowFour)
            return Optional.of("refused: " + remaining + " validators would remain; under " + SAFE_VALIDATORS
                    + " QBFT tolerates no faulty or stopped validator. Give --allow-below-four to do it anyway");
        int atOnce = pendingRemovals.size() + 1;
        if (atOnce > stoppable(validators)) {
            String which = pendingRemovals.isEmpty()
                    ? "this one"
                    : "open proposals " + pendingRemovals.stream().map(id -> "#" + id).collect(Collectors.joining(", "))
                            + " and this one";
            return Optional.of("refused: " + atOnce + " validator removal" + (atOnce == 1 ? "" : "s")
                    + " at once (" + which + "), but " + validators + " validators go on with at most "
                    + stoppable(validators) + " stopped (quorum " + Quorum.quorum(validators)
                    + "), and a removed validator may be stopped as soon as its removal is proposed; let the open "
                    + "removals execute or expire first");
        }
        return Optional.empty();
    }
}
