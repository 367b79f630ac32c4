package org.stele.node.wiring;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.rpc.qbft.QbftHeaders;

/**
 * Reads QBFT's header conventions with consensus's codec, for RPC and for the import log. A header whose extra data
 * is not QBFT's (a dev chain's, an Ethereum chain's) has no validators, proposer or round.
 */
public final class QbftHeaderReader implements QbftHeaders {
    public static final QbftHeaderReader INSTANCE = new QbftHeaderReader();

    private QbftHeaderReader() {
    }

    @Override
    public Optional<List<Address>> validators(BlockHeader header) {
        return extraData(header).map(BftExtraData::validators);
    }

    /** Besu's rule for QBFT: the proposer is the block's coinbase (its beneficiary), which the proposer sets to itself. */
    @Override
    public Optional<Address> proposer(BlockHeader header) {
        return extraData(header).map(d -> header.coinbase());
    }

    /** The round the block was committed in. */
    public OptionalInt round(BlockHeader header) {
        return extraData(header).map(d -> OptionalInt.of(d.round())).orElse(OptionalInt.empty());
    }

    private static Optional<BftExtraData> extraData(BlockHeader header) {
        try {
            return Optional.of(BftExtraDataCodec.decode(header.extraData()));
        } catch (RlpException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
