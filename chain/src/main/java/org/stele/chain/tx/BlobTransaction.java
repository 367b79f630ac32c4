package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;

/**
 * EIP-4844, type 3, as a block body carries it: {@code 0x03 || rlp([chainId, nonce, maxPriorityFeePerGas,
 * maxFeePerGas, gasLimit, to, value, data, accessList, maxFeePerBlobGas, blobVersionedHashes, yParity, r, s])}. The
 * blobs themselves travel beside a block, never in it; Stele imports such blocks but its pool takes no blob
 * transactions ({@link TransactionDecoder#decode} still refuses them). An absent {@code to} decodes so that execution
 * can name the rule it breaks.
 */
public record BlobTransaction(BigInteger chainIdValue, long nonce, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas, long gasLimit, Optional<Address> to, BigInteger value, Bytes data,
        List<AccessListEntry> accessList, BigInteger maxFeePerBlobGas, List<Bytes32> blobVersionedHashes,
        TransactionSignature signature,
        TransactionMemo memo) implements Transaction {

    /** A transaction with nothing derived yet: its encoding and hash are computed when first asked for. */
    public BlobTransaction(BigInteger chainIdValue, long nonce, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, long gasLimit, Optional<Address> to, BigInteger value, Bytes data,
            List<AccessListEntry> accessList, BigInteger maxFeePerBlobGas, List<Bytes32> blobVersionedHashes,
            TransactionSignature signature) {
        this(chainIdValue, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList,
                maxFeePerBlobGas, blobVersionedHashes, signature, new TransactionMemo());
    }

    public BlobTransaction {
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(chainIdValue, "chainId");
        Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
        Objects.requireNonNull(signature, "signature");
        accessList = List.copyOf(accessList);
        blobVersionedHashes = List.copyOf(blobVersionedHashes);
        TransactionFields.requireUInt256(chainIdValue, "chainId");
        TransactionFields.requireUInt256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        TransactionFields.requireUInt256(maxFeePerGas, "maxFeePerGas");
        TransactionFields.requireUInt256(value, "value");
        TransactionFields.requireUInt256(maxFeePerBlobGas, "maxFeePerBlobGas");
    }

    @Override
    public TransactionType type() {
        return TransactionType.BLOB;
    }

    @Override
    public Optional<BigInteger> chainId() {
        return Optional.of(chainIdValue);
    }

    @Override
    public BlobTransaction withSignature(TransactionSignature newSignature) {
        return new BlobTransaction(chainIdValue, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
                accessList, maxFeePerBlobGas, blobVersionedHashes, newSignature);
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
        w.writeBigInteger(maxFeePerBlobGas).startList();
        for (Bytes32 h : blobVersionedHashes)
            w.writeBytes(h);
        w.endList();
    }
}
