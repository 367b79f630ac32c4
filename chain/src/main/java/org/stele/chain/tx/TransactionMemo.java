package org.stele.chain.tx;

import java.util.Arrays;
import java.util.function.Supplier;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;

/**
 * What a transaction's fields determine but cost work to derive: its canonical encoding, its hash and its sender. A
 * transaction decoded from bytes keeps those bytes (they are its canonical encoding, the decoder being strict), and
 * where its unsigned fields lie in them, so that its signing payload is cut from them rather than encoded again; its
 * hash is computed at most once per crypto suite, however many times admission, the pool, the block builder, the
 * block store, the explorer indexes and the JSON-RPC answers ask for it, and so is its sender. It is not part of the
 * transaction's value: every memo equals every other, so two transactions with the same fields are equal whether or
 * not either was hashed.
 */
public final class TransactionMemo {
    private volatile byte[] encoding;
    private volatile Hashed hashed;
    private volatile Recovered recovered;
    /**
     * The unsigned fields' bytes in {@link #encoding}, {@code [fieldsFrom, fieldsTo)}, when the transaction was decoded
     * from it; {@code fieldsFrom} is -1 otherwise. Set before the memo is published through the transaction's final
     * field.
     */
    private int fieldsFrom = -1;
    private int fieldsTo;

    /** Keyed by the suite's name, which fixes its hash function (two instances of one suite share the hash). */
    private record Hashed(String suite, Bytes32 hash) {}

    /** A sender recovered with the suite of this name (its curve and hash fix the address). */
    private record Recovered(String suite, Address sender) {}

    TransactionMemo() {
    }

    /** A memo that already holds {@code encoding} (copied, so a caller reusing its buffer changes nothing here). */
    static TransactionMemo of(byte[] encoding) {
        TransactionMemo memo = new TransactionMemo();
        memo.encoding = Arrays.copyOf(encoding, encoding.length);
        return memo;
    }

    /**
     * A memo holding {@code encoding}, decoded strictly, whose unsigned fields (every field before the signature, each
     * in its canonical encoding) are its bytes {@code [fieldsFrom, fieldsTo)}.
     */
    static TransactionMemo of(byte[] encoding, int fieldsFrom, int fieldsTo) {
        TransactionMemo memo = of(encoding);
        memo.fieldsFrom = fieldsFrom;
        memo.fieldsTo = fieldsTo;
        return memo;
    }

    /**
     * The signing payload cut from the decoded bytes: {@code [typeByte] || rlp-list(unsigned fields || suffix)}, with
     * no type byte when {@code typeByte} is negative (legacy); null when the transaction was not decoded. It is the
     * same as encoding the fields again, since a strict decoder took each field only in its canonical encoding.
     */
    byte[] signingPayload(int typeByte, byte[] suffix) {
        if (fieldsFrom < 0)
            return null;
        int fields = fieldsTo - fieldsFrom;
        int payload = fields + suffix.length;
        int lengthBytes = payload < 56 ? 0 : 4 - Integer.numberOfLeadingZeros(payload) / 8;
        int at = typeByte < 0 ? 0 : 1;
        byte[] out = new byte[at + 1 + lengthBytes + payload];
        if (typeByte >= 0)
            out[0] = (byte) typeByte;
        if (lengthBytes == 0) {
            out[at++] = (byte) (0xc0 + payload);
        } else {
            out[at++] = (byte) (0xf7 + lengthBytes);
            for (int i = lengthBytes - 1; i >= 0; i--)
                out[at++] = (byte) (payload >>> (8 * i));
        }
        System.arraycopy(encoding, fieldsFrom, out, at, fields);
        System.arraycopy(suffix, 0, out, at + fields, suffix.length);
        return out;
    }

    /** The sender recovered before with {@code suite}, or null. */
    Address sender(CryptoSuite suite) {
        Recovered r = recovered;
        return r != null && r.suite().equals(suite.name()) ? r.sender() : null;
    }

    /** Keeps the sender {@code suite} recovered from this transaction's signature. */
    void recovered(CryptoSuite suite, Address sender) {
        recovered = new Recovered(suite.name(), sender);
    }

    /** The encoding, computed by {@code fresh} the first time; never handed out, callers get copies. */
    byte[] encoding(Supplier<byte[]> fresh) {
        byte[] e = encoding;
        if (e == null) {
            e = fresh.get();
            encoding = e;
        }
        return e;
    }

    Bytes32 hash(CryptoSuite suite, Supplier<byte[]> fresh) {
        Hashed h = hashed;
        if (h == null || !h.suite().equals(suite.name())) {
            h = new Hashed(suite.name(), Bytes32.wrap(suite.hash(encoding(fresh))));
            hashed = h;
        }
        return h.hash();
    }

    /** Keeps {@code hash}, which the caller computed with {@code suite} over the encoding, unless one is kept. */
    void knownHash(CryptoSuite suite, Bytes32 hash) {
        if (hashed == null)
            hashed = new Hashed(suite.name(), hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionMemo;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "…";
    }
}
