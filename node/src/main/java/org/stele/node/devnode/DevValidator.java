package org.stele.node.devnode;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.node.dev.HdKeys;
import org.stele.node.dev.Mnemonic;

/**
 * The dev chain's one validator. Its key is derived from the dev mnemonic at {@link #PATH}, apart from the funded
 * accounts ({@code m/44'/60'/0'/0/i}), so the same mnemonic always gives the same validator and a restart needs no
 * key file. It seals each block as a QBFT network would after a single-validator round 0: the extra data lists it as
 * the only validator and carries its commit seal, so proofs and tools treat a dev block like a network block.
 */
final class DevValidator {
    /** BIP-44 account 1 of Ethereum's coin type: a key the funded accounts never use. */
    static final String PATH = "m/44'/60'/1'/0/0";
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();

    private final KeyPair key;
    private final Address address;
    private final QbftHashing hashing = new QbftHashing(SUITE);

    DevValidator(Mnemonic mnemonic) {
        this.key = new HdKeys(SUITE).derive(mnemonic.seed(""), PATH);
        this.address = SUITE.address(key.publicKey());
    }

    Address address() {
        return address;
    }

    /** The extra data of genesis and of a block before it is sealed: this validator alone, round 0, no seals. */
    Bytes unsealedExtraData() {
        return BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(new byte[BftExtraData.VANITY_LENGTH]),
                List.of(address), Optional.empty(), 0, List.of()));
    }

    /** {@code built} with QBFT's header conventions and this validator's commit seal over its commit-seal hash. */
    BlockHeader seal(BlockHeader built) {
        BlockHeader unsealed = built.toBuilder().difficulty(BigInteger.ONE).mixHash(SteleQbft.MIX_HASH).nonce(0)
                .extraData(unsealedExtraData()).build();
        return QbftHashing.withSeals(unsealed,
                List.of(SUITE.sign(hashing.commitSealHash(unsealed).toArray(), key)));
    }
}
