package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.rlp.RlpWriter;

/**
 * EIP-1559, type 2: {@code 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
 * data, accessList, yParity, r, s])}.
 */
public record FeeMarketTransaction(BigInteger chainIdValue, long nonce, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas, long gasLimit, Optional<Address> to, BigInteger value, Bytes data,
        List<AccessListEntry> accessList, TransactionSignature signature,
        TransactionMemo memo) implements Transaction {

    /** A transaction with nothing derived yet: its encoding and hash are computed when first asked for. */
    public FeeMarketTransaction(BigInteger chainIdValue, long nonce, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, long gasLimit, Optional<Address> to, BigInteger value, Bytes data,
            List<AccessListEntry> accessList, TransactionSignature signature) {
        this(chainIdValue, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, signature,
                new TransactionMemo());
    }

    public FeeMarketTransaction {
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(chainIdValue, "chainId");
        Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        accessList = List.copyOf(accessList);
        TransactionFields.requireUInt256(chainIdValue, "chainId");
        TransactionFields.requireUInt256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        TransactionFields.requireUInt256(maxFeePerGas, "maxFeePerGas");
        TransactionFields.requireUInt256(value, "value");
    }

    @Override
    public TransactionType type() {
        return TransactionType.FEE_MARKET;
    }

    @Override
    public Optional<BigInteger> chainId() {
        return Optional.of(chainIdValue);
    }

    @Override
    public FeeMarketTransaction withSignature(TransactionSignature newSignature) {
        return new FeeMarketTransaction(chainIdValue, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
                data, accessList, newSignature);
    }

    @Override
    public byte[] encode() {
        return memo.encoding(this::freshEncoding).clone();
    }

    private byte[] freshEncoding() {
        return TxRlp.typed(type(), data.size(), this::writeFields, signature);
    }

    @Override
    public byte[] signingPayload() {
        byte[] cut = memo.signingPayload(type().typeByte(), TxRlp.NO_SUFFIX);
        return cut != null ? cut : TxRlp.typed(type(), data.size(), this::writeFields, null);
    }

    private void writeFields(RlpWriter w) {
        w.writeBigInteger(chainIdValue).writeUnsignedLong(nonce).writeBigInteger(maxPriorityFeePerGas)
                .writeBigInteger(maxFeePerGas).writeUnsignedLong(gasLimit);
        TxRlp.writeTo(w, to);
        w.writeBigInteger(value).writeBytes(data);
        TxRlp.writeAccessList(w, accessList);
    }
}
