package org.stele.execution;

import java.math.BigInteger;
import org.stele.chain.tx.IntrinsicGas;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.AccountInfo;
import org.stele.evm.BlockContext;
import org.stele.evm.CallGuard;
import org.stele.evm.Evm;
import org.stele.evm.ExecutionResult;
import org.stele.evm.Message;
import org.stele.evm.TxContext;
import org.stele.evm.WorldView;
import org.stele.evm.state.JournaledState;
import org.stele.evm.tracing.Tracer;

/**
 * Applies one transaction to a world state, Berlin and later.
 *
 * <p>
 * The checks run in the order go-ethereum runs them (nonce, sender code, fee caps, blob rules, funds, block gas,
 * intrinsic gas, init-code size), because the reference fixtures name the first failing check. All checks happen
 * before anything changes, so an invalid transaction leaves no trace. A valid one then buys its gas, bumps the nonce,
 * warms the coinbase (EIP-3651) and the access list (EIP-2930), runs in the EVM, gets the unused gas and the capped
 * refund (EIP-3529) back, and pays the priority fee to the coinbase; the base fee and the blob fee are burned by
 * not being paid to anyone.
 *
 * <p>
 * Not thread-safe (the EVM keeps its frame stack between calls): use one processor per thread.
 */
public final class TransactionProcessor {
    private static final int UINT256_BITS = 256;
    /** EIP-2681. */
    private static final long MAX_NONCE = -1L;
    /** Cancun allows 6 blobs in a block, so in one transaction. */
    private static final long MAX_BLOBS_PER_TX = BlobGas.MAX_BLOB_GAS_PER_BLOCK / BlobGas.GAS_PER_BLOB;

    private final Fork fork;
    private final Evm evm;

    public TransactionProcessor(Fork fork) {
        this(fork, null);
    }

    /** @param tracer receives every EVM step and call, or null for none */
    public TransactionProcessor(Fork fork, Tracer tracer) {
        this.fork = fork;
        this.evm = new Evm(fork, tracer);
    }

    public Fork fork() {
        return fork;
    }

    /**
     * Runs {@code tx} on top of {@code world}.
     *
     * @param blockGasAvailable
     *            the block's gas limit minus the gas used by the transactions before this one
     */
    public TransactionResult process(WorldView world, BlockContext block, TransactionRequest tx,
            long blockGasAvailable) {
        return process(world, block, tx, blockGasAvailable, null);
    }

    /**
     * As {@link #process(WorldView, BlockContext, TransactionRequest, long)}, with every call the transaction makes
     * asked of the chain's {@code guard} first (see {@link CallGuard}).
     *
     * @param guard the chain's call rule, or {@code null} when it has nothing to refuse
     */
    public TransactionResult process(WorldView world, BlockContext block, TransactionRequest tx,
            long blockGasAvailable, CallGuard guard) {
        JournaledState state = new JournaledState(world);
        BigInteger effectiveGasPrice = effectiveGasPrice(tx, block);
        TransactionResult.Invalid invalid = validate(state, block, tx, blockGasAvailable, effectiveGasPrice);
        if (invalid != null)
            return invalid;

        Address sender = tx.sender();
        long blobGas = blobGas(tx);
        BigInteger gasCost = BigInteger.valueOf(tx.gasLimit()).multiply(effectiveGasPrice)
                .add(BigInteger.valueOf(blobGas).multiply(block.blobBaseFee()));
        state.subBalance(sender, gasCost);

        Address target;
        Message message;
        long gas = tx.gasLimit() - intrinsicGas(tx);
        if (tx.isContractCreation()) {
            target = Evm.createAddress(sender, tx.nonce());
            state.incrementNonce(sender);
            message = Message.create(sender, target, tx.value(), tx.data(), gas);
        } else {
            target = tx.to();
            state.incrementNonce(sender);
            message = Message.call(sender, target, tx.value(), tx.data(), gas);
        }
        state.warmAccount(sender);
        state.warmAccount(target);
        if (fork.isAtLeast(Fork.SHANGHAI))
            state.warmAccount(block.coinbase());
        for (TransactionRequest.AccessEntry e : tx.accessList()) {
            state.warmAccount(e.address());
            for (Bytes32 key : e.storageKeys())
                state.warmSlot(e.address(), key);
        }

        ExecutionResult result = evm.execute(state, message, block,
                new TxContext(sender, effectiveGasPrice, tx.blobVersionedHashes()), guard);

        long gasLeft = result.gasLeft();
        long used = tx.gasLimit() - gasLeft;
        long refund = Math.min(result.refund(), used / refundQuotient());
        gasLeft += refund;
        used -= refund;
        state.addBalance(sender, BigInteger.valueOf(gasLeft).multiply(effectiveGasPrice));
        BigInteger tip = fork.isAtLeast(Fork.LONDON) ? effectiveGasPrice.subtract(block.baseFee()) : effectiveGasPrice;
        state.addBalance(block.coinbase(), BigInteger.valueOf(used).multiply(tip));

        return new TransactionResult.Executed(result.status(), used, blobGas, result.logs(), result.output(),
                result.createdAddress(), state.finish());
    }

    /**
     * What one unit of gas costs the sender: the gas price, or from London {@code min(maxFee, baseFee + priority)}.
     * Only meaningful once the fee checks have passed.
     */
    public BigInteger effectiveGasPrice(TransactionRequest tx, BlockContext block) {
        if (!fork.isAtLeast(Fork.LONDON))
            return tx.maxFeePerGas();
        return tx.maxFeePerGas().min(block.baseFee().add(tx.maxPriorityFeePerGas()));
    }

    /** London (EIP-3529) caps the refund at a fifth of the gas used, down from a half. */
    private long refundQuotient() {
        return fork.isAtLeast(Fork.LONDON) ? 5 : 2;
    }

    private static long blobGas(TransactionRequest tx) {
        return BlobGas.GAS_PER_BLOB * tx.blobVersionedHashes().size();
    }

    private TransactionResult.Invalid validate(JournaledState state, BlockContext block, TransactionRequest tx,
            long blockGasAvailable, BigInteger effectiveGasPrice) {
        if (tx.value().bitLength() > UINT256_BITS || tx.maxFeePerGas().bitLength() > UINT256_BITS
                || tx.maxPriorityFeePerGas().bitLength() > UINT256_BITS
                || tx.maxFeePerBlobGas().bitLength() > UINT256_BITS || tx.value().signum() < 0
                || tx.maxFeePerGas().signum() < 0 || tx.maxPriorityFeePerGas().signum() < 0
                || tx.maxFeePerBlobGas().signum() < 0)
            return invalid(InvalidTransaction.RLP_INVALID_VALUE, "a value does not fit in 256 bits");
        Fork introduced = switch (tx.type()) {
            case TransactionRequest.ACCESS_LIST -> Fork.BERLIN;
            case TransactionRequest.FEE_MARKET -> Fork.LONDON;
            case TransactionRequest.BLOB -> Fork.CANCUN;
            default -> Fork.FRONTIER;
        };
        if (!fork.isAtLeast(introduced))
            return invalid(InvalidTransaction.TYPE_NOT_SUPPORTED,
                    "transaction type " + tx.type() + " is not active before " + introduced.fixtureName());

        Address sender = tx.sender();
        AccountInfo account = state.account(sender);
        long stateNonce = account == null ? 0 : account.nonce();
        if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0)
            return invalid(InvalidTransaction.NONCE_MISMATCH_TOO_LOW, "nonce " + Long.toUnsignedString(tx.nonce())
                    + " is below the sender's " + Long.toUnsignedString(stateNonce));
        if (Long.compareUnsigned(tx.nonce(), stateNonce) > 0)
            return invalid(InvalidTransaction.NONCE_MISMATCH_TOO_HIGH, "nonce " + Long.toUnsignedString(tx.nonce())
                    + " is above the sender's " + Long.toUnsignedString(stateNonce));
        if (stateNonce == MAX_NONCE)
            return invalid(InvalidTransaction.NONCE_IS_MAX, "the sender's nonce is 2^64 - 1");
        if (account != null && !account.codeHash().equals(AccountInfo.EMPTY_CODE_HASH))
            return invalid(InvalidTransaction.SENDER_NOT_EOA, "the sender " + sender + " has code (EIP-3607)");

        if (fork.isAtLeast(Fork.LONDON)) {
            if (tx.maxFeePerGas().compareTo(tx.maxPriorityFeePerGas()) < 0)
                return invalid(InvalidTransaction.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS,
                        "priority fee " + tx.maxPriorityFeePerGas() + " is above the fee cap " + tx.maxFeePerGas());
            if (tx.maxFeePerGas().compareTo(block.baseFee()) < 0)
                return invalid(InvalidTransaction.INSUFFICIENT_MAX_FEE_PER_GAS,
                        "fee cap " + tx.maxFeePerGas() + " is below the base fee " + block.baseFee());
        }

        long blobGas = 0;
        if (tx.type() == TransactionRequest.BLOB) {
            if (tx.isContractCreation())
                return invalid(InvalidTransaction.TYPE_3_TX_CONTRACT_CREATION, "a blob transaction cannot create");
            if (tx.blobVersionedHashes().isEmpty())
                return invalid(InvalidTransaction.TYPE_3_TX_ZERO_BLOBS, "a blob transaction needs a blob");
            if (tx.blobVersionedHashes().size() > MAX_BLOBS_PER_TX)
                return invalid(InvalidTransaction.TYPE_3_TX_BLOB_COUNT_EXCEEDED,
                        tx.blobVersionedHashes().size() + " blobs, at most " + MAX_BLOBS_PER_TX);
            for (Bytes32 h : tx.blobVersionedHashes())
                if (h.unsafeArray()[0] != BlobGas.VERSIONED_HASH_VERSION_KZG)
                    return invalid(InvalidTransaction.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH,
                            "versioned hash " + h + " is not version 0x01");
            blobGas = blobGas(tx);
            if (tx.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0)
                return invalid(InvalidTransaction.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS,
                        "blob fee cap " + tx.maxFeePerBlobGas() + " is below the blob base fee " + block.blobBaseFee());
        }

        BigInteger gasLimit = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
        BigInteger required = gasLimit.multiply(tx.maxFeePerGas()).add(tx.value())
                .add(BigInteger.valueOf(blobGas).multiply(tx.maxFeePerBlobGas()));
        BigInteger balance = account == null ? BigInteger.ZERO : account.balance();
        if (balance.compareTo(required) < 0)
            return invalid(InvalidTransaction.INSUFFICIENT_ACCOUNT_FUNDS,
                    "balance " + balance + " is below gas limit × fee cap + value = " + required);
        if (Long.compareUnsigned(tx.gasLimit(), blockGasAvailable) > 0)
            return invalid(InvalidTransaction.GAS_ALLOWANCE_EXCEEDED,
                    "gas limit " + Long.toUnsignedString(tx.gasLimit())
                            + " is above the " + blockGasAvailable + " left in the block");

        long intrinsic = intrinsicGas(tx);
        if (tx.gasLimit() < intrinsic)
            return invalid(InvalidTransaction.INTRINSIC_GAS_TOO_LOW,
                    "gas limit " + tx.gasLimit() + " is below the intrinsic gas " + intrinsic);
        if (IntrinsicGas.initCodeTooLarge(fork, tx.isContractCreation(), tx.data().size()))
            return invalid(InvalidTransaction.INITCODE_SIZE_EXCEEDED,
                    "init code of " + tx.data().size() + " bytes is above " + Fork.MAX_INIT_CODE_SIZE);
        return null;
    }

    private long intrinsicGas(TransactionRequest tx) {
        int keys = 0;
        for (TransactionRequest.AccessEntry e : tx.accessList())
            keys += e.storageKeys().size();
        return IntrinsicGas.of(fork, tx.data(), tx.isContractCreation(), tx.accessList().size(), keys);
    }

    private static TransactionResult.Invalid invalid(InvalidTransaction reason, String message) {
        return new TransactionResult.Invalid(reason, message);
    }
}
