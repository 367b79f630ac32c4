package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.Objects;
import org.stele.chain.tx.InvalidTransactionException.Reason;
import org.stele.common.Address;
import org.stele.common.Fork;
import org.stele.common.crypto.CryptoSuite;

/**
 * The checks a transaction must pass on its own, before any account state is looked at: type allowed at the fork,
 * chain id, signature ranges, nonce and fee limits, init-code size and the intrinsic-gas floor. Account checks
 * (nonce matches, balance covers the cost, base fee) belong to execution.
 */
public final class TransactionValidator {
    /**
     * Order of the secp256k1 group. Ethereum's transaction format itself (v/yParity for key recovery) is secp256k1
     * ECDSA, so its range rules are part of the format.
     */
    static final BigInteger SECP256K1_N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final BigInteger HALF_N = SECP256K1_N.shiftRight(1);

    private final BigInteger chainId;

    /** A validator for a chain with this EIP-155 chain id. */
    public TransactionValidator(BigInteger chainId) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
    }

    public TransactionValidator(long chainId) {
        this(BigInteger.valueOf(chainId));
    }

    public BigInteger chainId() {
        return chainId;
    }

    /** Validates {@code tx} under {@code fork} and recovers its sender. */
    public Address validateAndRecoverSender(Transaction tx, Fork fork, CryptoSuite suite) {
        validate(tx, fork);
        return tx.sender(suite);
    }

    /**
     * @throws InvalidTransactionException naming the first rule {@code tx} breaks
     */
    public void validate(Transaction tx, Fork fork) {
        if (!fork.isAtLeast(tx.type().introducedIn()))
            throw new InvalidTransactionException(Reason.TYPE_NOT_ACTIVE,
                    tx.type() + " transactions are not allowed before " + tx.type().introducedIn().fixtureName());
        checkChainId(tx, fork);
        checkSignature(tx.signature(), fork);
        // EIP-2681: a nonce of 2^64 - 1 could never be followed by another
        if (tx.nonce() == -1L)
            throw new InvalidTransactionException(Reason.NONCE_TOO_HIGH, "nonce must be below 2^64 - 1 (EIP-2681)");
        BigInteger gasLimit = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
        if (gasLimit.multiply(tx.maxFeePerGas()).compareTo(TransactionFields.TWO_POW_256) >= 0)
            throw new InvalidTransactionException(Reason.FEE_OVERFLOW,
                    "gas limit times " + (tx instanceof FeeMarketTransaction ? "max fee per gas" : "gas price")
                            + " exceeds 256 bits");
        if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0)
            throw new InvalidTransactionException(Reason.PRIORITY_FEE_ABOVE_MAX_FEE,
                    "max priority fee per gas " + tx.maxPriorityFeePerGas() + " is above max fee per gas "
                            + tx.maxFeePerGas());
        if (IntrinsicGas.initCodeTooLarge(fork, tx.isContractCreation(), tx.data().size()))
            throw new InvalidTransactionException(Reason.INIT_CODE_TOO_LARGE, "init code of " + tx.data().size()
                    + " bytes exceeds the limit of " + Fork.MAX_INIT_CODE_SIZE + " (EIP-3860)");
        long minimum = IntrinsicGas.minimumGasLimit(tx, fork);
        if (Long.compareUnsigned(tx.gasLimit(), minimum) < 0)
            throw new InvalidTransactionException(Reason.INTRINSIC_GAS_TOO_LOW,
                    "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " is below the intrinsic gas " + minimum);
    }

    private void checkChainId(Transaction tx, Fork fork) {
        if (tx.chainId().isEmpty())
            return; // pre-EIP-155 legacy transactions stay valid on every fork
        if (tx instanceof LegacyTransaction && !fork.isAtLeast(Fork.SPURIOUS_DRAGON))
            throw new InvalidTransactionException(Reason.INVALID_CHAIN_ID,
                    "EIP-155 replay protection (v = chainId * 2 + 35/36) is not active before SpuriousDragon");
        if (!tx.chainId().get().equals(chainId))
            throw new InvalidTransactionException(Reason.INVALID_CHAIN_ID,
                    "transaction is for chain " + tx.chainId().get() + ", this chain is " + chainId);
    }

    private static void checkSignature(TransactionSignature sig, Fork fork) {
        if (sig.r().signum() == 0 || sig.r().compareTo(SECP256K1_N) >= 0)
            throw new InvalidTransactionException(Reason.INVALID_SIGNATURE, "signature r is out of range");
        if (sig.s().signum() == 0 || sig.s().compareTo(SECP256K1_N) >= 0)
            throw new InvalidTransactionException(Reason.INVALID_SIGNATURE, "signature s is out of range");
        if (fork.isAtLeast(Fork.HOMESTEAD) && sig.s().compareTo(HALF_N) > 0)
            throw new InvalidTransactionException(Reason.INVALID_SIGNATURE,
                    "signature s is in the upper half of the curve order (EIP-2)");
    }
}
