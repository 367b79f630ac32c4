package org.stele.consensus.qbft;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Signature;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TestKeys;

/**
 * {@code n} validators for the consensus unit tests: their keys (named {@code validator-0} …), and the QBFT genesis,
 * blocks and commit seals they make. Keys and headers come from the shared {@link TestKeys} and {@link TestBlocks};
 * only what is QBFT's (extra data, block hash, seals) is here.
 */
public final class TestValidators {
    public final List<KeyPair> keys;
    public final List<Address> validators;
    public final QbftHashing hashing = new QbftHashing(TestKeys.SUITE);

    public TestValidators(int n) {
        keys = TestKeys.named("validator", n);
        validators = keys.stream().map(TestKeys::address).sorted().toList();
    }

    public KeyPair keyOf(Address a) {
        return keys.stream().filter(k -> TestKeys.address(k).equals(a)).findFirst().orElseThrow();
    }

    public BlockHeader genesis() {
        return TestBlocks.genesis().extraData(BftExtraDataCodec.encode(extra(0, 0))).build();
    }

    public BftExtraData extra(int round, long salt) {
        byte[] vanity = new byte[32];
        vanity[31] = (byte) salt;
        return new BftExtraData(Bytes.wrap(vanity), validators, Optional.empty(), round, List.of());
    }

    /** The block {@code proposer} proposes on {@code parent} in {@code round}; {@code salt} tells apart rivals. */
    public QbftBlock block(BlockHeader parent, int round, Address proposer, long salt) {
        BlockHeader h = TestBlocks.child(parent).parentHash(hashing.blockHash(parent)).coinbase(proposer)
                .difficulty(BigInteger.ONE).extraData(BftExtraDataCodec.encode(extra(round, salt))).build();
        return new QbftBlock(h, QbftBlock.EMPTY_BODY);
    }

    public Signature seal(KeyPair k, BlockHeader h) {
        return TestKeys.SUITE.sign(hashing.commitSealHash(h).unsafeArray(), k);
    }
}
