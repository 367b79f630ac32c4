package org.stele.chain.tx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.chain.tx.InvalidTransactionException.Reason;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/** Field-level RLP shared by the transaction types; decoding errors name the field they are about. */
final class TxRlp {
    /** Nothing after the unsigned fields: a typed transaction's signing payload ends with them. */
    static final byte[] NO_SUFFIX = new byte[0];

    private TxRlp() {
    }

    static void writeTo(RlpWriter w, Optional<Address> to) {
        if (to.isPresent())
            w.writeBytes(to.get());
        else
            w.writeBytes(new byte[0]);
    }

    static void writeAccessList(RlpWriter w, List<AccessListEntry> list) {
        w.startList();
        for (AccessListEntry e : list) {
            w.startList().writeBytes(e.address()).startList();
            for (Bytes32 k : e.storageKeys())
                w.writeBytes(k);
            w.endList().endList();
        }
        w.endList();
    }

    /**
     * A typed transaction's bytes, {@code type || rlp([fields..., yParity, r, s])}, or without the signature (its
     * signing payload) when {@code signature} is null.
     */
    static byte[] typed(TransactionType type, int dataSize, java.util.function.Consumer<RlpWriter> fields,
            TransactionSignature signature) {
        RlpWriter w = new RlpWriter(160 + dataSize);
        w.startList();
        fields.accept(w);
        if (signature != null)
            w.writeLong(signature.yParity()).writeBigInteger(signature.r()).writeBigInteger(signature.s());
        return typed(type, w.endList());
    }

    static byte[] typed(TransactionType type, RlpWriter payload) {
        byte[] body = payload.toByteArray();
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) type.typeByte();
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    static long readUnsigned64(RlpReader r, String field) {
        byte[] b = scalar(r, field, 8);
        long v = 0;
        for (byte x : b)
            v = (v << 8) | (x & 0xff);
        return v;
    }

    static BigInteger readUInt256(RlpReader r, String field) {
        return new BigInteger(1, scalar(r, field, 32));
    }

    static int readYParity(RlpReader r) {
        byte[] b = scalar(r, "yParity", 32);
        if (b.length > 1 || (b.length == 1 && b[0] != 1))
            throw new InvalidTransactionException(Reason.INVALID_SIGNATURE,
                    "signature y parity must be 0 or 1, got 0x" + new BigInteger(1, b).toString(16));
        return b.length;
    }

    static Bytes readData(RlpReader r) {
        try {
            return r.readBytesValue();
        } catch (RlpException e) {
            throw malformed("data", e);
        }
    }

    static Optional<Address> readTo(RlpReader r) {
        byte[] b;
        try {
            b = r.readBytes();
        } catch (RlpException e) {
            throw malformed("to", e);
        }
        if (b.length == 0)
            return Optional.empty();
        if (b.length != Address.SIZE)
            throw new InvalidTransactionException(Reason.MALFORMED,
                    "field 'to' must be empty or 20 bytes, got " + b.length);
        return Optional.of(Address.wrap(b));
    }

    static List<AccessListEntry> readAccessList(RlpReader r) {
        try {
            RlpReader list = r.readList();
            List<AccessListEntry> out = new ArrayList<>();
            while (list.hasNext()) {
                RlpReader entry = list.readList();
                byte[] address = entry.readBytes();
                if (address.length != Address.SIZE)
                    throw new InvalidTransactionException(Reason.MALFORMED,
                            "access list address must be 20 bytes, got " + address.length);
                RlpReader keys = entry.readList();
                List<Bytes32> storageKeys = new ArrayList<>();
                while (keys.hasNext()) {
                    byte[] key = keys.readBytes();
                    if (key.length != Bytes32.SIZE)
                        throw new InvalidTransactionException(Reason.MALFORMED,
                                "access list storage key must be 32 bytes, got " + key.length);
                    storageKeys.add(Bytes32.wrap(key));
                }
                entry.requireEnd();
                out.add(new AccessListEntry(Address.wrap(address), storageKeys));
            }
            return out;
        } catch (RlpException e) {
            throw malformed("accessList", e);
        }
    }

    private static byte[] scalar(RlpReader r, String field, int maxBytes) {
        byte[] b;
        try {
            b = r.readBytes();
        } catch (RlpException e) {
            throw malformed(field, e);
        }
        if (b.length > 0 && b[0] == 0)
            throw new InvalidTransactionException(Reason.MALFORMED, "field '" + field + "' has leading zero bytes");
        if (b.length > maxBytes)
            throw new InvalidTransactionException(Reason.MALFORMED,
                    "field '" + field + "' is " + b.length + " bytes; at most " + maxBytes + " allowed");
        return b;
    }

    static InvalidTransactionException malformed(String field, RlpException e) {
        return new InvalidTransactionException(Reason.MALFORMED, "field '" + field + "': " + e.getMessage(), e);
    }
}
