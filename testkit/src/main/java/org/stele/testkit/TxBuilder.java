package org.stele.testkit;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.AccessListTransaction;
import org.stele.chain.tx.BlobTransaction;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.LegacyTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;

/**
 * Transactions of every type, unsigned or signed, with defaults a test overrides only where it matters: chain id 1,
 * nonce 0, gas price and priority fee 1 wei, fee cap 10 wei, 21,000 gas, a transfer of nothing to
 * {@link TestAccounts#BOB}, no data, an empty access list. A legacy transaction carries no chain id (pre-EIP-155)
 * until one is set.
 */
public final class TxBuilder {
    /** The types a builder makes (EIP-7702 set-code transactions are only ever refused, so none is built). */
    private enum Type {
        LEGACY, ACCESS_LIST, FEE_MARKET, BLOB
    }

    private final Type type;
    private Optional<BigInteger> chainId;
    private long nonce;
    private BigInteger gasPrice = BigInteger.ONE;
    private BigInteger maxPriorityFee = BigInteger.ONE;
    private BigInteger maxFee = BigInteger.TEN;
    private long gasLimit = 21_000;
    private Optional<Address> to = Optional.of(TestAccounts.BOB);
    private BigInteger value = BigInteger.ZERO;
    private Bytes data = Bytes.EMPTY;
    private List<AccessListEntry> accessList = List.of();
    private BigInteger maxFeePerBlobGas = BigInteger.ONE;
    private List<Bytes32> blobVersionedHashes = List.of(Bytes32.fromHex(
            "0x0100000000000000000000000000000000000000000000000000000000000001"));

    private TxBuilder(Type type, Optional<BigInteger> chainId) {
        this.type = type;
        this.chainId = chainId;
    }

    /** A legacy transaction without a chain id (pre-EIP-155). */
    public static TxBuilder legacy() {
        return new TxBuilder(Type.LEGACY, Optional.empty());
    }

    /** An EIP-2930 transaction. */
    public static TxBuilder accessList() {
        return new TxBuilder(Type.ACCESS_LIST, Optional.of(BigInteger.ONE));
    }

    /** An EIP-1559 transaction. */
    public static TxBuilder feeMarket() {
        return new TxBuilder(Type.FEE_MARKET, Optional.of(BigInteger.ONE));
    }

    /** An EIP-4844 transaction carrying one versioned hash. */
    public static TxBuilder blob() {
        return new TxBuilder(Type.BLOB, Optional.of(BigInteger.ONE));
    }

    /** The chain id; on a legacy transaction, EIP-155 replay protection. */
    public TxBuilder chainId(long id) {
        return chainId(BigInteger.valueOf(id));
    }

    public TxBuilder chainId(BigInteger id) {
        chainId = Optional.of(id);
        return this;
    }

    /** On a legacy transaction: with or without EIP-155 replay protection. */
    public TxBuilder chainId(Optional<BigInteger> id) {
        chainId = id;
        return this;
    }

    public TxBuilder nonce(long n) {
        nonce = n;
        return this;
    }

    /** The gas price of a legacy or EIP-2930 transaction. */
    public TxBuilder gasPrice(BigInteger wei) {
        gasPrice = wei;
        return this;
    }

    public TxBuilder gasPrice(long wei) {
        return gasPrice(BigInteger.valueOf(wei));
    }

    /** The fee cap and the priority fee of an EIP-1559 or blob transaction. */
    public TxBuilder fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
        maxFee = maxFeePerGas;
        maxPriorityFee = maxPriorityFeePerGas;
        return this;
    }

    public TxBuilder fees(long maxFeePerGas, long maxPriorityFeePerGas) {
        return fees(BigInteger.valueOf(maxFeePerGas), BigInteger.valueOf(maxPriorityFeePerGas));
    }

    public TxBuilder gasLimit(long gas) {
        gasLimit = gas;
        return this;
    }

    public TxBuilder to(Address recipient) {
        return to(Optional.of(recipient));
    }

    /** The recipient; empty for a contract creation. */
    public TxBuilder to(Optional<Address> recipient) {
        to = recipient;
        return this;
    }

    /** A contract creation: no recipient. */
    public TxBuilder creation() {
        return to(Optional.empty());
    }

    public TxBuilder value(BigInteger wei) {
        value = wei;
        return this;
    }

    public TxBuilder value(long wei) {
        return value(BigInteger.valueOf(wei));
    }

    public TxBuilder data(Bytes input) {
        data = input;
        return this;
    }

    public TxBuilder accessList(List<AccessListEntry> entries) {
        accessList = List.copyOf(entries);
        return this;
    }

    public TxBuilder blobs(BigInteger maxFeePerBlobGasWei, List<Bytes32> versionedHashes) {
        maxFeePerBlobGas = maxFeePerBlobGasWei;
        blobVersionedHashes = List.copyOf(versionedHashes);
        return this;
    }

    /** The transaction, unsigned. */
    public Transaction unsigned() {
        return with(TransactionSignature.UNSIGNED);
    }

    /** The transaction signed by {@code key} (secp256k1). */
    public Transaction signedBy(KeyPair key) {
        return unsigned().sign(key, TestKeys.SUITE);
    }

    /** The transaction with this signature as it stands, valid or not. */
    public Transaction with(TransactionSignature signature) {
        return switch (type) {
            case LEGACY -> new LegacyTransaction(nonce, gasPrice, gasLimit, to, value, data, chainId, signature);
            case ACCESS_LIST -> new AccessListTransaction(chainId.orElseThrow(), nonce, gasPrice, gasLimit, to, value,
                    data, accessList, signature);
            case FEE_MARKET -> new FeeMarketTransaction(chainId.orElseThrow(), nonce, maxPriorityFee, maxFee, gasLimit,
                    to, value, data, accessList, signature);
            case BLOB -> new BlobTransaction(chainId.orElseThrow(), nonce, maxPriorityFee, maxFee, gasLimit, to, value,
                    data, accessList, maxFeePerBlobGas, blobVersionedHashes, signature);
        };
    }
}
