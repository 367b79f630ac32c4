package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.rlp.RlpWriter;

/**
 * EIP-2930, type 1:
 * {@code 0x01 || rlp([chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, yParity, r, s])}.
 */
public record AccessListTransaction(BigInteger chainIdValue, long nonce, BigInteger gasPrice, long gasLimit,
        Optional<Address> to, BigInteger value, Bytes data, List<AccessListEntry> accessList,
        TransactionSignature signature,
        TransactionMemo memo) implements Transaction {

    /** A transaction with nothing derived yet: its encoding and hash are computed when first asked for. */
    public AccessListTransaction(BigInteger chainIdValue, long nonce, BigInteger gasPrice, long gasLimit,
            Optional<Address> to, BigInteger value, Bytes data, List<AccessListEntry> accessList,
            TransactionSignature signature) {
        this(chainIdValue, nonce, gasPrice, gasLimit, to, value, data, accessList, signature, new TransactionMemo());
    }

    public AccessListTransaction {
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(chainIdValue, "chainId");
        Objects.requireNonNull(gasPrice, "gasPrice");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        accessList = List.copyOf(accessList);
        TransactionFields.requireUInt256(chainIdValue, "chainId");
        TransactionFields.requireUInt256(gasPrice, "gasPrice");
        TransactionFields.requireUInt256(value, "value");
    }

    @Override
    public TransactionType type() {
        return TransactionType.ACCESS_LIST;
    }

    @Override
    public Optional<BigInteger> chainId() {
        return Optional.of(chainIdValue);
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
    public AccessListTransaction withSignature(TransactionSignature newSignature) {
        return new AccessListTransaction(chainIdValue, nonce, gasPrice, gasLimit, to, value, data, accessList,
                newSignature);
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
        w.writeBigInteger(chainIdValue).writeUnsignedLong(nonce).writeBigInteger(gasPrice).writeUnsignedLong(gasLimit);
        TxRlp.writeTo(w, to);
        w.writeBigInteger(value).writeBytes(data);
        TxRlp.writeAccessList(w, accessList);
    }
}
