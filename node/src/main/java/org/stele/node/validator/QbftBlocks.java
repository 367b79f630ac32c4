package org.stele.node.validator;

import java.util.List;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.rlp.RlpReader;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CandidateSource;
import org.stele.node.wiring.NodeServices;

/** Building proposals from the pool, and moving blocks between the chain's and the consensus module's types. */
final class QbftBlocks {
    private static final Bytes VANITY = Bytes.wrap(new byte[BftExtraData.VANITY_LENGTH]);

    private QbftBlocks() {
    }

    /**
     * A proposal on {@code parent}: the pool's best transactions, executed, in a header with QBFT's conventions and
     * extra data naming {@code validators} and {@code round}, without seals. The importer keeps its execution results
     * for when it is decided.
     */
    static QbftBlock build(NodeServices node, BlockHeader parent, int round, long nowSeconds, Address proposer,
            List<Address> validators) {
        return build(node, parent, round, nowSeconds, proposer, validators, node.candidates(parent),
                new ProposalBodies());
    }

    /**
     * As above, taking transactions from {@code candidates} (the pool's, possibly time-boxed) and keeping the
     * proposal's decoded body in {@code bodies} for its check and import here.
     */
    static QbftBlock build(NodeServices node, BlockHeader parent, int round, long nowSeconds, Address proposer,
            List<Address> validators, CandidateSource candidates, ProposalBodies bodies) {
        long timestamp = Math.max(nowSeconds, parent.timestamp() + 1);
        BlockExecutor.Result r = node.executor().build(parent, timestamp, proposer, candidates);
        BlockHeader header = r.block().header().toBuilder().difficulty(java.math.BigInteger.ONE)
                .mixHash(SteleQbft.MIX_HASH).nonce(0)
                .extraData(BftExtraDataCodec.encode(new BftExtraData(VANITY, validators, Optional.empty(), round,
                        List.of())))
                .build();
        Block proposal = new Block(header, r.block().body());
        // The decided block is this one with seals: its import takes these results instead of executing it again.
        node.importer().rememberBuilt(proposal, r);
        QbftBlock qbft = toQbft(proposal);
        // the engine hands this proposal back to be checked, and then decided: its body need not be decoded again
        bodies.remember(qbft.body(), proposal.body());
        return qbft;
    }

    static QbftBlock toQbft(Block block) {
        return QbftBlock.readFrom(RlpReader.of(block.encode()));
    }

    /** The header as consensus read it, the body decoded from its fields (not encoded and read again). */
    static Block toBlock(QbftBlock block) {
        return new Block(block.header(), BlockBody.decodeFields(block.body().unsafeArray()));
    }
}
