package org.stele.node.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.FinalityVerifier;
import org.stele.consensus.qbft.InvalidCertificateException;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.ValidatorProvider;

/**
 * The check of a range a peer served, as soon as it arrives and before it waits for its turn to be imported: headers
 * and bodies decode and pair up, the blocks are the ones asked for, each links to the one before it, and every
 * block's commit seals are a quorum of the validators of its height. Checking every seal on arrival (not a sample, as
 * Besu's fast modes do) blames the peer that served a forged or missing seal at once, before any of its blocks is
 * imported; the importer then checks them again with everything else about the block.
 */
final class RangeCheck {
    /** What a served range turned out to be. */
    sealed interface Outcome {
        /** The blocks, ascending; fewer than asked when the peer has no more. */
        record Good(List<Block> blocks) implements Outcome {}

        /** The peer served something it must not have: a reason for its log line and its strike. */
        record Bad(String reason) implements Outcome {}
    }

    private final FinalityVerifier seals;
    private final ValidatorProvider validators;
    private final Function<BlockHeader, Bytes32> hashes;

    /** @param hashes names a block, as the chain's profile does */
    RangeCheck(FinalityVerifier seals, ValidatorProvider validators, Function<BlockHeader, Bytes32> hashes) {
        this.seals = seals;
        this.validators = validators;
        this.hashes = hashes;
    }

    private static boolean namesAnotherSet(BlockHeader header, List<Address> known) {
        try {
            List<Address> listed = BftExtraDataCodec.decode(header.extraData()).validators();
            return !listed.stream().distinct().sorted().toList().equals(known.stream().distinct().sorted().toList());
        } catch (RlpException | IllegalArgumentException e) {
            return false;
        }
    }

    Outcome check(SyncPlan.Span asked, List<Bytes> headers, List<Bytes> bodies) {
        if (headers.size() != bodies.size())
            return new Outcome.Bad("served " + headers.size() + " headers but " + bodies.size() + " bodies");
        if (headers.size() > asked.count())
            return new Outcome.Bad("served " + headers.size() + " blocks for a range of " + asked.count());
        List<Block> blocks = new ArrayList<>(headers.size());
        BlockHeader previous = null;
        for (int i = 0; i < headers.size(); i++) {
            long expected = asked.from() + i;
            Block block;
            try {
                block = new Block(BlockHeader.decode(headers.get(i).toArray()),
                        BlockBody.decode(bodies.get(i).toArray()));
            } catch (RlpException | IllegalArgumentException e) {
                return new Outcome.Bad("served block " + expected + " does not decode: " + e.getMessage());
            }
            BlockHeader h = block.header();
            if (h.number() != expected)
                return new Outcome.Bad("served block " + h.number() + " where " + expected + " was asked");
            if (previous != null && !h.parentHash().equals(hashes.apply(previous)))
                return new Outcome.Bad("served block " + expected + " does not link to the block before it");
            List<Address> known = validators.validatorsForBlock(expected);
            try {
                seals.verify(h, known);
            } catch (InvalidCertificateException e) {
                // Governance changes the set: a block beyond the node's state may be decided by a set it cannot know
                // yet. A block that names another set is left to the importer, which checks its seals against the
                // state after its parent and refuses it (and so its peer) when they are not a quorum of that set.
                if (!namesAnotherSet(h, known))
                    return new Outcome.Bad("served block " + expected + " without a quorum of valid commit seals: "
                            + e.getMessage());
            }
            blocks.add(block);
            previous = h;
        }
        return new Outcome.Good(blocks);
    }
}
