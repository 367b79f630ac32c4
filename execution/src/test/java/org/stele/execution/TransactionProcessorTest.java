package org.stele.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.BlockContext;
import org.stele.evm.Status;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;

class TransactionProcessorTest {
    private static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    private static final Address RECIPIENT = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");
    private static final Address COINBASE = Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final long BLOCK_GAS = 30_000_000;
    private static final BlockContext BLOCK = new BlockContext(COINBASE, 1, 1000, BLOCK_GAS, BigInteger.valueOf(7),
            BigInteger.ZERO, Bytes32.ZERO, 1, BigInteger.ONE);
    private static final Bytes32 VERSIONED_HASH = Bytes32
            .fromHex("0x01a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");

    private final TransactionProcessor processor = new TransactionProcessor(Fork.CANCUN);

    private static WorldState world() {
        WorldState w = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        w.putAccount(SENDER, 0, ETHER, Bytes.EMPTY, Map.of());
        return w;
    }

    private static TransactionRequest transfer(long nonce, long gasLimit, BigInteger value, long gasPrice) {
        return TransactionRequest.legacy(SENDER, nonce, gasLimit, RECIPIENT, value, Bytes.EMPTY,
                BigInteger.valueOf(gasPrice));
    }

    private static TransactionRequest feeMarket(long maxFee, long priority) {
        return new TransactionRequest(TransactionRequest.FEE_MARKET, SENDER, 0, 21_000, RECIPIENT, BigInteger.ONE,
                Bytes.EMPTY, BigInteger.valueOf(maxFee), BigInteger.valueOf(priority), List.of(), List.of(),
                BigInteger.ZERO);
    }

    private static TransactionRequest blob(Address to, List<Bytes32> hashes, long maxFeePerBlobGas) {
        return new TransactionRequest(TransactionRequest.BLOB, SENDER, 0, 21_000, to, BigInteger.ZERO, Bytes.EMPTY,
                BigInteger.TEN, BigInteger.ONE, List.of(), hashes, BigInteger.valueOf(maxFeePerBlobGas));
    }

    private InvalidTransaction rejection(WorldState w, TransactionRequest tx) {
        TransactionResult r = processor.process(w, BLOCK, tx, BLOCK_GAS);
        assertThat(r).isInstanceOf(TransactionResult.Invalid.class);
        return ((TransactionResult.Invalid) r).reason();
    }

    @Test
    void aTransferChargesTheSenderPaysTheTipToTheCoinbaseAndBurnsTheBaseFee() {
        WorldState w = world();
        TransactionResult r = processor.process(w, BLOCK, transfer(0, 50_000, BigInteger.valueOf(1000), 10), BLOCK_GAS);
        TransactionResult.Executed e = (TransactionResult.Executed) r;
        assertThat(e.status()).isEqualTo(Status.SUCCESS);
        assertThat(e.gasUsed()).isEqualTo(21_000);
        w.apply(e.changes());
        assertThat(w.account(SENDER).balance()).isEqualTo(ETHER.subtract(BigInteger.valueOf(1000 + 21_000 * 10)));
        assertThat(w.account(SENDER).nonce()).isEqualTo(1);
        assertThat(w.account(RECIPIENT).balance()).isEqualTo(BigInteger.valueOf(1000));
        assertThat(w.account(COINBASE).balance()).isEqualTo(BigInteger.valueOf(21_000 * (10 - 7)));
    }

    @Test
    void theRefundIsCappedAtAFifthOfTheGasUsed() {
        WorldState w = world();
        // Clears two set slots: 2 × 4800 refund against 31012 gas used, so the EIP-3529 cap (6202) applies.
        w.putAccount(RECIPIENT, 1, BigInteger.ZERO, Bytes.fromHex("0x60006000556000600155" + "00"),
                Map.of(Bytes32.leftPad(new byte[]{0}), Bytes32.leftPad(new byte[]{1}), Bytes32.leftPad(new byte[]{1}),
                        Bytes32.leftPad(new byte[]{1})));
        TransactionResult.Executed e = (TransactionResult.Executed) processor.process(w, BLOCK,
                transfer(0, 100_000, BigInteger.ZERO, 10), BLOCK_GAS);
        assertThat(e.gasUsed()).isEqualTo(31_012 - 31_012 / 5);
    }

    @Test
    void nonceMustMatchTheSendersNonce() {
        WorldState w = world();
        w.putAccount(SENDER, 5, ETHER, Bytes.EMPTY, Map.of());
        assertThat(rejection(w, transfer(4, 21_000, BigInteger.ZERO, 10)))
                .isEqualTo(InvalidTransaction.NONCE_MISMATCH_TOO_LOW);
        assertThat(rejection(w, transfer(6, 21_000, BigInteger.ZERO, 10)))
                .isEqualTo(InvalidTransaction.NONCE_MISMATCH_TOO_HIGH);
    }

    @Test
    void aSenderAtTheMaximumNonceCannotSend() {
        WorldState w = world();
        w.putAccount(SENDER, -1L, ETHER, Bytes.EMPTY, Map.of());
        assertThat(rejection(w, transfer(-1L, 21_000, BigInteger.ZERO, 10))).isEqualTo(InvalidTransaction.NONCE_IS_MAX);
    }

    @Test
    void aSenderWithCodeIsRejected() {
        WorldState w = world();
        w.putAccount(SENDER, 0, ETHER, Bytes.fromHex("0x00"), Map.of());
        assertThat(rejection(w, transfer(0, 21_000, BigInteger.ZERO, 10))).isEqualTo(InvalidTransaction.SENDER_NOT_EOA);
    }

    @Test
    void theSenderMustAffordGasLimitTimesPricePlusValue() {
        assertThat(rejection(world(), transfer(0, 21_000, ETHER.subtract(BigInteger.valueOf(21_000 * 10 - 1)), 10)))
                .isEqualTo(InvalidTransaction.INSUFFICIENT_ACCOUNT_FUNDS);
    }

    @Test
    void theGasLimitMustCoverIntrinsicGasAndFitTheBlock() {
        assertThat(rejection(world(), transfer(0, 20_999, BigInteger.ZERO, 10)))
                .isEqualTo(InvalidTransaction.INTRINSIC_GAS_TOO_LOW);
        assertThat(rejection(world(), transfer(0, BLOCK_GAS + 1, BigInteger.ZERO, 7)))
                .isEqualTo(InvalidTransaction.GAS_ALLOWANCE_EXCEEDED);
    }

    @Test
    void feeCapsAreCheckedAgainstTheBaseFeeAndThePriorityFee() {
        assertThat(rejection(world(), feeMarket(6, 1))).isEqualTo(InvalidTransaction.INSUFFICIENT_MAX_FEE_PER_GAS);
        assertThat(rejection(world(), feeMarket(10, 11)))
                .isEqualTo(InvalidTransaction.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS);
        assertThat(processor.effectiveGasPrice(feeMarket(10, 2), BLOCK)).isEqualTo(BigInteger.valueOf(9));
        assertThat(processor.effectiveGasPrice(feeMarket(8, 2), BLOCK)).isEqualTo(BigInteger.valueOf(8));
    }

    @Test
    void initCodeAboveTheLimitIsRejected() {
        TransactionRequest create = TransactionRequest.legacy(SENDER, 0, 10_000_000, null, BigInteger.ZERO,
                Bytes.wrap(new byte[Fork.MAX_INIT_CODE_SIZE + 1]), BigInteger.TEN);
        assertThat(rejection(world(), create)).isEqualTo(InvalidTransaction.INITCODE_SIZE_EXCEEDED);
    }

    @Test
    void blobTransactionsFollowEip4844() {
        assertThat(rejection(world(), blob(null, List.of(VERSIONED_HASH), 1)))
                .isEqualTo(InvalidTransaction.TYPE_3_TX_CONTRACT_CREATION);
        assertThat(rejection(world(), blob(RECIPIENT, List.of(), 1)))
                .isEqualTo(InvalidTransaction.TYPE_3_TX_ZERO_BLOBS);
        assertThat(rejection(world(), blob(RECIPIENT, List.of(Bytes32.ZERO), 1)))
                .isEqualTo(InvalidTransaction.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH);
        assertThat(rejection(world(), blob(RECIPIENT, java.util.Collections.nCopies(7, VERSIONED_HASH), 1)))
                .isEqualTo(InvalidTransaction.TYPE_3_TX_BLOB_COUNT_EXCEEDED);
        assertThat(rejection(world(), blob(RECIPIENT, List.of(VERSIONED_HASH), 0)))
                .isEqualTo(InvalidTransaction.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS);
        TransactionResult.Executed ok = (TransactionResult.Executed) processor.process(world(), BLOCK,
                blob(RECIPIENT, List.of(VERSIONED_HASH, VERSIONED_HASH), 1), BLOCK_GAS);
        assertThat(ok.blobGasUsed()).isEqualTo(2 * BlobGas.GAS_PER_BLOB);
    }

    @Test
    void typedTransactionsAreRejectedBeforeTheirFork() {
        TransactionResult r = new TransactionProcessor(Fork.BERLIN).process(world(), BLOCK, feeMarket(10, 1),
                BLOCK_GAS);
        assertThat(((TransactionResult.Invalid) r).reason()).isEqualTo(InvalidTransaction.TYPE_NOT_SUPPORTED);
    }

    @Test
    void anInvalidTransactionLeavesTheStateUnchanged() {
        WorldState w = world();
        org.stele.common.Bytes32 before = w.rootHash();
        rejection(w, transfer(0, 20_999, BigInteger.ZERO, 10));
        assertThat(w.rootHash()).isEqualTo(before);
    }
}
