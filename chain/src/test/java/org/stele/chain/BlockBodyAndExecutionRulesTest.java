package org.stele.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stele.chain.rules.BlockRule;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.rules.ExecutionResultRules.Executed;
import org.stele.chain.rules.SteleQbft;
import org.stele.chain.rules.Violation;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * The body against its header, before execution (its shape) and after (its roots, then what execution gave), through
 * both chain profiles: a block that matches passes, and each mismatch breaks exactly the rule about it.
 */
class BlockBodyAndExecutionRulesTest {
    private static final Bytes32 STATE = Bytes32.leftPad(new byte[]{5});
    private static final Withdrawal WITHDRAWAL = new Withdrawal(0, 1, Address.fromHex(
            "0x00000000000000000000000000000000000000aa"), 10);
    private static final BlockBody BODY = new BlockBody(List.of(), List.of(), Optional.of(List.of(WITHDRAWAL)));
    private static final List<Receipt> RECEIPTS = List.of(Receipt.of(TransactionType.FEE_MARKET, true, 21_000, List.of(
            new Log(WITHDRAWAL.address(), List.of(Bytes32.leftPad(new byte[]{9})), Bytes.EMPTY))));
    private static final Executed EXECUTED = new Executed(RECEIPTS, 21_000, 0, STATE);

    private static BlockHeader header(UnaryOperator<BlockHeader.Builder> change) {
        BlockHeader.Builder b = BlockHeader.builder().number(1).gasLimit(30_000_000).gasUsed(21_000)
                .baseFeePerGas(BaseFee.INITIAL)
                .transactionsRoot(BODY.transactionsRoot(TrieRoots.INSTANCE))
                .withdrawalsRoot(BODY.withdrawalsRoot(TrieRoots.INSTANCE).orElseThrow())
                .receiptsRoot(Receipt.root(RECEIPTS, TrieRoots.INSTANCE)).logsBloom(Receipt.blockBloom(RECEIPTS))
                .stateRoot(STATE).blobGasUsed(0).excessBlobGas(0);
        return change.apply(b).build();
    }

    /** The rule both profiles find broken: they share the body and execution rules. */
    private static Optional<BlockRule> executed(UnaryOperator<BlockHeader.Builder> change, Executed e) {
        Block block = new Block(header(change), BODY);
        Optional<BlockRule> ethereum = new EthereumCancun().checkExecuted(block, e, TrieRoots.INSTANCE)
                .map(Violation::rule);
        Optional<BlockRule> qbft = new SteleQbft().checkExecuted(block, e, TrieRoots.INSTANCE).map(Violation::rule);
        assertThat(qbft).isEqualTo(ethereum);
        return ethereum;
    }

    @Test
    void aBlockWhoseRootsAndResultsMatchItsHeaderPasses() {
        assertThat(executed(b -> b, EXECUTED)).isEmpty();
        assertThat(new EthereumCancun().checkBodyShape(new Block(header(b -> b), BODY))).isEmpty();
    }

    @Test
    void eachRootAndResultThatDiffersBreaksItsOwnRule() {
        Bytes32 other = Bytes32.leftPad(new byte[]{1});
        assertThat(executed(b -> b.transactionsRoot(other), EXECUTED)).contains(BlockRule.TRANSACTIONS_ROOT);
        assertThat(executed(b -> b.withdrawalsRoot(other), EXECUTED)).contains(BlockRule.WITHDRAWALS_ROOT);
        assertThat(executed(b -> b.blobGasUsed(131_072), EXECUTED)).contains(BlockRule.BLOB_GAS_USED);
        assertThat(executed(b -> b.gasUsed(21_001), EXECUTED)).contains(BlockRule.GAS_USED);
        assertThat(executed(b -> b.logsBloom(LogsBloom.EMPTY), EXECUTED)).contains(BlockRule.LOGS_BLOOM);
        assertThat(executed(b -> b.receiptsRoot(other), EXECUTED)).contains(BlockRule.RECEIPTS_ROOT);
        assertThat(executed(b -> b.stateRoot(other), EXECUTED)).contains(BlockRule.STATE_ROOT);
        assertThat(executed(b -> b, new Executed(RECEIPTS, 21_000, 131_072, STATE))).contains(
                BlockRule.BLOB_GAS_USED);
    }

    @Test
    void aHeaderWithoutBlobGasUsedIsNotCheckedForIt() {
        BlockHeader h = header(b -> b);
        BlockHeader noBlobs = new BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(), h.stateRoot(),
                h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(),
                h.gasUsed(), h.timestamp(), h.extraData(), h.mixHash(), h.nonce(), Optional.of(BaseFee.INITIAL),
                h.withdrawalsRoot(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), Optional.empty());
        assertThat(new SteleQbft().checkExecuted(new Block(noBlobs, BODY), new Executed(RECEIPTS, 21_000, 131_072,
                STATE), TrieRoots.INSTANCE)).isEmpty();
    }

    @Test
    void aBodyWithOmmersOrWithoutTheWithdrawalsItsHeaderRootsIsMisshapen() {
        BlockBody withOmmer = new BlockBody(List.of(), List.of(header(b -> b)), BODY.withdrawals());
        assertThat(new SteleQbft().checkBodyShape(new Block(header(b -> b), withOmmer))).hasValueSatisfying(
                v -> assertThat(v.rule()).isEqualTo(BlockRule.OMMERS));
        BlockBody noWithdrawals = new BlockBody(List.of(), List.of(), Optional.empty());
        assertThat(new EthereumCancun().checkBodyShape(new Block(header(b -> b), noWithdrawals)))
                .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo(BlockRule.MALFORMED));
        BlockHeader h = header(b -> b);
        BlockHeader preShanghai = h.toBuilder().withoutOptionalFields().build();
        assertThat(new EthereumCancun().checkBodyShape(new Block(preShanghai, noWithdrawals))).isEmpty();
    }

    @Test
    void executionResultsKeepTheirReceiptsAndNeedAStateRoot() {
        java.util.ArrayList<Receipt> receipts = new java.util.ArrayList<>(RECEIPTS);
        Executed e = new Executed(receipts, 1, 0, STATE);
        receipts.clear();
        assertThat(e.receipts()).hasSize(1);
        assertThatNullPointerException().isThrownBy(() -> new Executed(RECEIPTS, 1, 0, null));
    }
}
