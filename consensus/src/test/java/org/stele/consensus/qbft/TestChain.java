package org.stele.consensus.qbft;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;

/** Keys, a genesis and blocks for the consensus unit tests. */
public final class TestChain {
    public static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    public final List<KeyPair> keys = new ArrayList<>();
    public final List<Address> validators;
    public final QbftHashing hashing = new QbftHashing(SUITE);

    public TestChain(int n) {
        for (int i = 0; i < n; i++)
            keys.add(key("validator-" + i));
        validators = keys.stream().map(k -> SUITE.address(k.publicKey())).sorted().toList();
    }

    public static KeyPair key(String name) {
        return SUITE.keyPair(Keccak256.hash(name.getBytes(StandardCharsets.UTF_8)));
    }

    public KeyPair keyOf(Address a) {
        return keys.stream().filter(k -> SUITE.address(k.publicKey()).equals(a)).findFirst().orElseThrow();
    }

    public BlockHeader genesis() {
        return BlockHeader.builder().number(0).gasLimit(30_000_000)
                .extraData(BftExtraDataCodec.encode(extra(0, 0))).build();
    }

    public BftExtraData extra(int round, long salt) {
        byte[] vanity = new byte[32];
        vanity[31] = (byte) salt;
        return new BftExtraData(Bytes.wrap(vanity), validators, Optional.empty(), round, List.of());
    }

    public QbftBlock block(BlockHeader parent, int round, Address proposer, long salt) {
        BlockHeader h = BlockHeader.builder().parentHash(hashing.blockHash(parent)).number(parent.number() + 1)
                .coinbase(proposer).gasLimit(30_000_000).timestamp(parent.timestamp() + 1)
                .difficulty(BigInteger.ONE).extraData(BftExtraDataCodec.encode(extra(round, salt))).build();
        return new QbftBlock(h, QbftBlock.EMPTY_BODY);
    }

    public Signature seal(KeyPair k, BlockHeader h) {
        return SUITE.sign(hashing.commitSealHash(h).unsafeArray(), k);
    }
}
