package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.stele.chain.tx.InvalidTransactionException.Reason;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * Decodes transactions strictly: canonical RLP only, exact field counts, no trailing bytes, scalars within their
 * widths, and a size limit checked before any parsing. Every failure is an {@link InvalidTransactionException};
 * nothing else escapes, whatever the input.
 */
public final class TransactionDecoder {
    /**
     * Default largest encoded transaction accepted: room for calldata far beyond geth's 128 KiB pool limit, while a
     * hostile peer still cannot make a node buffer more than this per transaction.
     */
    public static final int DEFAULT_MAX_SIZE = 1024 * 1024;

    private static final BigInteger V27 = BigInteger.valueOf(27);
    private static final BigInteger V28 = BigInteger.valueOf(28);
    private static final BigInteger V35 = BigInteger.valueOf(35);

    private TransactionDecoder() {
    }

    /** Decodes one transaction in its canonical (EIP-2718 envelope) form, as {@code eth_sendRawTransaction} takes. */
    public static Transaction decode(byte[] encoded) {
        return decode(encoded, DEFAULT_MAX_SIZE);
    }

    /**
     * Decodes as {@link #decode(byte[])} a transaction whose hash the caller has already computed from these very
     * bytes: {@code hash} must be {@code suite.hash(encoded)}. The transaction keeps it, so nothing hashes the bytes
     * again (the P2P transport hashes every gossiped transaction to drop the ones a peer sent before).
     */
    public static Transaction decodeHashed(byte[] encoded, CryptoSuite suite, Bytes32 hash) {
        Transaction tx = decode(encoded);
        tx.memo().knownHash(suite, hash);
        return tx;
    }

    public static Transaction decode(byte[] encoded, int maxSize) {
        if (encoded.length > maxSize)
            throw new InvalidTransactionException(Reason.TOO_LARGE,
                    "transaction of " + encoded.length + " bytes exceeds the limit of " + maxSize);
        if (encoded.length == 0)
            throw new InvalidTransactionException(Reason.MALFORMED, "empty transaction");
        int first = encoded[0] & 0xff;
        if (first >= 0xc0)
            return decodeLegacy(encoded);
        if (first >= 0x80)
            throw new InvalidTransactionException(Reason.MALFORMED,
                    "a transaction is an RLP list or a type byte below 0x80, found 0x" + Integer.toHexString(first));
        return decodeTyped(first, encoded);
    }

    /**
     * Reads a transaction as it sits in a block body: a legacy transaction is an RLP list, a typed one is an RLP
     * string holding its envelope.
     */
    public static Transaction readFromBlockBody(RlpReader r) {
        try {
            if (r.nextIsList())
                return decodeLegacy(r.readRaw());
            byte[] envelope = r.readBytes();
            if (envelope.length > 0 && (envelope[0] & 0xff) >= 0xc0)
                throw new InvalidTransactionException(Reason.MALFORMED,
                        "a legacy transaction in a block body must not be wrapped in an RLP string");
            // a block carries a blob transaction without its blobs; the pool's path (decode) still refuses them
            if (envelope.length > 0 && envelope[0] == TransactionType.BLOB.typeByte())
                return decodeBlob(payload(envelope, 1), envelope);
            return decode(envelope, Integer.MAX_VALUE);
        } catch (RlpException e) {
            throw TxRlp.malformed("transaction", e);
        }
    }

    /** Writes a transaction as a block body holds it (typed envelopes wrapped in an RLP string). */
    public static void writeToBlockBody(RlpWriter w, Transaction tx) {
        byte[] encoded = tx.encode();
        if (tx instanceof LegacyTransaction)
            w.writeRaw(encoded);
        else
            w.writeBytes(encoded);
    }

    private static Transaction decodeTyped(int type, byte[] encoded) {
        RlpReader fields = payload(encoded, 1);
        return switch (type) {
            case 0x01 -> decodeAccessList(fields, encoded);
            case 0x02 -> decodeFeeMarket(fields, encoded);
            case 0x03 -> throw new InvalidTransactionException(Reason.BLOB_NOT_SUPPORTED,
                    "blob transactions (EIP-4844, type 3) are not supported");
            case 0x04 -> throw new InvalidTransactionException(Reason.SET_CODE_NOT_SUPPORTED,
                    "set-code transactions (EIP-7702, type 4) are not supported");
            default -> throw new InvalidTransactionException(Reason.UNKNOWN_TYPE,
                    "unknown transaction type 0x" + String.format("%02x", type));
        };
    }

    /**
     * The fields of the single RLP list that must make up {@code encoded} from {@code offset} on; the reader's positions
     * are positions in {@code encoded}.
     */
    private static RlpReader payload(byte[] encoded, int offset) {
        try {
            if (encoded.length == offset)
                throw new InvalidTransactionException(Reason.MALFORMED, "typed transaction has no payload");
            return RlpReader.list(encoded, offset, encoded.length);
        } catch (RlpException e) {
            throw new InvalidTransactionException(Reason.MALFORMED, "malformed transaction RLP: " + e.getMessage(), e);
        }
    }

    private static LegacyTransaction decodeLegacy(byte[] encoded) {
        RlpReader f = payload(encoded, 0);
        int fieldsFrom = f.position();
        long nonce = TxRlp.readUnsigned64(need(f, "nonce"), "nonce");
        BigInteger gasPrice = TxRlp.readUInt256(need(f, "gasPrice"), "gasPrice");
        long gasLimit = TxRlp.readUnsigned64(need(f, "gasLimit"), "gasLimit");
        Optional<Address> to = TxRlp.readTo(need(f, "to"));
        BigInteger value = TxRlp.readUInt256(need(f, "value"), "value");
        Bytes data = TxRlp.readData(need(f, "data"));
        int fieldsTo = f.position();
        BigInteger v = TxRlp.readUInt256(need(f, "v"), "v");
        BigInteger r = TxRlp.readUInt256(need(f, "r"), "r");
        BigInteger s = TxRlp.readUInt256(need(f, "s"), "s");
        requireNoMoreFields(f, 9);
        Optional<BigInteger> chainId;
        int parity;
        if (v.equals(V27) || v.equals(V28)) {
            chainId = Optional.empty();
            parity = v.intValue() - 27;
        } else if (v.compareTo(V35) >= 0) {
            BigInteger[] qr = v.subtract(V35).divideAndRemainder(BigInteger.TWO);
            chainId = Optional.of(qr[0]);
            parity = qr[1].intValue();
        } else {
            throw new InvalidTransactionException(Reason.INVALID_SIGNATURE,
                    "legacy v must be 27, 28 or chainId * 2 + 35 or 36 (EIP-155), got " + v);
        }
        return new LegacyTransaction(nonce, gasPrice, gasLimit, to, value, data, chainId,
                new TransactionSignature(parity, r, s), TransactionMemo.of(encoded, fieldsFrom, fieldsTo));
    }

    private static AccessListTransaction decodeAccessList(RlpReader f, byte[] encoded) {
        int fieldsFrom = f.position();
        BigInteger chainId = TxRlp.readUInt256(need(f, "chainId"), "chainId");
        long nonce = TxRlp.readUnsigned64(need(f, "nonce"), "nonce");
        BigInteger gasPrice = TxRlp.readUInt256(need(f, "gasPrice"), "gasPrice");
        long gasLimit = TxRlp.readUnsigned64(need(f, "gasLimit"), "gasLimit");
        Optional<Address> to = TxRlp.readTo(need(f, "to"));
        BigInteger value = TxRlp.readUInt256(need(f, "value"), "value");
        Bytes data = TxRlp.readData(need(f, "data"));
        List<AccessListEntry> accessList = TxRlp.readAccessList(need(f, "accessList"));
        int fieldsTo = f.position();
        TransactionSignature sig = readTypedSignature(f);
        requireNoMoreFields(f, 11);
        return new AccessListTransaction(chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, sig,
                TransactionMemo.of(encoded, fieldsFrom, fieldsTo));
    }

    private static FeeMarketTransaction decodeFeeMarket(RlpReader f, byte[] encoded) {
        int fieldsFrom = f.position();
        BigInteger chainId = TxRlp.readUInt256(need(f, "chainId"), "chainId");
        long nonce = TxRlp.readUnsigned64(need(f, "nonce"), "nonce");
        BigInteger tip = TxRlp.readUInt256(need(f, "maxPriorityFeePerGas"), "maxPriorityFeePerGas");
        BigInteger cap = TxRlp.readUInt256(need(f, "maxFeePerGas"), "maxFeePerGas");
        long gasLimit = TxRlp.readUnsigned64(need(f, "gasLimit"), "gasLimit");
        Optional<Address> to = TxRlp.readTo(need(f, "to"));
        BigInteger value = TxRlp.readUInt256(need(f, "value"), "value");
        Bytes data = TxRlp.readData(need(f, "data"));
        List<AccessListEntry> accessList = TxRlp.readAccessList(need(f, "accessList"));
        int fieldsTo = f.position();
        TransactionSignature sig = readTypedSignature(f);
        requireNoMoreFields(f, 12);
        return new FeeMarketTransaction(chainId, nonce, tip, cap, gasLimit, to, value, data, accessList, sig,
                TransactionMemo.of(encoded, fieldsFrom, fieldsTo));
    }

    private static BlobTransaction decodeBlob(RlpReader f, byte[] encoded) {
        int fieldsFrom = f.position();
        BigInteger chainId = TxRlp.readUInt256(need(f, "chainId"), "chainId");
        long nonce = TxRlp.readUnsigned64(need(f, "nonce"), "nonce");
        BigInteger tip = TxRlp.readUInt256(need(f, "maxPriorityFeePerGas"), "maxPriorityFeePerGas");
        BigInteger cap = TxRlp.readUInt256(need(f, "maxFeePerGas"), "maxFeePerGas");
        long gasLimit = TxRlp.readUnsigned64(need(f, "gasLimit"), "gasLimit");
        Optional<Address> to = TxRlp.readTo(need(f, "to"));
        BigInteger value = TxRlp.readUInt256(need(f, "value"), "value");
        Bytes data = TxRlp.readData(need(f, "data"));
        List<AccessListEntry> accessList = TxRlp.readAccessList(need(f, "accessList"));
        BigInteger blobCap = TxRlp.readUInt256(need(f, "maxFeePerBlobGas"), "maxFeePerBlobGas");
        List<Bytes32> hashes = new java.util.ArrayList<>();
        try {
            RlpReader list = need(f, "blobVersionedHashes").readList();
            while (list.hasNext())
                hashes.add(list.readBytes32());
        } catch (RlpException e) {
            throw TxRlp.malformed("blobVersionedHashes", e);
        }
        int fieldsTo = f.position();
        TransactionSignature sig = readTypedSignature(f);
        requireNoMoreFields(f, 14);
        return new BlobTransaction(chainId, nonce, tip, cap, gasLimit, to, value, data, accessList, blobCap, hashes,
                sig, TransactionMemo.of(encoded, fieldsFrom, fieldsTo));
    }

    private static TransactionSignature readTypedSignature(RlpReader f) {
        int parity = TxRlp.readYParity(need(f, "yParity"));
        BigInteger r = TxRlp.readUInt256(need(f, "r"), "r");
        BigInteger s = TxRlp.readUInt256(need(f, "s"), "s");
        return new TransactionSignature(parity, r, s);
    }

    private static RlpReader need(RlpReader f, String field) {
        if (!f.hasNext())
            throw new InvalidTransactionException(Reason.MALFORMED, "transaction has too few fields: '" + field
                    + "' is missing");
        return f;
    }

    private static void requireNoMoreFields(RlpReader f, int expected) {
        if (f.hasNext())
            throw new InvalidTransactionException(Reason.MALFORMED,
                    "transaction has more than the " + expected + " fields of its type");
    }
}
