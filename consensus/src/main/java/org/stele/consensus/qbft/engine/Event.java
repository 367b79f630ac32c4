package org.stele.consensus.qbft.engine;

import org.stele.chain.BlockHeader;
import org.stele.common.Bytes32;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.message.QbftMessage;

/** An input to the engine. All of them arrive through one queue, one at a time. */
public sealed interface Event {
    /** A decoded, signature-recovered message from the network. */
    record MessageReceived(QbftMessage message) implements Event {}

    /** The timer scheduled by {@link Action.ScheduleTimer} for this height and round fired. */
    record RoundTimerExpired(long height, int round) implements Event {}

    /** The block asked for by {@link Action.CreateBlock}. */
    record BlockCreated(long height, int round, QbftBlock block) implements Event {}

    /** The chain's verdict on a block asked for by {@link Action.ValidateBlock}. */
    record ProposalValidated(long height, Bytes32 digest, boolean valid) implements Event {}

    /** The chain imported a final block, by this engine's decision or by sync. */
    record BlockImported(BlockHeader header) implements Event {}
}
