package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.PublicKey;

/**
 * A signed (or about to be signed) Ethereum transaction. The records implementing it hold the fields of one
 * transaction type each; callers switch over them when the type matters and use the accessors here when it does not.
 * Nonce and gas limit are unsigned 64-bit values held in a {@code long}: compare them with
 * {@link Long#compareUnsigned}.
 */
public sealed interface Transaction
        permits LegacyTransaction, AccessListTransaction, FeeMarketTransaction, BlobTransaction {

    TransactionType type();

    /** The chain id the signature commits to; empty only for legacy transactions without EIP-155. */
    Optional<BigInteger> chainId();

    /** Unsigned 64-bit nonce. */
    long nonce();

    /** Unsigned 64-bit gas limit. */
    long gasLimit();

    /** The recipient, or empty for a contract creation. */
    Optional<Address> to();

    BigInteger value();

    /** Call data, or init code for a contract creation. */
    Bytes data();

    /** The EIP-2930 access list (empty for legacy transactions). */
    List<AccessListEntry> accessList();

    /** The most the sender pays per gas: the gas price, or the EIP-1559 fee cap. */
    BigInteger maxFeePerGas();

    /** The most the block producer receives per gas above the base fee: the gas price, or the EIP-1559 tip cap. */
    BigInteger maxPriorityFeePerGas();

    TransactionSignature signature();

    /** This transaction with another signature. */
    Transaction withSignature(TransactionSignature signature);

    /** The canonical encoding: the RLP list for legacy, {@code type || rlp(fields)} for typed transactions. */
    byte[] encode();

    /** The bytes the sender signs (their hash is the signing hash). */
    byte[] signingPayload();

    /**
     * What the sender pays per gas in a block with this base fee: the gas price for legacy and EIP-2930
     * transactions, {@code min(maxFeePerGas, baseFee + maxPriorityFeePerGas)} for EIP-1559 and EIP-4844 ones. Whether
     * the transaction can pay the base fee at all is execution's check.
     */
    default BigInteger effectiveGasPrice(BigInteger baseFeePerGas) {
        if (type() == TransactionType.LEGACY || type() == TransactionType.ACCESS_LIST)
            return maxFeePerGas();
        return maxFeePerGas().min(baseFeePerGas.add(maxPriorityFeePerGas()));
    }

    /** What the block producer receives per gas above the base fee (negative when the fee cap is below it). */
    default BigInteger effectivePriorityFee(BigInteger baseFeePerGas) {
        return effectiveGasPrice(baseFeePerGas).subtract(baseFeePerGas);
    }

    default boolean isContractCreation() {
        return to().isEmpty();
    }

    /**
     * What this transaction's fields determine and is kept once derived (its encoding and hash); not part of its
     * value.
     */
    TransactionMemo memo();

    /** The transaction hash: the chain's hash of {@link #encode()}, computed once per suite. */
    default Bytes32 hash(CryptoSuite suite) {
        return memo().hash(suite, this::encode);
    }

    default Bytes32 signingHash(CryptoSuite suite) {
        return Bytes32.wrap(suite.hash(signingPayload()));
    }

    /** Signs this transaction's fields with {@code key}, replacing any signature it had. */
    default Transaction sign(KeyPair key, CryptoSuite suite) {
        return withSignature(TransactionSignature.of(suite.sign(signingHash(suite).toArray(), key)));
    }

    /** The sender {@link #sender} recovered from this object before with {@code suite}, if it did. */
    default Optional<Address> recoveredSender(CryptoSuite suite) {
        return Optional.ofNullable(memo().sender(suite));
    }

    /**
     * The sender's address, recovered from the signature (once per object and suite: later calls get the same). This does not apply the fork's range rules; run
     * {@link TransactionValidator} first for transactions from outside.
     *
     * @throws InvalidTransactionException with {@link InvalidTransactionException.Reason#SENDER_RECOVERY_FAILED}
     */
    default Address sender(CryptoSuite suite) {
        Address known = memo().sender(suite);
        if (known != null)
            return known;
        try {
            Address sender = suite.recoverAddress(signingHash(suite).toArray(),
                    TransactionSignatures.forRecovery(signature()));
            // the fields and the signature fix the sender, so one recovery serves every later asker of this object
            memo().recovered(suite, sender);
            return sender;
        } catch (InvalidSignatureException | IllegalArgumentException e) {
            throw new InvalidTransactionException(InvalidTransactionException.Reason.SENDER_RECOVERY_FAILED,
                    "cannot recover the sender: " + e.getMessage(), e);
        }
    }

    /** The sender's public key, recovered from the signature; see {@link #sender}. */
    default PublicKey senderPublicKey(CryptoSuite suite) {
        try {
            return suite.recover(signingHash(suite).toArray(), TransactionSignatures.forRecovery(signature()));
        } catch (InvalidSignatureException | IllegalArgumentException e) {
            throw new InvalidTransactionException(InvalidTransactionException.Reason.SENDER_RECOVERY_FAILED,
                    "cannot recover the sender: " + e.getMessage(), e);
        }
    }
}
