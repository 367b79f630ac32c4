package org.stele.consensus.qbft.engine;

import java.util.List;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes32;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.QbftMessage;

/** An output of the engine, for the node (or the simulation) to carry out. */
public sealed interface Action {
    /** Send to every other validator. The message is already in the WAL. */
    record Broadcast(QbftMessage message) implements Action {}

    /** Deliver {@link Event.RoundTimerExpired} for this height and round after the delay. */
    record ScheduleTimer(long height, int round, long delayMillis) implements Action {}

    /**
     * Build a block on {@code parent} for this height, with QBFT extra data naming the height's validators and this
     * round, and answer with {@link Event.BlockCreated}.
     */
    record CreateBlock(long height, int round, BlockHeader parent) implements Action {}

    /** Execute and check the proposed block, and answer with {@link Event.ProposalValidated}. */
    record ValidateBlock(long height, Bytes32 digest, QbftBlock block) implements Action {}

    /**
     * The block is final: its header carries the seals of {@code certificate}. Import it atomically and then answer
     * with {@link Event.BlockImported}.
     */
    record ImportBlock(QbftBlock block, CommitCertificate certificate) implements Action {}

    /** The quorum of COMMITs that made a block final. */
    record CommitCertificate(long height, int round, Bytes32 digest, List<Commit> commits) {
        public CommitCertificate {
            commits = List.copyOf(commits);
        }
    }
}
