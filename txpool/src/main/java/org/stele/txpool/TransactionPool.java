package org.stele.txpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.stele.chain.tx.IntrinsicGas;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.AccountInfo;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.policy.PolicyRefusal;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.execution.policy.TransactionRules;

/**
 * The pool. All methods are thread-safe; admission takes a short lock, since signatures were checked before.
 */
public final class TransactionPool {
    private final TxPoolConfig config;
    private final Fork fork;
    /**
     * Changed under the pool's lock only, but concurrent so that {@link #get} takes no lock: admission asks it for
     * every transaction of a batch from the verification threads, while the sealer may hold the lock for a whole
     * selection or a new head.
     */
    private final Map<Bytes32, PooledTransaction> byHash = new ConcurrentHashMap<>();
    /** Insertion-ordered so that iteration (and so selection ties) is deterministic. */
    private final Map<Address, SenderQueue> bySender = new LinkedHashMap<>();
    /** Only ever added to, and walked by index: telling them of a transaction allocates nothing. */
    private final List<Consumer<PooledTransaction>> pendingListeners = new CopyOnWriteArrayList<>();
    private AccountState state;
    private volatile TransactionPolicy policy = TransactionPolicy.NONE;
    /** The policy's rules at the head: what the next block's transactions must keep. */
    private TransactionRules rules = TransactionRules.NONE;
    private long blockGasLimit;
    /** What the next block will charge per gas; zero until a node that seals on demand says (see onNewHead). */
    private BigInteger nextBaseFee = BigInteger.ZERO;
    private long sequence;
    /** The sum of every queue's pending count, so that sealing can ask without walking the pool. */
    private int pendingTotal;

    /** @param fork the rules transactions are admitted under: intrinsic gas and the init-code limit */
    public TransactionPool(TxPoolConfig config, Fork fork, AccountState head, long blockGasLimit) {
        this.config = config;
        this.fork = fork;
        this.state = head;
        this.blockGasLimit = blockGasLimit;
    }

    /**
     * From now on the pool refuses what the chain's own rules refuse at the head (a frozen sender, a frozen contract, an
     * account not allowed to send), and drops at each new head the transactions of senders those rules now refuse, so
     * that it holds nothing a block may not include.
     */
    public synchronized void enforce(TransactionPolicy policy) {
        this.policy = policy;
        this.rules = state.rules(policy);
    }

    /**
     * What the chain's rules at the pool's head say of {@code tx} from {@code sender}: the refusal {@link #add} would
     * give for them, without admitting anything. The pool moves to a new head just after the block is written, so a
     * caller that saw the head move may ask this to know when the pool has followed.
     */
    public synchronized Optional<PolicyRefusal> chainRulesRefusal(Address sender, Transaction tx) {
        return rules.check(sender, tx);
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
        requireExecutable(tx);
        PooledTransaction pooled;
        // What became pending: pooled alone (the usual case), or the run promoted in nonce order
        int promotedCount;
        PooledTransaction[] promotedRun = null;
        int size = tx.encode().length;
        if (size > config.maxTxBytes()) {
            throw new TxPoolException(TxPoolException.Reason.OVERSIZED,
                    "transaction of " + size + " bytes, limit " + config.maxTxBytes());
        }
        if (!config.allowUnprotected() && tx.chainId().isEmpty()) {
            throw new TxPoolException(TxPoolException.Reason.UNPROTECTED,
                    "sign with a chain id, or start the node with --rpc.allow-unprotected-txs");
        }
        synchronized (this) {
            if (byHash.containsKey(hash)) throw new TxPoolException(TxPoolException.Reason.ALREADY_KNOWN, null);
            Optional<PolicyRefusal> refused = rules.check(sender, tx);
            if (refused.isPresent())
                throw new TxPoolException(TxPoolException.Reason.CHAIN_RULES, refused.get().detail());
            if (Long.compareUnsigned(tx.gasLimit(), blockGasLimit) > 0) {
                throw new TxPoolException(TxPoolException.Reason.EXCEEDS_BLOCK_GAS_LIMIT,
                        "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " > block gas limit " + blockGasLimit);
            }
            if (tx.maxFeePerGas().compareTo(config.minGasPrice()) < 0) {
                throw new TxPoolException(TxPoolException.Reason.UNDERPRICED,
                        "max fee per gas " + tx.maxFeePerGas() + " is below the minimum " + config.minGasPrice()
                                + " (--txpool.pricelimit)");
            }
            if (tx.maxFeePerGas().compareTo(nextBaseFee) < 0) {
                throw new TxPoolException(TxPoolException.Reason.FEE_CAP_BELOW_BASE_FEE,
                        "maxFeePerGas: " + tx.maxFeePerGas() + ", baseFee: " + nextBaseFee);
            }
            // A sender already in the pool has its account at the head read: no state read per transaction.
            SenderQueue queue = bySender.get(sender);
            long stateNonce = queue != null ? queue.stateNonce : state.nonce(sender);
            if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) {
                throw new TxPoolException(TxPoolException.Reason.NONCE_TOO_LOW,
                        "address " + sender.toChecksumHex() + ", tx: " + Long.toUnsignedString(tx.nonce()) + " state: "
                                + Long.toUnsignedString(stateNonce));
            }
            pooled = new PooledTransaction(tx, hash, sender, sequence++);
            BigInteger balance = queue != null ? queue.balance : state.balance(sender);
            if (balance.compareTo(pooled.maxCost()) < 0) {
                throw new TxPoolException(TxPoolException.Reason.INSUFFICIENT_FUNDS,
                        "balance " + balance + ", tx cost " + pooled.maxCost());
            }
            PooledTransaction replaced = queue == null ? null : queue.get(tx.nonce());
            if (replaced != null) {
                requireBump(replaced.transaction(), tx);
            } else {
                if (queue != null && queue.size() >= config.maxPerSender()) {
                    throw new TxPoolException(TxPoolException.Reason.SENDER_LIMIT,
                            queue.size() + " transactions, limit " + config.maxPerSender());
                }
                if (byHash.size() >= config.maxTotal()) evictCheaperThan(pooled);
            }
            if (queue == null) {
                queue = new SenderQueue(stateNonce, balance);
                bySender.put(sender, queue);
            }
            if (replaced != null) byHash.remove(replaced.hash());
            queue.put(pooled);
            queue.costCap = queue.costCap.max(pooled.maxCost());
            byHash.put(hash, pooled);
            if (replaced != null) {
                promotedCount = queue.inPendingRange(tx.nonce()) ? 1 : 0;
            } else {
                promotedCount = queue.inserted(tx.nonce());
                pendingTotal += promotedCount;
                if (promotedCount > 1) promotedRun = queue.run(tx.nonce(), queue.pendingEnd);
            }
        }
        if (promotedRun != null) {
            for (PooledTransaction p : promotedRun) tellPending(p);
        } else if (promotedCount == 1) {
            tellPending(pooled);
        }
        return pooled;
    }

    private void tellPending(PooledTransaction p) {
        for (int i = 0; i < pendingListeners.size(); i++) pendingListeners.get(i).accept(p);
    }

    /**
     * The rules that make a transaction invalid in any block, in the order the transaction processor checks them,
     * so that the pool never holds what a block would refuse for these reasons.
     */
    private void requireExecutable(Transaction tx) {
        long minimum = IntrinsicGas.minimumGasLimit(tx, fork);
        if (Long.compareUnsigned(tx.gasLimit(), minimum) < 0) {
            throw new TxPoolException(TxPoolException.Reason.INTRINSIC_GAS_TOO_LOW,
                    "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " is below " + minimum);
        }
        if (IntrinsicGas.initCodeTooLarge(fork, tx.isContractCreation(), tx.data().size())) {
            throw new TxPoolException(TxPoolException.Reason.INIT_CODE_TOO_LARGE,
                    "code size " + tx.data().size() + ", limit " + Fork.MAX_INIT_CODE_SIZE);
        }
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
            PooledTransaction last = q.last();
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
        int before = q.pendingCount();
        q.remove(p.nonce());
        q.removed(p.nonce());
        pendingTotal += q.pendingCount() - before;
        if (q.isEmpty()) bySender.remove(p.sender());
    }

    /** The pooled transaction with this hash, as the pool holds it now; takes no lock. */
    public Optional<PooledTransaction> get(Bytes32 hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    /** The nonce the sender's next transaction should carry: after its pending ones. */
    public synchronized long nextNonce(Address sender) {
        SenderQueue q = bySender.get(sender);
        return q == null ? state.nonce(sender) : q.pendingEnd;
    }

    public synchronized int pendingCount() {
        return pendingTotal;
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
            if (q.pendingCount() > 0) out.put(a, q.pending());
        });
        return out;
    }

    /** Queued (not yet executable) transactions by sender, in nonce order. */
    public synchronized Map<Address, List<PooledTransaction>> queued() {
        Map<Address, List<PooledTransaction>> out = new LinkedHashMap<>();
        bySender.forEach((a, q) -> {
            List<PooledTransaction> rest = new ArrayList<>(q.size() - q.pendingCount());
            q.forEach(p -> {
                if (!q.inPendingRange(p.nonce())) rest.add(p);
            });
            if (!rest.isEmpty()) out.put(a, rest);
        });
        return out;
    }

    /**
     * Transactions for the next block: the highest effective tip first, each sender's in nonce order, until the gas
     * limit is reached. A sender whose next transaction does not fit or cannot pay the base fee contributes nothing
     * further, since its later nonces would not be executable.
     */
    public List<PooledTransaction> selectForBlock(BigInteger baseFee, long gasLimit) {
        PendingSelection selection = selection(baseFee);
        List<PooledTransaction> out = new ArrayList<>();
        long gasLeft = gasLimit;
        PooledTransaction tx;
        while ((tx = selection.next()) != null) {
            if (Long.compareUnsigned(tx.transaction().gasLimit(), gasLeft) > 0) {
                selection.skipSender();
                continue;
            }
            out.add(tx);
            gasLeft -= tx.transaction().gasLimit();
        }
        return out;
    }

    /** Every pending transaction in block order, for a builder that fills blocks by the gas actually used. */
    public PendingSelection selection(BigInteger baseFee) {
        return new PendingSelection(pending(), baseFee);
    }

    /**
     * A new head: drops what it included or made stale (nonces below the account's), promotes what became
     * executable, and re-checks balances, reading every pooled sender's account at {@code head}.
     */
    public void onNewHead(AccountState head, long newBlockGasLimit) {
        move(head, newBlockGasLimit, null, null);
    }

    /**
     * A new head, and the base fee its next block will charge. From then on a transaction whose fee cap is below that
     * is refused: a node that seals only when transactions wait would otherwise hold it, and seal empty blocks to
     * lower the fee, with no end in sight. geth keeps such transactions, since its chain moves anyway.
     */
    public void onNewHead(AccountState head, long newBlockGasLimit, BigInteger newNextBaseFee) {
        move(head, newBlockGasLimit, Objects.requireNonNull(newNextBaseFee, "newNextBaseFee"), null);
    }

    /**
     * A new head that is a child of the pool's head, whose execution changed exactly {@code changed} (each account's
     * nonce and balance at {@code head}; a block's {@code committedAccounts}): the pool takes its senders' accounts
     * from there and reads {@code head} only for senders it meets later, so the move decodes nothing and holds the
     * lock admission needs for map look-ups only. The caller vouches that the pool's head is {@code head}'s parent;
     * when it cannot, {@link #onNewHead(AccountState, long)} reads every sender's account instead.
     *
     * @param newNextBaseFee the next block's base fee (see above), or null to keep the one the pool has
     */
    public void onNewHead(AccountState head, long newBlockGasLimit, BigInteger newNextBaseFee,
            Map<Address, AccountInfo> changed) {
        move(head, newBlockGasLimit, newNextBaseFee, Objects.requireNonNull(changed, "changed"));
    }

    private void move(AccountState head, long newBlockGasLimit, BigInteger newNextBaseFee,
            Map<Address, AccountInfo> changed) {
        // The chain's rules are read from the head's state (the governance contracts) before the lock is taken.
        TransactionPolicy readFor = policy;
        TransactionRules newRules = head.rules(readFor);
        List<PooledTransaction> promoted = new ArrayList<>();
        synchronized (this) {
            this.state = head;
            this.rules = readFor == policy ? newRules : head.rules(policy);
            this.blockGasLimit = newBlockGasLimit;
            if (newNextBaseFee != null) this.nextBaseFee = newNextBaseFee;
            int total = 0;
            Consumer<PooledTransaction> forget = p -> byHash.remove(p.hash());
            for (Iterator<Map.Entry<Address, SenderQueue>> it = bySender.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Address, SenderQueue> e = it.next();
                SenderQueue q = e.getValue();
                long oldState = q.stateNonce;
                long oldEnd = q.pendingEnd;
                long nonce;
                BigInteger balance;
                if (changed == null) {
                    nonce = head.nonce(e.getKey());
                    balance = head.balance(e.getKey());
                } else {
                    AccountInfo account = changed.get(e.getKey());
                    nonce = account == null ? q.stateNonce : account.nonce();
                    balance = account == null ? q.balance : account.balance();
                }
                q.removeBelow(nonce, forget);
                q.stateNonce = nonce;
                q.balance = balance;
                boolean dropped = false;
                // Only the sender's own transactions lower its balance, so the cap usually still holds.
                if (q.costCap.compareTo(balance) > 0) {
                    dropped = q.removeIf(p -> p.maxCost().compareTo(balance) > 0, forget);
                    q.costCap = q.maxCost();
                }
                if (!q.isEmpty() && refusesSender(e.getKey(), q.first())) {
                    q.removeIf(p -> true, forget);
                }
                if (q.isEmpty()) {
                    it.remove();
                    continue;
                }
                boolean runIntact = !dropped && Long.compareUnsigned(nonce, oldState) >= 0
                        && Long.compareUnsigned(nonce, oldEnd) <= 0;
                long from = runIntact ? oldEnd : nonce;
                q.extendFrom(from);
                // Newly pending: what lies beyond the old run (a run cut short by a drop announces nothing new).
                long newFrom = Long.compareUnsigned(oldEnd, nonce) > 0 ? oldEnd : nonce;
                if (Long.compareUnsigned(newFrom, q.pendingEnd) < 0) {
                    promoted.addAll(Arrays.asList(q.run(newFrom, q.pendingEnd)));
                }
                total += q.pendingCount();
            }
            pendingTotal = total;
        }
        for (PooledTransaction p : promoted) tellPending(p);
    }

    /** Whether the rules refuse the sender itself (frozen, or not allowed to send), not just this transaction. */
    private boolean refusesSender(Address sender, PooledTransaction first) {
        Optional<PolicyRefusal> refused = rules.check(sender, first.transaction());
        return refused.isPresent() && (refused.get().reason() == InvalidTransaction.ACCOUNT_FROZEN
                || refused.get().reason() == InvalidTransaction.SENDER_NOT_ALLOWED);
    }

    /** Removes transactions, e.g. ones a block builder found invalid. */
    public synchronized void removeAll(Collection<Bytes32> hashes) {
        for (Bytes32 h : hashes) {
            PooledTransaction p = byHash.get(h);
            if (p != null) remove(p);
        }
    }

    /**
     * One sender's transactions by nonce, in an array sorted by nonce (unsigned), at most
     * {@link TxPoolConfig#maxPerSender()} long. Nonces are dense in practice, so a look-up is an index from the lowest
     * one, and binary search when the run has gaps. The pending ones are the gap-free run
     * {@code [stateNonce, pendingEnd)}, which starts at the array's first slot (nothing below the state's nonce is
     * kept); the bounds are kept up to date on every change so that nothing on the admission or sealing path walks the
     * queue.
     */
    static final class SenderQueue {
        private PooledTransaction[] txs = new PooledTransaction[4];
        private int size;
        long stateNonce;
        /** The first nonce at or above {@link #stateNonce} that is not in the queue. */
        long pendingEnd;
        /** The sender's balance at the pool's head. */
        BigInteger balance;
        /** At least the largest {@link PooledTransaction#maxCost()} here (exact after a balance check). */
        BigInteger costCap = BigInteger.ZERO;

        SenderQueue(long stateNonce, BigInteger balance) {
            this.stateNonce = stateNonce;
            this.pendingEnd = stateNonce;
            this.balance = balance;
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        PooledTransaction first() {
            return txs[0];
        }

        PooledTransaction last() {
            return txs[size - 1];
        }

        /** Where {@code nonce} is, or {@code -(where it would go) - 1}. */
        int indexOf(long nonce) {
            if (size == 0)
                return -1;
            long offset = nonce - txs[0].nonce();
            if (Long.compareUnsigned(offset, size) < 0 && txs[(int) offset].nonce() == nonce)
                return (int) offset;
            int low = 0;
            int high = size - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int c = Long.compareUnsigned(txs[mid].nonce(), nonce);
                if (c < 0)
                    low = mid + 1;
                else if (c > 0)
                    high = mid - 1;
                else
                    return mid;
            }
            return -(low + 1);
        }

        PooledTransaction get(long nonce) {
            int i = indexOf(nonce);
            return i < 0 ? null : txs[i];
        }

        /** Puts {@code p} in its nonce's place, replacing what had that nonce. */
        void put(PooledTransaction p) {
            int i = indexOf(p.nonce());
            if (i >= 0) {
                txs[i] = p;
                return;
            }
            int at = -i - 1;
            if (size == txs.length)
                txs = Arrays.copyOf(txs, size * 2);
            System.arraycopy(txs, at, txs, at + 1, size - at);
            txs[at] = p;
            size++;
        }

        void remove(long nonce) {
            int i = indexOf(nonce);
            if (i < 0)
                return;
            System.arraycopy(txs, i + 1, txs, i, size - i - 1);
            txs[--size] = null;
        }

        /** Drops every transaction that {@code drop} picks, telling {@code dropped} of each; whether any was. */
        boolean removeIf(Predicate<PooledTransaction> drop, Consumer<PooledTransaction> dropped) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                PooledTransaction p = txs[i];
                if (drop.test(p))
                    dropped.accept(p);
                else
                    txs[kept++] = p;
            }
            boolean any = kept < size;
            Arrays.fill(txs, kept, size, null);
            size = kept;
            return any;
        }

        /** Drops the transactions below {@code nonce}, telling {@code dropped} of each. */
        void removeBelow(long nonce, Consumer<PooledTransaction> dropped) {
            int n = 0;
            while (n < size && Long.compareUnsigned(txs[n].nonce(), nonce) < 0)
                dropped.accept(txs[n++]);
            if (n == 0)
                return;
            System.arraycopy(txs, n, txs, 0, size - n);
            Arrays.fill(txs, size - n, size, null);
            size -= n;
        }

        void forEach(Consumer<PooledTransaction> action) {
            for (int i = 0; i < size; i++)
                action.accept(txs[i]);
        }

        int pendingCount() {
            return (int) (pendingEnd - stateNonce);
        }

        boolean inPendingRange(long nonce) {
            return Long.compareUnsigned(nonce, stateNonce) >= 0 && Long.compareUnsigned(nonce, pendingEnd) < 0;
        }

        /** The pending transactions, in nonce order: the first {@link #pendingCount()} of the queue. */
        List<PooledTransaction> pending() {
            return List.of(Arrays.copyOf(txs, pendingCount()));
        }

        /** The transactions from {@code from} (present) up to {@code to} (absent), in nonce order. */
        PooledTransaction[] run(long from, long to) {
            int i = indexOf(from);
            return Arrays.copyOfRange(txs, i, i + (int) (to - from));
        }

        /** Moves {@link #pendingEnd} past every nonce present from {@code from} on. */
        void extendFrom(long from) {
            int i = indexOf(from);
            if (i < 0) {
                pendingEnd = from;
                return;
            }
            while (i + 1 < size && txs[i + 1].nonce() == txs[i].nonce() + 1)
                i++;
            pendingEnd = txs[i].nonce() + 1;
        }

        /**
         * A transaction with {@code nonce} was inserted (not a replacement): how many became pending, from
         * {@code nonce} on.
         */
        int inserted(long nonce) {
            if (nonce != pendingEnd)
                return 0;
            extendFrom(nonce);
            return (int) (pendingEnd - nonce);
        }

        /** A transaction with {@code nonce} was taken out: the ones after it, if it was pending, are queued now. */
        void removed(long nonce) {
            if (inPendingRange(nonce))
                pendingEnd = nonce;
        }

        BigInteger maxCost() {
            BigInteger max = BigInteger.ZERO;
            for (int i = 0; i < size; i++)
                max = max.max(txs[i].maxCost());
            return max;
        }
    }
}
