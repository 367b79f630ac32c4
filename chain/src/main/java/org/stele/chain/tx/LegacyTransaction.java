package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.rlp.RlpWriter;

/**
 * A pre-EIP-2718 transaction: {@code rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])}. With a chain id
 * (EIP-155) {@code v = chainId * 2 + 35 + yParity} and the signature covers the chain id; without one
 * {@code v = 27 + yParity}, and the transaction can be replayed on any chain.
 */
public record LegacyTransaction(long nonce, BigInteger gasPrice, long gasLimit, Optional<Address> to,
        BigInteger value, Bytes data, Optional<BigInteger> chainId, TransactionSignature signature,
        TransactionMemo memo)
        implements
            Transaction {
    /** The largest chain id whose EIP-155 {@code v} still fits the 256 bits a scalar may have. */
    public static final BigInteger MAX_CHAIN_ID = TransactionFields.TWO_POW_256.subtract(BigInteger.valueOf(37))
            .shiftRight(1);

    /** A transaction with nothing derived yet: its encoding and hash are computed when first asked for. */
    public LegacyTransaction(long nonce, BigInteger gasPrice, long gasLimit, Optional<Address> to, BigInteger value,
            Bytes data, Optional<BigInteger> chainId, TransactionSignature signature) {
        this(nonce, gasPrice, gasLimit, to, value, data, chainId, signature, new TransactionMemo());
    }

    public LegacyTransaction {
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(gasPrice, "gasPrice");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(signature, "signature");
        TransactionFields.requireUInt256(gasPrice, "gasPrice");
        TransactionFields.requireUInt256(value, "value");
        chainId.ifPresent(id -> {
            if (id.signum() < 0 || id.compareTo(MAX_CHAIN_ID) > 0)
                throw new IllegalArgumentException("chain id must leave v = chainId * 2 + 36 within 256 bits: " + id);
        });
    }

    /** The {@code v} value as encoded. */
    public BigInteger v() {
        BigInteger parity = BigInteger.valueOf(signature.yParity());
        return chainId.map(id -> id.shiftLeft(1).add(BigInteger.valueOf(35)).add(parity))
                .orElse(BigInteger.valueOf(27).add(parity));
    }

    @Override
    public TransactionType type() {
        return TransactionType.LEGACY;
    }

    @Override
    public List<AccessListEntry> accessList() {
        return List.of();
    }

    @Override
    public BigInteger maxFeePerGas() {
        return gasPrice;
    }

    @Override
    public BigInteger maxPriorityFeePerGas() {
        return gasPrice;
    }

    @Override
    public LegacyTransaction withSignature(TransactionSignature newSignature) {
        return new LegacyTransaction(nonce, gasPrice, gasLimit, to, value, data, chainId, newSignature);
    }

    @Override
    public byte[] encode() {
        return memo.encoding(this::freshEncoding).clone();
    }

    private byte[] freshEncoding() {
        RlpWriter w = new RlpWriter(128 + data.size());
        w.startList();
        writeFields(w);
        w.writeBigInteger(v()).writeBigInteger(signature.r()).writeBigInteger(signature.s());
        return w.endList().toByteArray();
    }

    @Override
    public byte[] signingPayload() {
        byte[] cut = memo.signingPayload(-1, chainId.isPresent()
                ? new RlpWriter(40).writeBigInteger(chainId.get()).writeLong(0).writeLong(0).toByteArray()
                : TxRlp.NO_SUFFIX);
        if (cut != null)
            return cut;
        RlpWriter w = new RlpWriter(128 + data.size());
        w.startList();
        writeFields(w);
        if (chainId.isPresent())
            w.writeBigInteger(chainId.get()).writeLong(0).writeLong(0);
        return w.endList().toByteArray();
    }

    private void writeFields(RlpWriter w) {
        w.writeUnsignedLong(nonce).writeBigInteger(gasPrice).writeUnsignedLong(gasLimit);
        TxRlp.writeTo(w, to);
        w.writeBigInteger(value).writeBytes(data);
    }
}
