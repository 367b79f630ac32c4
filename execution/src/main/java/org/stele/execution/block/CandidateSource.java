package org.stele.execution.block;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stele.common.Address;

/**
 * Where a block's transactions come from, best first and each sender's in nonce order. The builder takes them one
 * at a time, so a block is filled by the gas its transactions actually use rather than by their gas limits; when a
 * sender's transaction cannot go in, the builder skips the rest of that sender's, which could not execute after it.
 */
public interface CandidateSource {

    /** The next candidate, or {@code null} when there are no more. */
    BlockExecutor.Candidate next();

    /** Leaves the remaining candidates of the last one's sender out of this block. */
    void skipSender();

    /** The candidates of a list, in its order. */
    static CandidateSource of(List<BlockExecutor.Candidate> candidates) {
        return new CandidateSource() {
            private final Set<Address> skipped = new HashSet<>();
            private int next;
            private BlockExecutor.Candidate last;

            @Override
            public BlockExecutor.Candidate next() {
                while (next < candidates.size()) {
                    BlockExecutor.Candidate c = candidates.get(next++);
                    if (!skipped.contains(c.sender())) return last = c;
                }
                return null;
            }

            @Override
            public void skipSender() {
                if (last != null) skipped.add(last.sender());
            }
        };
    }
}
