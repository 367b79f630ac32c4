package org.stele.node.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.rpc.qbft.QbftHeaders;

/**
 * Reads QBFT's header conventions with consensus's codec, for RPC and for the import log. A header whose extra data
 * is not QBFT's (a dev chain's, an Ethereum chain's) has no validators, proposer or round.
 */
public final class QbftHeaderReader implements QbftHeaders {
    /** The reader for Stele's chains, which sign with secp256k1 and Keccak-256. */
    public static final QbftHeaderReader INSTANCE = new QbftHeaderReader(Secp256k1KeccakSuite.instance());

    private final QbftHashing hashing;

    private QbftHeaderReader(CryptoSuite suite) {
        this.hashing = new QbftHashing(suite);
    }

    @Override
    public Optional<List<Address>> validators(BlockHeader header) {
        return extraData(header).map(BftExtraData::validators);
    }

    /**
     * Besu's rule for QBFT: the proposer is the block's coinbase (its beneficiary), which the proposer sets to itself.
     */
    @Override
    public Optional<Address> proposer(BlockHeader header) {
        return extraData(header).map(d -> header.coinbase());
    }

    /** The round the block was committed in. */
    @Override
    public OptionalInt round(BlockHeader header) {
        return extraData(header).map(d -> OptionalInt.of(d.round())).orElse(OptionalInt.empty());
    }

    @Override
    public List<Address> sealers(BlockHeader header) {
        Optional<BftExtraData> data = extraData(header);
        if (data.isEmpty() || header.number() == 0)
            return List.of();
        byte[] sealHash = hashing.commitSealHash(header).toArray();
        List<Address> sealers = new ArrayList<>();
        for (Signature seal : data.get().seals()) {
            try {
                sealers.add(hashing.suite().recoverAddress(sealHash, seal));
            } catch (InvalidSignatureException e) {
                // A seal that recovers to nobody names no sealer; the importer refused such blocks anyway.
            }
        }
        return List.copyOf(sealers);
    }

    private static Optional<BftExtraData> extraData(BlockHeader header) {
        try {
            return Optional.of(BftExtraDataCodec.decode(header.extraData()));
        } catch (RlpException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
