package org.stele.node.validator;

import java.util.ArrayDeque;
import java.util.Deque;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.common.Bytes;
import org.stele.consensus.qbft.QbftBlock;

/**
 * Turns the consensus module's blocks into the chain's, decoding each body once. A validator meets one body as the
 * proposal it checks and again in the decided block it imports (whose header then carries the seals), and a proposer
 * also meets its own proposal as a message; decoding the body each time decoded and hashed every transaction again.
 * The bodies of the last few blocks are kept with their bytes: a body whose bytes are the same decodes to the same
 * transactions, so it is taken as it is, under the header of the block at hand. Used by the QBFT event thread.
 */
final class ProposalBodies {
    /** A height's proposals over a few rounds. */
    static final int KEPT = 4;

    private record Known(Bytes raw, BlockBody body) {}

    private final Deque<Known> known = new ArrayDeque<>();

    /**
     * {@code block} as the chain's block.
     *
     * @throws org.stele.common.rlp.RlpException
     *             when its body is not a block body (its header was read when the message was)
     */
    synchronized Block toBlock(QbftBlock block) {
        for (Known k : known)
            if (k.raw() == block.body() || k.raw().equals(block.body()))
                return new Block(block.header(), k.body());
        Block decoded = QbftBlocks.toBlock(block);
        remember(block.body(), decoded.body());
        return decoded;
    }

    /** Keeps {@code body}, which {@code raw} encodes (a proposal built here), for when it comes back. */
    synchronized void remember(Bytes raw, BlockBody body) {
        known.addFirst(new Known(raw, body));
        while (known.size() > KEPT)
            known.removeLast();
    }
}
