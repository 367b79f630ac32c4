package org.stele.simulation;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.ValidatorProvider;

/**
 * What a valid block is in the simulation: a real {@link BlockHeader} with QBFT extra data on the right parent, with
 * the height's validators, a validator as coinbase, a gas limit of {@link #GAS_LIMIT} and no more gas used, and an
 * empty body. Blocks carry no transactions: the simulation tests agreement on blocks, not their execution.
 */
final class SimChainRules {
    static final long GAS_LIMIT = 30_000_000L;
    /** The mix hash every QBFT block carries ("tical byzantine fault tolerance", as in Besu's headers). */
    static final Bytes32 QBFT_MIX_HASH = Bytes32
            .fromHex("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");

    private final QbftHashing hashing;
    private final ValidatorProvider validators;

    SimChainRules(QbftHashing hashing, ValidatorProvider validators) {
        this.hashing = hashing;
        this.validators = validators;
    }

    BlockHeader genesis() {
        return BlockHeader.builder().number(0).gasLimit(GAS_LIMIT).difficulty(BigInteger.ONE).mixHash(QBFT_MIX_HASH)
                .extraData(BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(new byte[32]),
                        validators.validatorsForBlock(0), Optional.empty(), 0, List.of())))
                .build();
    }

    /** A block by {@code proposer}; {@code salt} makes blocks of different proposers and rounds differ. */
    QbftBlock build(BlockHeader parent, long number, int round, Address proposer, long salt, long gasUsed) {
        byte[] vanity = new byte[32];
        for (int i = 0; i < 8; i++)
            vanity[24 + i] = (byte) (salt >>> (8 * (7 - i)));
        BlockHeader h = BlockHeader.builder().parentHash(hashing.blockHash(parent)).number(number)
                .coinbase(proposer).gasLimit(GAS_LIMIT).gasUsed(gasUsed).timestamp(parent.timestamp() + 1)
                .difficulty(BigInteger.ONE).mixHash(QBFT_MIX_HASH)
                .extraData(BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(vanity),
                        validators.validatorsForBlock(number), Optional.empty(), round, List.of())))
                .build();
        return new QbftBlock(h, QbftBlock.EMPTY_BODY);
    }

    /** Why {@code header} cannot follow {@code parent}, or null if it can. Seals are not checked here. */
    String invalidReason(BlockHeader parent, BlockHeader header) {
        if (header.number() != parent.number() + 1)
            return "wrong number";
        try {
            if (!header.parentHash().equals(hashing.blockHash(parent)))
                return "wrong parent";
            BftExtraData extra = QbftHashing.extraData(header);
            List<Address> expected = validators.validatorsForBlock(header.number());
            if (!extra.validators().equals(expected))
                return "wrong validators in extra data";
            if (!expected.contains(header.coinbase()))
                return "coinbase is not a validator";
        } catch (RlpException e) {
            return "extra data: " + e.getMessage();
        }
        if (header.gasLimit() != GAS_LIMIT || header.gasUsed() > header.gasLimit())
            return "gas";
        if (!header.mixHash().equals(QBFT_MIX_HASH))
            return "mix hash";
        if (header.timestamp() <= parent.timestamp())
            return "timestamp";
        return null;
    }

    String invalidReason(BlockHeader parent, QbftBlock block) {
        if (!block.body().equals(QbftBlock.EMPTY_BODY))
            return "non-empty body";
        return invalidReason(parent, block.header());
    }
}
