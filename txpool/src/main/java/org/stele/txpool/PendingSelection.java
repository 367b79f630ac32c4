package org.stele.txpool;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The pool's pending transactions in the order a block should take them: the highest effective tip first (ties in
 * admission order), each sender's in nonce order. It walks a snapshot taken under the pool's lock, so the pool goes
 * on admitting transactions while a block is built from it. Transactions that cannot pay the base fee are never
 * offered. Not thread-safe.
 */
public final class PendingSelection {
    private record Head(PooledTransaction tx, Iterator<PooledTransaction> rest, BigInteger tip) {}

    private final BigInteger baseFee;
    private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
        int c = b.tip.compareTo(a.tip);
        return c != 0 ? c : Long.compare(a.tx.sequence(), b.tx.sequence());
    });
    /** The sender of the last transaction handed out, whose next one joins the queue on the next call. */
    private Head last;

    PendingSelection(Map<?, List<PooledTransaction>> runs, BigInteger baseFee) {
        this.baseFee = baseFee;
        for (List<PooledTransaction> run : runs.values()) offer(run.iterator());
    }

    /** The next transaction, or {@code null} when none is left. */
    public PooledTransaction next() {
        if (last != null) offer(last.rest);
        last = heads.poll();
        return last == null ? null : last.tx;
    }

    /** Offers nothing more from the sender of the transaction {@link #next()} returned last. */
    public void skipSender() {
        last = null;
    }

    private void offer(Iterator<PooledTransaction> run) {
        if (!run.hasNext()) return;
        PooledTransaction tx = run.next();
        BigInteger tip = tx.effectiveTip(baseFee);
        // A sender whose next transaction cannot pay the base fee has nothing executable after it either.
        if (tip.signum() >= 0) heads.add(new Head(tx, run, tip));
    }
}
