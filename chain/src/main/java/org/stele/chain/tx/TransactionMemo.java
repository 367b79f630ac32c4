package org.stele.chain.tx;

import java.util.Arrays;
import java.util.function.Supplier;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;

/**
 * What a transaction's fields determine but cost work to derive: its canonical encoding and its hash. A transaction
 * decoded from bytes keeps those bytes (they are its canonical encoding, the decoder being strict), and its hash is
 * computed at most once per crypto suite, however many times admission, the pool, the block builder, the block store,
 * the explorer indexes and the JSON-RPC answers ask for it. It is not part of the transaction's value: every memo
 * equals every other, so two transactions with the same fields are equal whether or not either was hashed.
 */
public final class TransactionMemo {
    private volatile byte[] encoding;
    private volatile Hashed hashed;

    /** Keyed by the suite's name, which fixes its hash function (two instances of one suite share the hash). */
    private record Hashed(String suite, Bytes32 hash) {}

    TransactionMemo() {
    }

    /** A memo that already holds {@code encoding} (copied, so a caller reusing its buffer changes nothing here). */
    static TransactionMemo of(byte[] encoding) {
        TransactionMemo memo = new TransactionMemo();
        memo.encoding = Arrays.copyOf(encoding, encoding.length);
        return memo;
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
