package org.stele.chain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stele.chain.BaseFee;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;

/**
 * Each header rule of both chain profiles on its own: a child that keeps every rule passes, and changing one field
 * breaks exactly the rule about it, at the field's boundary where it has one.
 */
class ChainProfileHeaderRulesTest {
    private static final long GAS_LIMIT = 30_000_000;
    private static final long BOUND = GAS_LIMIT / ExecutionHeaderRules.GAS_LIMIT_BOUND_DIVISOR;

    private static Bytes qbftExtra(int vanity, int addressLength, byte[] voteString, int roundLength,
            boolean trailing) {
        RlpWriter w = new RlpWriter();
        w.startList().writeBytes(new byte[vanity]).startList().writeBytes(new byte[addressLength]).endList();
        if (voteString == null)
            w.startList().writeBytes(new byte[20]).writeBytes(new byte[]{(byte) 0xff}).endList();
        else
            w.writeBytes(voteString);
        w.writeBytes(new byte[roundLength]).startList().endList();
        if (trailing)
            w.writeBytes(new byte[0]);
        w.endList();
        return Bytes.wrap(w.toByteArray());
    }

    private static final Bytes QBFT_EXTRA = qbftExtra(32, 20, new byte[0], 4, false);

    private static BlockHeader parent(ChainProfile profile) {
        BlockHeader.Builder b = BlockHeader.builder().number(10).gasLimit(GAS_LIMIT).gasUsed(GAS_LIMIT / 2)
                .timestamp(100).baseFeePerGas(BaseFee.INITIAL).withdrawalsRoot(BlockHeader.EMPTY_TRIE_ROOT)
                .blobGasUsed(0).excessBlobGas(0).parentBeaconBlockRoot(Bytes32.ZERO);
        if (profile instanceof SteleQbft)
            b.difficulty(BigInteger.ONE).mixHash(SteleQbft.MIX_HASH).extraData(QBFT_EXTRA);
        return b.build();
    }

    private static BlockHeader child(BlockHeader parent, UnaryOperator<BlockHeader.Builder> change) {
        BlockHeader.Builder b = parent.toBuilder().number(parent.number() + 1).timestamp(parent.timestamp() + 1)
                .gasUsed(0).baseFeePerGas(BaseFee.next(parent))
                .excessBlobGas(ExecutionHeaderRules.excessBlobGas(parent));
        return change.apply(b).build();
    }

    private static Optional<BlockRule> broken(ChainProfile profile, UnaryOperator<BlockHeader.Builder> change) {
        BlockHeader p = parent(profile);
        return profile.checkHeader(child(p, change), p).map(Violation::rule);
    }

    private static Optional<BlockRule> broken(ChainProfile profile, BlockHeader parent,
            UnaryOperator<BlockHeader.Builder> change) {
        return profile.checkHeader(child(parent, change), parent).map(Violation::rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {EthereumCancun.NAME, SteleQbft.NAME})
    void aChildKeepingEveryRulePassesAndEachExecutionRuleBreaksAlone(String name) {
        ChainProfile p = ChainProfile.named(name);
        assertThat(p.name()).isEqualTo(name);
        assertThat(broken(p, b -> b)).isEmpty();

        assertThat(broken(p, b -> b.gasLimit(GAS_LIMIT + BOUND - 1))).isEmpty();
        assertThat(broken(p, b -> b.gasLimit(GAS_LIMIT + BOUND))).contains(BlockRule.GAS_LIMIT);
        assertThat(broken(p, b -> b.gasLimit(GAS_LIMIT - BOUND + 1))).isEmpty();
        assertThat(broken(p, b -> b.gasLimit(GAS_LIMIT - BOUND))).contains(BlockRule.GAS_LIMIT);
        assertThat(broken(p, b -> b.gasUsed(GAS_LIMIT))).isEmpty();
        assertThat(broken(p, b -> b.gasUsed(GAS_LIMIT + 1))).contains(BlockRule.GAS_USED_ABOVE_LIMIT);
        assertThat(broken(p, b -> b.number(12))).contains(BlockRule.BLOCK_NUMBER);
        assertThat(broken(p, b -> b.number(10))).contains(BlockRule.BLOCK_NUMBER);
        assertThat(broken(p, b -> b.timestamp(100))).contains(BlockRule.TIMESTAMP);
        assertThat(broken(p, b -> b.timestamp(99))).contains(BlockRule.TIMESTAMP);
        assertThat(broken(p, b -> b.baseFeePerGas(BaseFee.INITIAL.add(BigInteger.ONE)))).contains(BlockRule.BASE_FEE);
        long perBlob = ExecutionHeaderRules.GAS_PER_BLOB;
        assertThat(broken(p, b -> b.blobGasUsed(ExecutionHeaderRules.MAX_BLOB_GAS_PER_BLOCK))).isEmpty();
        assertThat(broken(p, b -> b.blobGasUsed(ExecutionHeaderRules.MAX_BLOB_GAS_PER_BLOCK + perBlob)))
                .contains(BlockRule.BLOB_GAS_USED);
        assertThat(broken(p, b -> b.blobGasUsed(perBlob - 1))).contains(BlockRule.BLOB_GAS_USED);
        assertThat(broken(p, b -> b.excessBlobGas(perBlob))).contains(BlockRule.EXCESS_BLOB_GAS);
    }

    @ParameterizedTest
    @ValueSource(strings = {EthereumCancun.NAME, SteleQbft.NAME})
    void eachFieldCancunAddedIsRequired(String name) {
        ChainProfile p = ChainProfile.named(name);
        BlockHeader parent = parent(p);
        BlockHeader full = child(parent, b -> b);
        BlockHeader[] missing = {
                new BlockHeader(full.parentHash(), full.ommersHash(), full.coinbase(), full.stateRoot(),
                        full.transactionsRoot(), full.receiptsRoot(), full.logsBloom(), full.difficulty(),
                        full.number(), full.gasLimit(), full.gasUsed(), full.timestamp(), full.extraData(),
                        full.mixHash(), full.nonce(), full.baseFeePerGas(), full.withdrawalsRoot(),
                        full.blobGasUsed(), full.excessBlobGas(), Optional.empty()),
                new BlockHeader(full.parentHash(), full.ommersHash(), full.coinbase(), full.stateRoot(),
                        full.transactionsRoot(), full.receiptsRoot(), full.logsBloom(), full.difficulty(),
                        full.number(), full.gasLimit(), full.gasUsed(), full.timestamp(), full.extraData(),
                        full.mixHash(), full.nonce(), full.baseFeePerGas(), full.withdrawalsRoot(),
                        full.blobGasUsed(), java.util.OptionalLong.empty(), Optional.empty()),
                new BlockHeader(full.parentHash(), full.ommersHash(), full.coinbase(), full.stateRoot(),
                        full.transactionsRoot(), full.receiptsRoot(), full.logsBloom(), full.difficulty(),
                        full.number(), full.gasLimit(), full.gasUsed(), full.timestamp(), full.extraData(),
                        full.mixHash(), full.nonce(), full.baseFeePerGas(), full.withdrawalsRoot(),
                        java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), Optional.empty()),
                new BlockHeader(full.parentHash(), full.ommersHash(), full.coinbase(), full.stateRoot(),
                        full.transactionsRoot(), full.receiptsRoot(), full.logsBloom(), full.difficulty(),
                        full.number(), full.gasLimit(), full.gasUsed(), full.timestamp(), full.extraData(),
                        full.mixHash(), full.nonce(), full.baseFeePerGas(), Optional.empty(),
                        java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), Optional.empty()),
                full.toBuilder().withoutOptionalFields().build()};
        for (BlockHeader h : missing)
            assertThat(p.checkHeader(h, parent)).hasValueSatisfying(v -> {
                assertThat(v.rule()).isEqualTo(BlockRule.MISSING_FORK_FIELD);
                assertThat(v.detail()).contains(String.valueOf(h.fieldCount()));
            });
    }

    @Test
    void theGasLimitMayNotFallBelowTheFloorEvenWithinTheBound() {
        BlockHeader parent = parent(new EthereumCancun()).toBuilder().gasLimit(ExecutionHeaderRules.MIN_GAS_LIMIT)
                .gasUsed(ExecutionHeaderRules.MIN_GAS_LIMIT / 2).build();
        assertThat(broken(new EthereumCancun(), parent, b -> b)).isEmpty();
        assertThat(broken(new EthereumCancun(), parent, b -> b.gasLimit(ExecutionHeaderRules.MIN_GAS_LIMIT - 1)))
                .contains(BlockRule.GAS_LIMIT);
    }

    @Test
    void theFirstBaseFeeIsTheInitialOneAndTheExcessBlobGasFollowsTheTarget() {
        BlockHeader preLondon = parent(new EthereumCancun()).toBuilder().withoutOptionalFields().build();
        BlockHeader child = preLondon.toBuilder().number(11).timestamp(101).gasUsed(0).baseFeePerGas(BaseFee.INITIAL)
                .withdrawalsRoot(BlockHeader.EMPTY_TRIE_ROOT).blobGasUsed(0).excessBlobGas(0)
                .parentBeaconBlockRoot(Bytes32.ZERO).build();
        assertThat(new EthereumCancun().checkHeader(child, preLondon)).isEmpty();

        long target = ExecutionHeaderRules.TARGET_BLOB_GAS_PER_BLOCK;
        BlockHeader atTarget = parent(new EthereumCancun()).toBuilder().excessBlobGas(target - 5).blobGasUsed(5)
                .build();
        assertThat(ExecutionHeaderRules.excessBlobGas(atTarget)).isZero();
        BlockHeader above = atTarget.toBuilder().blobGasUsed(6).build();
        assertThat(ExecutionHeaderRules.excessBlobGas(above)).isEqualTo(1);
        assertThat(ExecutionHeaderRules.excessBlobGas(above.toBuilder().blobGasUsed(4).build())).isZero();
    }

    @Test
    void anEthereumHeaderKeepsThePostMergeConstants() {
        ChainProfile p = new EthereumCancun();
        assertThat(p.forkChoice()).isEqualTo(ForkChoice.NEWEST_BLOCK);
        assertThat(broken(p, b -> b.extraData(Bytes.wrap(new byte[32])))).isEmpty();
        assertThat(broken(p, b -> b.extraData(Bytes.wrap(new byte[33])))).contains(BlockRule.EXTRA_DATA);
        assertThat(broken(p, b -> b.difficulty(BigInteger.ONE))).contains(BlockRule.DIFFICULTY);
        assertThat(broken(p, b -> b.nonce(1))).contains(BlockRule.NONCE);
        assertThat(broken(p, b -> b.ommersHash(Bytes32.ZERO))).contains(BlockRule.OMMERS);
        assertThat(broken(p, b -> b.mixHash(Bytes32.leftPad(new byte[]{1})))).as("the beacon randomness").isEmpty();
    }

    @Test
    void aQbftHeaderKeepsTheBftConstantsAndTheShapeOfItsExtraData() {
        ChainProfile p = new SteleQbft();
        assertThat(p.forkChoice()).isEqualTo(ForkChoice.EXTEND_HEAD);
        assertThat(broken(p, b -> b.difficulty(BigInteger.ZERO))).contains(BlockRule.DIFFICULTY);
        assertThat(broken(p, b -> b.difficulty(BigInteger.TWO))).contains(BlockRule.DIFFICULTY);
        assertThat(broken(p, b -> b.nonce(1))).contains(BlockRule.NONCE);
        assertThat(broken(p, b -> b.mixHash(Bytes32.ZERO))).contains(BlockRule.MIX_HASH);
        assertThat(broken(p, b -> b.ommersHash(Bytes32.ZERO))).contains(BlockRule.OMMERS);
        assertThat(broken(p, b -> b.extraData(qbftExtra(32, 20, null, 4, false)))).as("a vote").isEmpty();
        assertThat(broken(p, b -> b.extraData(Bytes.wrap(new byte[200])))).as("extra data of any size").contains(
                BlockRule.CONSENSUS_EXTRA_DATA);
        for (Bytes bad : new Bytes[]{qbftExtra(31, 20, new byte[0], 4, false), qbftExtra(32, 19, new byte[0], 4,
                false), qbftExtra(32, 20, new byte[]{1}, 4, false), qbftExtra(32, 20, new byte[0], 3, false),
                qbftExtra(32, 20, new byte[0], 4, true), Bytes.of((byte) 0x01)})
            assertThat(p.checkHeader(child(parent(p), b -> b.extraData(bad)), parent(p)))
                    .hasValueSatisfying(v -> {
                        assertThat(v.rule()).isEqualTo(BlockRule.CONSENSUS_EXTRA_DATA);
                        assertThat(v.toString()).startsWith("CONSENSUS_EXTRA_DATA: ").hasSizeGreaterThan(24);
                    });
    }

    @Test
    void aProfileIsNamedAsAGenesisFileNamesItAndAnUnknownNameIsRefused() {
        assertThat(ChainProfile.named("ethereum-cancun")).isInstanceOf(EthereumCancun.class);
        assertThat(ChainProfile.named("stele-qbft")).isInstanceOf(SteleQbft.class);
        assertThatIllegalArgumentException().isThrownBy(() -> ChainProfile.named("clique"))
                .withMessageContaining("clique").withMessageContaining("stele-qbft");
        assertThatNullPointerException().isThrownBy(() -> new Violation(null, "x"));
        assertThatNullPointerException().isThrownBy(() -> new Violation(BlockRule.SEAL, null));
    }
}
