package org.stele.node.validator;

import java.util.function.LongSupplier;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CandidateSource;

/**
 * The pool's candidates for a proposal, until its build time is spent: once {@code deadlineMillis} has come, the
 * builder is told there are no more, and the proposal holds what was executed so far (as Besu's
 * {@code block-txs-selection-max-time}). Every validator executes the proposal again before voting, on the same
 * shared cores, within the round's request timeout; a block the proposer took longer to fill than that would be
 * refused by timing out and cost a round change, and a large block delays the finality of everything in it. The first
 * candidate is always offered, so that a slow machine still makes progress. Only the proposer's choice of how many
 * transactions to take depends on the clock; validators check whatever the block holds, so consensus stays
 * deterministic.
 */
final class TimeBoxedCandidates implements CandidateSource {
    private final CandidateSource candidates;
    private final LongSupplier nowMillis;
    private final long deadlineMillis;
    private boolean started;

    TimeBoxedCandidates(CandidateSource candidates, LongSupplier nowMillis, long deadlineMillis) {
        this.candidates = candidates;
        this.nowMillis = nowMillis;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public BlockExecutor.Candidate next() {
        if (started && nowMillis.getAsLong() >= deadlineMillis)
            return null;
        started = true;
        return candidates.next();
    }

    @Override
    public void skipSender() {
        candidates.skipSender();
    }
}
