package org.stele.rpc.eth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;

/**
 * Senders of the transactions the RPC has shown recently, by transaction hash, for transaction objects that do not
 * carry their sender already (those decoded again from the store; the objects admitted to the pool recovered theirs). Recovering a sender from its signature
 * costs tens of microseconds, and the same transaction is asked for again and again: a wallet polls its receipt, an
 * explorer fetches blocks with full transactions. A transaction hash covers the signature, so it names one sender
 * for good, and an entry never goes stale; the cache is bounded, and what it evicts is recovered again when asked for.
 */
public final class SenderCache {
    /** About 100 bytes an entry, so some 10 MB when full. */
    static final int DEFAULT_SIZE = 100_000;

    private final Cache<Bytes32, Address> senders;

    public SenderCache() {
        this(DEFAULT_SIZE);
    }

    public SenderCache(long maximumSize) {
        this.senders = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /**
     * The sender of {@code tx}, whose hash under {@code suite} is {@code txHash}: from the cache, or recovered and
     * remembered.
     *
     * @throws org.stele.chain.tx.InvalidTransactionException when the signature yields no sender; nothing is cached
     */
    public Address sender(Transaction tx, Bytes32 txHash, CryptoSuite suite) {
        // the object admitted to the pool (and kept by the builder and the store's recent bodies) holds its sender
        var known = tx.recoveredSender(suite);
        if (known.isPresent()) return known.get();
        return senders.get(txHash, h -> tx.sender(suite));
    }

    /** Remembers a sender already recovered elsewhere, as on admission to the pool. */
    public void remember(Bytes32 txHash, Address sender) {
        senders.put(txHash, sender);
    }
}
