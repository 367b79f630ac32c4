package org.stele.chain.rules;

import java.math.BigInteger;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * A Stele chain under QBFT, with Besu's and GoQuorum's header conventions: difficulty 1, nonce zero, no ommers, the
 * BFT mix hash, and extra data that is the RLP list {@code [vanity(32), [validators], vote, round(4), [seals]]}. Only
 * the shape of the extra data is checked here; whether the seals prove the block is the seal verifier's part.
 */
public record SteleQbft() implements ChainProfile {
    public static final String NAME = "stele-qbft";
    /** The mix hash of every BFT block: "Istanbul byzantine fault tolerance", hashed as Besu and GoQuorum do. */
    public static final Bytes32 MIX_HASH = Bytes32
            .fromHex("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
    private static final int VANITY_LENGTH = 32;
    private static final int ROUND_LENGTH = 4;
    private static final int ADDRESS_LENGTH = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ForkChoice forkChoice() {
        return ForkChoice.EXTEND_HEAD;
    }

    @Override
    public Optional<Violation> checkHeader(BlockHeader header, BlockHeader parent) {
        if (!header.difficulty().equals(BigInteger.ONE))
            return ExecutionHeaderRules.violation(BlockRule.DIFFICULTY,
                    "difficulty " + header.difficulty() + ", a QBFT block has 1");
        if (header.nonce() != 0)
            return ExecutionHeaderRules.violation(BlockRule.NONCE, "a QBFT block's nonce is zero");
        if (!header.mixHash().equals(MIX_HASH))
            return ExecutionHeaderRules.violation(BlockRule.MIX_HASH,
                    "mix hash " + header.mixHash() + ", a QBFT block has " + MIX_HASH);
        if (!header.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH))
            return ExecutionHeaderRules.violation(BlockRule.OMMERS, "a QBFT block has no ommers");
        Optional<String> extra = extraDataShape(header.extraData().unsafeArray());
        if (extra.isPresent())
            return ExecutionHeaderRules.violation(BlockRule.CONSENSUS_EXTRA_DATA, extra.get());
        return ExecutionHeaderRules.check(header, parent);
    }

    /**
     * QBFT's block hash, as Besu's {@code BftBlockHashing}: the header with round 0 and no commit seals in its extra
     * data, so that a block keeps its name when it is re-proposed in a later round or gains seals. The genesis header,
     * and a header whose extra data is not QBFT's (which the header rules refuse), are hashed as written.
     */
    @Override
    public Bytes32 blockHash(BlockHeader header, CryptoSuite suite) {
        if (header.number() == 0)
            return header.hash(suite);
        try {
            RlpReader l = RlpReader.list(header.extraData().unsafeArray());
            RlpWriter w = new RlpWriter(header.extraData().size());
            w.startList().writeRaw(l.readRaw()).writeRaw(l.readRaw()).writeRaw(l.readRaw());
            l.readRaw();
            w.writeBytes(new byte[ROUND_LENGTH]).startList().endList().endList();
            l.readList();
            l.requireEnd();
            return header.withExtraData(Bytes.wrap(w.toByteArray())).hash(suite);
        } catch (RlpException e) {
            return header.hash(suite);
        }
    }

    /** What is wrong with the shape of QBFT extra data, or empty when it has the five fields in their sizes. */
    static Optional<String> extraDataShape(byte[] extraData) {
        try {
            RlpReader l = RlpReader.list(extraData);
            if (l.readBytes().length != VANITY_LENGTH)
                return Optional.of("the vanity is not 32 bytes");
            RlpReader validators = l.readList();
            while (validators.hasNext())
                if (validators.readBytes().length != ADDRESS_LENGTH)
                    return Optional.of("a validator is not a 20-byte address");
            if (l.nextIsList())
                l.readList();
            else if (l.readBytes().length != 0)
                return Optional.of("an absent vote is the empty string");
            if (l.readBytes().length != ROUND_LENGTH)
                return Optional.of("the round is not 4 bytes");
            l.readList();
            l.requireEnd();
            return Optional.empty();
        } catch (RlpException e) {
            return Optional.of("extra data is not QBFT's RLP list: " + e.getMessage());
        }
    }
}
