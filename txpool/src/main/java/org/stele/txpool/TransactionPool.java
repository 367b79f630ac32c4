package org.stele.txpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * The pool. All methods are thread-safe; admission takes a short lock, since signatures were checked before.
 */
public final class TransactionPool {
    private final TxPoolConfig config;
    private final Map<Bytes32, PooledTransaction> byHash = new HashMap<>();
    /** Insertion-ordered so that iteration (and so selection ties) is deterministic. */
    private final Map<Address, SenderQueue> bySender = new LinkedHashMap<>();
    private final List<Consumer<PooledTransaction>> pendingListeners = new CopyOnWriteArrayList<>();
    private AccountState state;
    private long blockGasLimit;
    private long sequence;

    public TransactionPool(TxPoolConfig config, AccountState head, long blockGasLimit) {
        this.config = config;
        this.state = head;
        this.blockGasLimit = blockGasLimit;
    }

    /** Called with every transaction that becomes pending (executable next), e.g. for subscriptions and gossip. */
    public void onPending(Consumer<PooledTransaction> listener) {
        pendingListeners.add(listener);
    }

    /**
     * Admits a transaction whose signature was checked and whose sender was recovered.
     *
     * @return the pooled transaction, pending or queued
     * @throws TxPoolException when refused, with the standard message
     */
    public PooledTransaction add(Transaction tx, Bytes32 hash, Address sender) {
        List<PooledTransaction> promoted;
        PooledTransaction pooled;
        synchronized (this) {
            if (byHash.containsKey(hash)) throw new TxPoolException(TxPoolException.Reason.ALREADY_KNOWN, null);
            if (Long.compareUnsigned(tx.gasLimit(), blockGasLimit) > 0) {
                throw new TxPoolException(TxPoolException.Reason.EXCEEDS_BLOCK_GAS_LIMIT,
                        "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " > block gas limit " + blockGasLimit);
            }
            if (tx.maxFeePerGas().compareTo(config.minGasPrice()) < 0) {
                throw new TxPoolException(TxPoolException.Reason.UNDERPRICED,
                        "max fee per gas " + tx.maxFeePerGas() + " is below the minimum " + config.minGasPrice());
            }
            SenderQueue queue = bySender.get(sender);
            long stateNonce = queue != null ? queue.stateNonce : state.nonce(sender);
            if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) {
                throw new TxPoolException(TxPoolException.Reason.NONCE_TOO_LOW,
                        "address " + sender.toChecksumHex() + ", tx: " + Long.toUnsignedString(tx.nonce()) + " state: "
                                + Long.toUnsignedString(stateNonce));
            }
            pooled = new PooledTransaction(tx, hash, sender, sequence++);
            BigInteger balance = state.balance(sender);
            if (balance.compareTo(pooled.maxCost()) < 0) {
                throw new TxPoolException(TxPoolException.Reason.INSUFFICIENT_FUNDS,
                        "balance " + balance + ", tx cost " + pooled.maxCost());
            }
            PooledTransaction replaced = queue == null ? null : queue.txs.get(tx.nonce());
            if (replaced != null) {
                requireBump(replaced.transaction(), tx);
            } else {
                if (queue != null && queue.txs.size() >= config.maxPerSender()) {
                    throw new TxPoolException(TxPoolException.Reason.SENDER_LIMIT,
                            queue.txs.size() + " transactions, limit " + config.maxPerSender());
                }
                if (byHash.size() >= config.maxTotal()) evictCheaperThan(pooled);
            }
            if (queue == null) {
                queue = new SenderQueue(stateNonce);
                bySender.put(sender, queue);
            }
            boolean wasPending = replaced != null && queue.isPending(replaced);
            if (replaced != null) byHash.remove(replaced.hash());
            queue.txs.put(tx.nonce(), pooled);
            byHash.put(hash, pooled);
            promoted = wasPending ? List.of(pooled) : queue.newlyPending(tx.nonce());
        }
        for (PooledTransaction p : promoted) for (var l : pendingListeners) l.accept(p);
        return pooled;
    }

    private void requireBump(Transaction old, Transaction replacement) {
        BigInteger pct = BigInteger.valueOf(100 + config.priceBumpPercent());
        BigInteger hundred = BigInteger.valueOf(100);
        boolean feeOk = replacement.maxFeePerGas().multiply(hundred).compareTo(old.maxFeePerGas().multiply(pct)) >= 0;
        boolean tipOk = replacement.maxPriorityFeePerGas().multiply(hundred)
                .compareTo(old.maxPriorityFeePerGas().multiply(pct)) >= 0;
        if (!feeOk || !tipOk) {
            throw new TxPoolException(TxPoolException.Reason.REPLACEMENT_UNDERPRICED,
                    "a replacement must raise the fee cap and the tip by " + config.priceBumpPercent() + "%");
        }
    }

    /** Makes room for {@code incoming} by dropping the cheapest last-in-line transaction, or refuses it. */
    private void evictCheaperThan(PooledTransaction incoming) {
        PooledTransaction cheapest = null;
        for (SenderQueue q : bySender.values()) {
            PooledTransaction last = q.txs.lastEntry().getValue();
            if (cheapest == null
                    || last.transaction().maxFeePerGas().compareTo(cheapest.transaction().maxFeePerGas()) < 0) {
                cheapest = last;
            }
        }
        if (cheapest == null
                || cheapest.transaction().maxFeePerGas().compareTo(incoming.transaction().maxFeePerGas()) >= 0) {
            throw new TxPoolException(TxPoolException.Reason.POOL_FULL, config.maxTotal() + " transactions");
        }
        remove(cheapest);
    }

    private void remove(PooledTransaction p) {
        byHash.remove(p.hash());
        SenderQueue q = bySender.get(p.sender());
        q.txs.remove(p.nonce());
        if (q.txs.isEmpty()) bySender.remove(p.sender());
    }

    public synchronized Optional<PooledTransaction> get(Bytes32 hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    /** The nonce the sender's next transaction should carry: after its pending ones. */
    public synchronized long nextNonce(Address sender) {
        SenderQueue q = bySender.get(sender);
        if (q == null) return state.nonce(sender);
        long n = q.stateNonce;
        while (q.txs.containsKey(n)) n++;
        return n;
    }

    public synchronized int pendingCount() {
        int n = 0;
        for (SenderQueue q : bySender.values()) n += q.pending().size();
        return n;
    }

    public synchronized int size() {
        return byHash.size();
    }

    public synchronized int queuedCount() {
        return byHash.size() - pendingCount();
    }

    /** Pending transactions by sender, in nonce order (for {@code txpool_content}). */
    public synchronized Map<Address, List<PooledTransaction>> pending() {
        Map<Address, List<PooledTransaction>> out = new LinkedHashMap<>();
        bySender.forEach((a, q) -> {
            List<PooledTransaction> p = q.pending();
            if (!p.isEmpty()) out.put(a, p);
        });
        return out;
    }

    /** Queued (not yet executable) transactions by sender, in nonce order. */
    public synchronized Map<Address, List<PooledTransaction>> queued() {
        Map<Address, List<PooledTransaction>> out = new LinkedHashMap<>();
        bySender.forEach((a, q) -> {
            List<PooledTransaction> pending = q.pending();
            List<PooledTransaction> rest = new ArrayList<>(q.txs.values());
            rest.removeAll(pending);
            if (!rest.isEmpty()) out.put(a, rest);
        });
        return out;
    }

    /**
     * Transactions for the next block: the highest effective tip first, each sender's in nonce order, until the gas
     * limit is reached. A sender whose next transaction does not fit or cannot pay the base fee contributes nothing
     * further, since its later nonces would not be executable.
     */
    public synchronized List<PooledTransaction> selectForBlock(BigInteger baseFee, long gasLimit) {
        record Head(PooledTransaction tx, Iterator<PooledTransaction> rest, BigInteger tip) {}
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
            int c = b.tip.compareTo(a.tip);
            return c != 0 ? c : Long.compare(a.tx.sequence(), b.tx.sequence());
        });
        for (SenderQueue q : bySender.values()) {
            Iterator<PooledTransaction> it = q.pending().iterator();
            if (it.hasNext()) {
                PooledTransaction first = it.next();
                heads.add(new Head(first, it, first.effectiveTip(baseFee)));
            }
        }
        List<PooledTransaction> out = new ArrayList<>();
        long gasLeft = gasLimit;
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            if (h.tip.signum() < 0 || Long.compareUnsigned(h.tx.transaction().gasLimit(), gasLeft) > 0) continue;
            out.add(h.tx);
            gasLeft -= h.tx.transaction().gasLimit();
            if (h.rest.hasNext()) {
                PooledTransaction next = h.rest.next();
                heads.add(new Head(next, h.rest, next.effectiveTip(baseFee)));
            }
        }
        return out;
    }

    /**
     * A new head: drops what it included or made stale (nonces below the account's), promotes what became
     * executable, and re-checks balances.
     */
    public void onNewHead(AccountState head, long newBlockGasLimit) {
        List<PooledTransaction> promoted = new ArrayList<>();
        synchronized (this) {
            this.state = head;
            this.blockGasLimit = newBlockGasLimit;
            for (Iterator<Map.Entry<Address, SenderQueue>> it = bySender.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Address, SenderQueue> e = it.next();
                SenderQueue q = e.getValue();
                List<PooledTransaction> before = q.pending();
                q.stateNonce = head.nonce(e.getKey());
                BigInteger balance = head.balance(e.getKey());
                q.txs.values().removeIf(p -> {
                    boolean drop = Long.compareUnsigned(p.nonce(), q.stateNonce) < 0
                            || p.maxCost().compareTo(balance) > 0;
                    if (drop) byHash.remove(p.hash());
                    return drop;
                });
                if (q.txs.isEmpty()) {
                    it.remove();
                    continue;
                }
                for (PooledTransaction p : q.pending()) if (!before.contains(p)) promoted.add(p);
            }
        }
        for (PooledTransaction p : promoted) for (var l : pendingListeners) l.accept(p);
    }

    /** Removes transactions, e.g. ones a block builder found invalid. */
    public synchronized void removeAll(Collection<Bytes32> hashes) {
        for (Bytes32 h : hashes) {
            PooledTransaction p = byHash.get(h);
            if (p != null) remove(p);
        }
    }

    /** One sender's transactions by nonce, and the account nonce they start from. */
    private static final class SenderQueue {
        final TreeMap<Long, PooledTransaction> txs = new TreeMap<>(Long::compareUnsigned);
        long stateNonce;

        SenderQueue(long stateNonce) {
            this.stateNonce = stateNonce;
        }

        /** The gap-free run of nonces from the account's. */
        List<PooledTransaction> pending() {
            List<PooledTransaction> out = new ArrayList<>();
            long n = stateNonce;
            PooledTransaction p;
            while ((p = txs.get(n)) != null) {
                out.add(p);
                n++;
            }
            return out;
        }

        boolean isPending(PooledTransaction p) {
            return pending().contains(p);
        }

        /** The transactions that became pending because {@code nonce} arrived (none if a gap remains before it). */
        List<PooledTransaction> newlyPending(long nonce) {
            // Walks only the transactions present, so a far-future nonce costs nothing.
            List<PooledTransaction> pending = pending();
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i).nonce() == nonce) return pending.subList(i, pending.size());
            }
            return List.of();
        }
    }
}
