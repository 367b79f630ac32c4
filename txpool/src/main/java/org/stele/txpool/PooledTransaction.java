package org.stele.txpool;

import java.math.BigInteger;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * A transaction with what was worked out on admission: its hash and its recovered sender.
 *
 * @param sequence admission order, to break ties deterministically
 * @param maxCost gas limit × max fee + value: what the sender must be able to pay
 */
public record PooledTransaction(Transaction transaction, Bytes32 hash, Address sender, long sequence,
        BigInteger maxCost) {

    public PooledTransaction(Transaction transaction, Bytes32 hash, Address sender, long sequence) {
        this(transaction, hash, sender, sequence, BigInteger.valueOf(transaction.gasLimit())
                .multiply(transaction.maxFeePerGas()).add(transaction.value()));
    }

    public long nonce() {
        return transaction.nonce();
    }

    /** What the block producer earns per gas at {@code baseFee}; negative when the fee cap is below the base fee. */
    public BigInteger effectiveTip(BigInteger baseFee) {
        return transaction.maxPriorityFeePerGas().min(transaction.maxFeePerGas().subtract(baseFee));
    }
}
