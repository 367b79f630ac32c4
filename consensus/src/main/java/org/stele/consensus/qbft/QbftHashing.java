package org.stele.consensus.qbft;

import java.util.List;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Signature;

/**
 * The two hashes QBFT derives from a header, as Besu's {@code BftBlockHashing} does. The <em>block hash</em> (the
 * digest that PREPARE and COMMIT vote for, and the parent hash the next block names) is the chain's hash of the
 * header whose extra data keeps vanity, validators and vote, with round 0 and an empty seals list. The
 * <em>commit-seal hash</em> keeps the real round (seals still empty): a seal therefore binds the round the block was
 * committed in, and the block hash stays the same however many seals a certificate carries and whichever round
 * finalised it. The genesis header (number 0) is hashed with its extra data as written, as Besu's {@code
 * BftBlockHashing.serializeHeader} does.
 */
public final class QbftHashing {
    /** The chain profile names QBFT blocks; this class agrees with it by asking it. */
    private static final SteleQbft PROFILE = new SteleQbft();

    private final CryptoSuite suite;

    public QbftHashing(CryptoSuite suite) {
        this.suite = suite;
    }

    public CryptoSuite suite() {
        return suite;
    }

    /** @throws org.stele.common.rlp.RlpException when the header's extra data is not QBFT's */
    public Bytes32 blockHash(BlockHeader header) {
        if (header.number() > 0)
            BftExtraDataCodec.decode(header.extraData()); // refuses extra data that is not QBFT's
        return PROFILE.blockHash(header, suite);
    }

    /** @throws org.stele.common.rlp.RlpException when the header's extra data is not QBFT's */
    public Bytes32 commitSealHash(BlockHeader header) {
        if (header.number() == 0)
            return header.hash(suite);
        BftExtraData d = BftExtraDataCodec.decode(header.extraData());
        return header.withExtraData(BftExtraDataCodec.encodeWithoutSeals(d)).hash(suite);
    }

    public static BftExtraData extraData(BlockHeader header) {
        return BftExtraDataCodec.decode(header.extraData());
    }

    /** The header re-proposed in {@code round}: same block hash, a different commit-seal hash. */
    public static BlockHeader withRound(BlockHeader header, int round) {
        BftExtraData d = extraData(header);
        return header.withExtraData(BftExtraDataCodec.encode(d.withRound(round).withSeals(List.of())));
    }

    /** The final header: the committed header with its certificate's seals. */
    public static BlockHeader withSeals(BlockHeader header, List<Signature> seals) {
        BftExtraData d = extraData(header);
        return header.withExtraData(BftExtraDataCodec.encode(d.withSeals(seals)));
    }
}
