package org.stele.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stele.chain.tx.TransactionType;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * A transaction receipt in its consensus form, {@code rlp([status, cumulativeGasUsed, logsBloom, logs])}, prefixed
 * with the transaction's type byte for typed transactions (EIP-2718). Only the post-Byzantium status form exists
 * here; Stele chains start after Byzantium, so the pre-Byzantium intermediate state root never appears.
 */
public record Receipt(TransactionType type, boolean success, long cumulativeGasUsed, LogsBloom bloom,
        List<Log> logs) {

    public Receipt {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bloom, "bloom");
        logs = List.copyOf(logs);
        if (!type.isSupported())
            throw new IllegalArgumentException(type + " receipts are not supported");
        if (cumulativeGasUsed < 0)
            throw new IllegalArgumentException("cumulative gas used must not be negative");
    }

    /** A receipt whose bloom is computed from its logs. */
    public static Receipt of(TransactionType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
        return new Receipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), logs);
    }

    /** Whether the stored bloom is the one the logs produce (a decoded receipt's bloom is taken as given). */
    public boolean bloomMatchesLogs() {
        return bloom.equals(LogsBloom.of(logs));
    }

    /** The consensus encoding: what the receipts trie stores and what is hashed. */
    public byte[] encode() {
        RlpWriter w = new RlpWriter(300 + 100 * logs.size());
        if (type != TransactionType.LEGACY)
            w.writeRaw(new byte[]{(byte) type.typeByte()});
        w.startList().writeLong(success ? 1 : 0).writeLong(cumulativeGasUsed).writeBytes(bloom.unsafeArray())
                .startList();
        for (Log log : logs)
            log.writeTo(w);
        w.endList().endList();
        return w.toByteArray();
    }

    /**
     * Decodes a receipt from its consensus encoding.
     *
     * @throws RlpException for malformed encodings, an unknown or unsupported type, or a status other than 0 or 1
     */
    public static Receipt decode(byte[] encoded) {
        if (encoded.length == 0)
            throw new RlpException("empty receipt", 0);
        int first = encoded[0] & 0xff;
        TransactionType type;
        RlpReader r;
        if (first >= 0xc0) {
            type = TransactionType.LEGACY;
            r = RlpReader.of(encoded);
        } else {
            type = switch (first) {
                case 0x01 -> TransactionType.ACCESS_LIST;
                case 0x02 -> TransactionType.FEE_MARKET;
                case 0x03 -> TransactionType.BLOB;
                default -> throw new RlpException("unsupported receipt type 0x" + Integer.toHexString(first), 0);
            };
            r = RlpReader.of(java.util.Arrays.copyOfRange(encoded, 1, encoded.length));
        }
        RlpReader l = r.readList();
        r.requireEnd();
        int at = l.position();
        byte[] status = l.readBytes();
        boolean success;
        if (status.length == 0)
            success = false;
        else if (status.length == 1 && status[0] == 1)
            success = true;
        else
            throw new RlpException("receipt status must be 0 or 1 (pre-Byzantium state roots are not supported)", at);
        long cumulative = l.readLong();
        at = l.position();
        byte[] bloom = l.readBytes();
        if (bloom.length != LogsBloom.SIZE)
            throw new RlpException("receipt bloom must be 256 bytes, got " + bloom.length, at);
        RlpReader logList = l.readList();
        List<Log> logs = new ArrayList<>();
        while (logList.hasNext())
            logs.add(Log.readFrom(logList));
        l.requireEnd();
        return new Receipt(type, success, cumulative, LogsBloom.wrap(bloom), logs);
    }

    /**
     * Writes this receipt as the eth wire protocol lists receipts: a legacy receipt as its RLP list, a typed one as an
     * RLP string holding its envelope (the same convention as transactions in a block body).
     */
    public void writeToList(RlpWriter w) {
        byte[] encoded = encode();
        if (type == TransactionType.LEGACY)
            w.writeRaw(encoded);
        else
            w.writeBytes(encoded);
    }

    /** Reads one receipt written by {@link #writeToList}. */
    public static Receipt readFromList(RlpReader r) {
        if (r.nextIsList())
            return decode(r.readRaw());
        int at = r.position();
        byte[] envelope = r.readBytes();
        if (envelope.length > 0 && (envelope[0] & 0xff) >= 0xc0)
            throw new RlpException("a legacy receipt must not be wrapped in an RLP string", at);
        return decode(envelope);
    }

    /** The receipts root of a block. */
    public static org.stele.common.Bytes32 root(List<Receipt> receipts, RootCalculator roots) {
        return roots.root(receipts.stream().map(Receipt::encode).toList());
    }

    /** The block's bloom: the union of its receipts' blooms. */
    public static LogsBloom blockBloom(List<Receipt> receipts) {
        return LogsBloom.union(receipts.stream().map(Receipt::bloom).toList());
    }
}
