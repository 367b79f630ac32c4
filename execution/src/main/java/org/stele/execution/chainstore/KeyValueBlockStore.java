package org.stele.execution.chainstore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.ChainProfile;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.Receipt;
import org.stele.chain.store.BlockStore;
import org.stele.chain.store.TransactionLocation;
import org.stele.chain.tx.Transaction;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;
import org.stele.execution.explorer.ExplorerIndex;
import org.stele.execution.explorer.TransactionFacts;
import org.stele.storage.KeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;

/**
 * The chain on a key-value store. Layout: headers, bodies and receipts keyed by block hash in their own segments;
 * in {@code indexes}, {@code 'n' || number} → hash and {@code 't' || txHash} → (block hash, number, index); in
 * {@code chain_metadata}, {@code head} → hash of the highest block. The latest blocks' headers, bodies and receipts
 * are kept decoded in memory as well, since clients poll them (a wallet waiting for its receipt reads the receipts of a
 * whole block for each one). The {@link ExplorerIndex} of the canonical chain is kept in the same batches, and so are
 * the {@link BlockIndex}es registered at construction; in {@code chain_metadata}, {@code index_from_<name>} holds the
 * lowest block from which each of those is complete, as {@code explorer_indexed_from} does for the explorer's.
 * <p>
 * A chain that seals its own blocks may have them written behind ({@link #writeBehind}): {@link #putBehind} accepts a
 * block at once and one writer thread writes the accepted blocks, each in its own batch, in order. An accepted block
 * is the {@link #tip()} at once and is found by hash, and its state is read through {@link #state()}, so the next
 * block can be built and checked on it; the {@link #head()}, the number and transaction indexes and everything else
 * clients read move only once its batch is durable, so a crash loses the blocks not yet written and nothing else.
 */
public final class KeyValueBlockStore implements BlockStore {
    private static final Bytes HEAD_KEY = Bytes.wrap("head".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** How many blocks' decoded parts are kept: a few seconds of blocks on a busy dev chain. */
    private static final int CACHED_BLOCKS = 64;

    private final KeyValueStore store;
    private final CryptoSuite suite;
    private final ChainProfile profile;
    private volatile BlockHeader head;
    private final RecentBlocks<BlockHeader> headers = new RecentBlocks<>(CACHED_BLOCKS);
    private final RecentBlocks<BlockBody> bodies = new RecentBlocks<>(CACHED_BLOCKS);
    private final RecentBlocks<List<Receipt>> receiptLists = new RecentBlocks<>(CACHED_BLOCKS);
    private final ExplorerIndex explorer;
    private final List<RegisteredIndex> indexes;
    /** Serialises writes that move the head with the background build of the explorer indexes. */
    private final Object writes = new Object();
    /** The newest block accepted as the head: the head, or a block above it still being written. */
    private volatile BlockHeader tip;
    /** Blocks accepted and not written yet, by hash. */
    private final Map<Bytes32, Accepted> accepted = new ConcurrentHashMap<>();
    /** The store as states are read: with the trie nodes and code of accepted blocks. */
    private final PendingState state;
    /** The one thread that writes accepted blocks; null until {@link #writeBehind}. */
    private volatile ExecutorService writer;
    /** Bounds the blocks accepted and not yet written: an accept waits while the writer is that far behind. */
    private volatile Semaphore inFlight;
    /** The last write handed to the writer; a failed write fails every later one, so none is written out of order. */
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    public KeyValueBlockStore(KeyValueStore store, CryptoSuite suite) {
        this(store, suite, new EthereumCancun());
    }

    /** A store naming blocks as {@code profile} does ({@link ChainProfile#blockHash}). */
    public KeyValueBlockStore(KeyValueStore store, CryptoSuite suite, ChainProfile profile) {
        this(store, suite, profile, List.of());
    }

    /**
     * A store naming blocks as {@code profile} does, keeping {@code indexes} over its canonical chain. An index this
     * store has not kept before starts from the block above the head; {@link #buildIndexes} fills in the older ones.
     */
    public KeyValueBlockStore(KeyValueStore store, CryptoSuite suite, ChainProfile profile, List<BlockIndex> indexes) {
        this.store = store;
        this.suite = suite;
        this.profile = profile;
        this.state = new PendingState(store);
        this.head = store.get(Segment.CHAIN_METADATA, HEAD_KEY).flatMap(h -> header(Bytes32.of(h))).orElse(null);
        this.tip = head;
        this.explorer = new ExplorerIndex(store, suite, head == null ? -1 : head.number(), this::headNumber);
        this.indexes = indexes.stream().map(i -> RegisteredIndex.open(store, i, head == null ? -1 : head.number()))
                .toList();
    }

    /**
     * The store to read the chain's states from (and to build and check blocks on): the store itself, with the trie
     * nodes and code of the blocks accepted and not written yet. Writes go to the store.
     */
    public KeyValueStore state() {
        return state;
    }

    /**
     * From now on {@link #putBehind} writes on a writer thread of its own, with at most {@code maxInFlight} blocks
     * accepted and not yet written (an accept waits for the oldest); before, it writes at once.
     */
    public synchronized void writeBehind(int maxInFlight) {
        if (maxInFlight < 1)
            throw new IllegalArgumentException("at least one block in flight, not " + maxInFlight);
        if (writer != null)
            throw new IllegalStateException("blocks are written behind already");
        inFlight = new Semaphore(maxInFlight);
        writer = Executors
                .newSingleThreadExecutor(Thread.ofPlatform().name("stele-block-writer").daemon(true).factory());
    }

    /**
     * The newest block accepted as the head, written or not: what the next block is built on. It is the {@link #head()}
     * unless blocks are {@linkplain #writeBehind written behind} and some are on their way.
     */
    public Optional<BlockHeader> tip() {
        return Optional.ofNullable(tip);
    }

    /**
     * Accepts a block that extends the {@link #tip()} as the new tip, to be written with its receipts, its indexes and
     * {@code batch} (its state) in one batch, after every block accepted before it; without {@link #writeBehind} it is
     * written at once. Until it is written, it is read by hash (header, body, receipts) and its state through
     * {@link #state()}, and nothing else shows it: the head, the number and transaction indexes stay where they were.
     *
     * @throws IllegalArgumentException
     *             when the block does not extend the tip
     * @throws IllegalStateException
     *             when an earlier write failed: no later block is written then
     */
    public void putBehind(Block block, List<Receipt> receipts, List<byte[]> encodedReceipts, WriteBatch batch,
            List<TransactionFacts> facts) {
        BlockHeader h = block.header();
        BlockHeader current = tip;
        if (current == null || h.number() != current.number() + 1 || !h.parentHash().equals(hash(current)))
            throw new IllegalArgumentException("block " + h.number() + " does not extend the tip "
                    + (current == null ? "(none)" : current.number()));
        if (receipts.size() != block.body().transactions().size())
            throw new IllegalArgumentException(
                    block.body().transactions().size() + " transactions but " + receipts.size() + " receipts");
        if (writer == null) {
            put(block, receipts, encodedReceipts, batch, true, facts);
            return;
        }
        inFlight.acquireUninterruptibly();
        boolean handed = false;
        try {
            synchronized (this) {
                if (lastWrite.isCompletedExceptionally()) {
                    lastWrite.join(); // rethrows why
                }
                Bytes32 hash = hash(h);
                Accepted a = new Accepted(block, List.copyOf(receipts));
                state.expose(batch);
                accepted.put(hash, a);
                tip = h;
                lastWrite = lastWrite.thenRunAsync(() -> {
                    synchronized (writes) {
                        write(block, receipts, encodedReceipts, batch, true, facts);
                    }
                    state.written(batch);
                    accepted.remove(hash);
                    a.written();
                }, writer).whenComplete((ok, failed) -> inFlight.release());
                handed = true;
            }
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("an earlier block could not be written: " + e.getCause(), e.getCause());
        } finally {
            if (!handed)
                inFlight.release();
        }
    }

    /**
     * Runs {@code action} once the block {@code hash} is written: on the writer thread when it is on its way, at once
     * on this one when it is written already (or not known here). An action of a block whose write failed never runs.
     */
    public void whenWritten(Bytes32 hash, Runnable action) {
        Accepted a = accepted.get(hash);
        if (a == null || !a.later(action))
            action.run();
    }

    /**
     * Waits until every accepted block is written.
     *
     * @throws IllegalStateException
     *             when one could not be written
     */
    public void awaitWritten() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = lastWrite;
        }
        try {
            last.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("a block could not be written: " + e.getCause(), e.getCause());
        }
    }

    /** Writes what was accepted and stops the writer thread; the store stays open (it is its owner's). */
    public void close() {
        ExecutorService w = writer;
        if (w == null)
            return;
        try {
            awaitWritten();
        } finally {
            w.shutdown();
        }
    }

    /** The explorer's indexes over this chain. */
    public ExplorerIndex explorer() {
        return explorer;
    }

    /**
     * Adds a block, its receipts and its indexes to {@code batch}, and writes the batch (which should already hold the
     * block's state changes) atomically. The block must extend the head.
     */
    public void append(Block block, List<Receipt> receipts, WriteBatch batch) {
        BlockHeader h = block.header();
        BlockHeader current = head;
        if (current != null && (h.number() != current.number() + 1 || !h.parentHash().equals(hash(current)))) {
            throw new IllegalArgumentException("block " + h.number() + " does not extend the head " + current.number());
        }
        if (current == null && h.number() != 0)
            throw new IllegalArgumentException("the first block must be genesis (number 0)");
        put(block, receipts, batch, true);
    }

    /**
     * Adds a block whose parent is stored, with its receipts, to {@code batch} and writes the batch atomically. With
     * {@code asHead} the block becomes the head: when it does not extend the current head, the number and transaction
     * indexes are moved from the old branch to the block's branch in the same batch. Otherwise it is kept as a side
     * block, reachable by hash only.
     */
    public void put(Block block, List<Receipt> receipts, WriteBatch batch, boolean asHead) {
        put(block, receipts, batch, asHead, null);
    }

    /**
     * As {@link #put(Block, List, WriteBatch, boolean)}, with what execution learned about each transaction (its
     * sender, the contracts it created) for the explorer indexes; null recovers senders again and sees only the
     * contracts created by transactions themselves.
     */
    public void put(Block block, List<Receipt> receipts, WriteBatch batch, boolean asHead,
            List<TransactionFacts> facts) {
        put(block, receipts, null, batch, asHead, facts);
    }

    /**
     * As {@link #put(Block, List, WriteBatch, boolean, List)}, with each receipt's consensus encoding already made
     * (for the receipts root) so that it is not made again; null encodes them here.
     */
    public void put(Block block, List<Receipt> receipts, List<byte[]> encodedReceipts, WriteBatch batch,
            boolean asHead, List<TransactionFacts> facts) {
        if (encodedReceipts != null && encodedReceipts.size() != receipts.size())
            throw new IllegalArgumentException(receipts.size() + " receipts but " + encodedReceipts.size()
                    + " encodings");
        if (writer != null)
            awaitWritten(); // a block written at once comes after those accepted before it
        synchronized (writes) {
            write(block, receipts, encodedReceipts, batch, asHead, facts);
        }
    }

    private void write(Block block, List<Receipt> receipts, List<byte[]> encodedReceipts, WriteBatch batch,
            boolean asHead, List<TransactionFacts> facts) {
        BlockHeader h = block.header();
        if (receipts.size() != block.body().transactions().size()) {
            throw new IllegalArgumentException(
                    block.body().transactions().size() + " transactions but " + receipts.size() + " receipts");
        }
        if (head != null && header(h.parentHash()).isEmpty())
            throw new IllegalArgumentException("block " + h.number() + " has no stored parent " + h.parentHash());
        Bytes32 hash = hash(h);
        Bytes hashKey = hash.toBytes();
        batch.put(Segment.BLOCK_HEADERS, hashKey, Bytes.wrap(h.encode()));
        batch.put(Segment.BLOCK_BODIES, hashKey, Bytes.wrap(block.body().encode()));
        batch.put(Segment.RECEIPTS, hashKey, Bytes.wrap(encodeReceipts(encodedReceipts != null
                ? encodedReceipts
                : receipts.stream().map(Receipt::encode).toList())));
        if (asHead) {
            BlockHeader current = head;
            if (current != null && !h.parentHash().equals(hash(current)))
                moveIndexesToBranchOf(h, batch);
            index(hash, h.number(), block.body().transactions(), batch);
            explorer.stage(block, receipts, facts != null ? facts : explorer.factsFromBody(block, receipts), batch);
            for (RegisteredIndex i : indexes) i.index().stage(block, receipts, batch);
            batch.put(Segment.CHAIN_METADATA, HEAD_KEY, hashKey);
        }
        store.write(batch);
        headers.put(hash, h);
        bodies.put(hash, block.body());
        receiptLists.put(hash, List.copyOf(receipts));
        if (asHead) {
            head = h;
            if (writer == null || accepted.isEmpty())
                tip = h;
        }
    }

    /** The hash that names {@code header} in this store: its chain profile's block hash. */
    public Bytes32 hash(BlockHeader header) {
        return profile.blockHash(header, suite);
    }

    @Override
    public Bytes32 hash(BlockHeader header, CryptoSuite ignored) {
        return hash(header);
    }

    /** Whether a block with this hash is stored, on the canonical chain or on a side branch. */
    public boolean contains(Bytes32 hash) {
        return header(hash).isPresent();
    }

    private void index(Bytes32 hash, long number, List<Transaction> txs, WriteBatch batch) {
        batch.put(Segment.INDEXES, numberKey(number), hash.toBytes());
        for (int i = 0; i < txs.size(); i++) {
            batch.put(Segment.INDEXES, txKey(txs.get(i).hash(suite)), Bytes.wrap(ByteBuffer.allocate(44)
                    .put(hash.unsafeArray()).putLong(number).putInt(i).array()));
        }
    }

    /**
     * Stages the index changes that make the branch ending at {@code newHead}'s parent canonical: the old branch's
     * numbers above the fork point and its transactions are dropped, the new branch's written.
     */
    private void moveIndexesToBranchOf(BlockHeader newHead, WriteBatch batch) {
        List<BlockHeader> branch = new ArrayList<>();
        BlockHeader cursor = header(newHead.parentHash()).orElseThrow();
        while (!hashOf(cursor.number()).map(hash(cursor)::equals).orElse(false)) {
            branch.add(cursor);
            Bytes32 parent = cursor.parentHash();
            cursor = header(parent).orElseThrow(() -> new IllegalStateException("missing ancestor " + parent));
        }
        long forkPoint = cursor.number();
        for (long n = forkPoint + 1; n <= head.number(); n++) {
            Optional<Bytes32> old = hashOf(n);
            if (old.isEmpty())
                continue;
            for (Transaction tx : body(old.get()).map(BlockBody::transactions).orElse(List.of()))
                batch.delete(Segment.INDEXES, txKey(tx.hash(suite)));
            if (n >= explorer.indexedFrom())
                withReceipts(old.get(), (b, r) -> explorer.unstage(b, r, explorer.factsFromBody(b, r), batch));
            for (RegisteredIndex i : indexes) {
                if (n >= i.from)
                    withReceipts(old.get(), (b, r) -> i.index().unstage(b, r, batch));
            }
            if (n >= newHead.number())
                batch.delete(Segment.INDEXES, numberKey(n));
        }
        for (BlockHeader b : branch) {
            Bytes32 hash = hash(b);
            index(hash, b.number(), body(hash).map(BlockBody::transactions).orElse(List.of()), batch);
            withReceipts(hash, (blk, r) -> explorer.stage(blk, r, explorer.factsFromBody(blk, r), batch));
            for (RegisteredIndex i : indexes) withReceipts(hash, (blk, r) -> i.index().stage(blk, r, batch));
        }
    }

    private void withReceipts(Bytes32 hash, java.util.function.BiConsumer<Block, List<Receipt>> action) {
        block(hash).ifPresent(b -> action.accept(b, receipts(hash).orElseThrow()));
    }

    /**
     * Indexes for the explorer up to {@code count} canonical blocks stored before its indexes existed, newest first,
     * each block with the new low end of the indexed range in one batch; returns the new low end (0 when done).
     * Imports wait for a step, and a step for an import, so a block is never indexed from a branch being replaced.
     */
    public long buildExplorerIndexes(int count) {
        for (int i = 0; i < count; i++) {
            synchronized (writes) {
                long next = explorer.indexedFrom() - 1;
                if (next < 0)
                    return 0;
                WriteBatch batch = new WriteBatch();
                hashOf(next).ifPresent(
                        hash -> withReceipts(hash,
                                (b, r) -> explorer.stage(b, r, explorer.factsFromBody(b, r), batch)));
                explorer.stageIndexedFrom(next, batch);
                store.write(batch);
                explorer.indexedFromWritten(next);
            }
        }
        return explorer.indexedFrom();
    }

    /**
     * The lowest block from which the registered index {@code name} is complete: 0 once it covers the whole chain.
     *
     * @throws IllegalArgumentException
     *             when no index of that name is registered
     */
    public long indexedFrom(String name) {
        return indexes.stream().filter(i -> i.index().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no index named " + name)).from;
    }

    /** Whether every registered index covers the whole chain. */
    public boolean indexesComplete() {
        return indexes.stream().allMatch(i -> i.from == 0);
    }

    /**
     * Builds the registered indexes for up to {@code count} older canonical blocks each, newest first, one block per
     * batch with the index's new low end; returns the highest low end left (0 when every index is complete). Imports
     * wait for a step, and a step for an import, as in {@link #buildExplorerIndexes}.
     */
    public long buildIndexes(int count) {
        long left = 0;
        for (RegisteredIndex i : indexes) {
            for (int done = 0; done < count; done++) {
                synchronized (writes) {
                    long next = i.from - 1;
                    if (next < 0)
                        break;
                    WriteBatch batch = new WriteBatch();
                    hashOf(next).ifPresent(hash -> withReceipts(hash, (b, r) -> i.index().stage(b, r, batch)));
                    batch.put(Segment.CHAIN_METADATA, i.fromKey(), Bytes.wrap(ByteBuffer.allocate(8).putLong(next)
                            .array()));
                    store.write(batch);
                    i.from = next;
                }
            }
            left = Math.max(left, i.from);
        }
        return left;
    }

    @Override
    public Optional<BlockHeader> head() {
        return Optional.ofNullable(head);
    }

    @Override
    public Optional<BlockHeader> header(Bytes32 hash) {
        Accepted a = accepted.get(hash);
        if (a != null)
            return Optional.of(a.block.header());
        return headers.get(hash, () -> store.get(Segment.BLOCK_HEADERS, hash.toBytes())
                .map(b -> BlockHeader.decode(b.unsafeArray())));
    }

    /**
     * The canonical block at {@code number}, once the head has reached it: a block's indexes are written before the
     * head moves to it, and a reader that saw them first would find a block above the head it reads next.
     */
    @Override
    public Optional<Bytes32> hashOf(long number) {
        if (number > headNumber())
            return Optional.empty();
        return store.get(Segment.INDEXES, numberKey(number)).map(Bytes32::of);
    }

    /** The head's number, -1 before genesis: what readers may see of the indexes. */
    private long headNumber() {
        BlockHeader h = head;
        return h == null ? -1 : h.number();
    }

    @Override
    public Optional<BlockBody> body(Bytes32 hash) {
        Accepted a = accepted.get(hash);
        if (a != null)
            return Optional.of(a.block.body());
        return bodies.get(hash,
                () -> store.get(Segment.BLOCK_BODIES, hash.toBytes()).map(b -> BlockBody.decode(b.unsafeArray())));
    }

    @Override
    public Optional<List<Receipt>> receipts(Bytes32 blockHash) {
        Accepted a = accepted.get(blockHash);
        if (a != null)
            return Optional.of(a.receipts);
        return receiptLists.get(blockHash,
                () -> store.get(Segment.RECEIPTS, blockHash.toBytes()).map(b -> decodeReceipts(b.unsafeArray())));
    }

    /** Where a transaction is, once the head has reached its block (as for {@link #hashOf}). */
    @Override
    public Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
        long visible = headNumber();
        return store.get(Segment.INDEXES, txKey(transactionHash)).map(b -> {
            ByteBuffer buf = ByteBuffer.wrap(b.unsafeArray());
            byte[] blockHash = new byte[32];
            buf.get(blockHash);
            return new TransactionLocation(Bytes32.wrap(blockHash), buf.getLong(), buf.getInt());
        }).filter(l -> l.blockNumber() <= visible);
    }

    private static Bytes numberKey(long number) {
        return Bytes.wrap(ByteBuffer.allocate(9).put((byte) 'n').putLong(number).array());
    }

    private static Bytes txKey(Bytes32 txHash) {
        return Bytes.wrap(ByteBuffer.allocate(33).put((byte) 't').put(txHash.unsafeArray()).array());
    }

    private static byte[] encodeReceipts(List<byte[]> encodedReceipts) {
        int size = 16;
        for (byte[] r : encodedReceipts) size += r.length + 8;
        RlpWriter w = new RlpWriter(size).startList();
        for (byte[] r : encodedReceipts) w.writeBytes(r);
        return w.endList().toByteArray();
    }

    private static List<Receipt> decodeReceipts(byte[] encoded) {
        RlpReader r = RlpReader.list(encoded);
        List<Receipt> out = new ArrayList<>();
        while (r.hasNext()) out.add(Receipt.decode(r.readBytes()));
        return out;
    }

    /** A block accepted and not written yet, and what is to run once it is. */
    private static final class Accepted {
        private final Block block;
        private final List<Receipt> receipts;
        private List<Runnable> whenWritten = new ArrayList<>();

        Accepted(Block block, List<Receipt> receipts) {
            this.block = block;
            this.receipts = receipts;
        }

        /** Keeps {@code action} for the write; false when the block is written already. */
        synchronized boolean later(Runnable action) {
            if (whenWritten == null)
                return false;
            whenWritten.add(action);
            return true;
        }

        void written() {
            List<Runnable> actions;
            synchronized (this) {
                actions = whenWritten;
                whenWritten = null;
            }
            for (Runnable r : actions) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // what hears of a written block must not stop the blocks after it from being written
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
            }
        }
    }

    /** A registered index and the lowest block from which it is complete. */
    private static final class RegisteredIndex {
        private final BlockIndex index;
        private volatile long from;

        private RegisteredIndex(BlockIndex index, long from) {
            this.index = index;
            this.from = from;
        }

        static RegisteredIndex open(KeyValueStore store, BlockIndex index, long headNumber) {
            if (!index.name().matches("[a-z0-9_]{1,32}"))
                throw new IllegalArgumentException("an index name is 1-32 characters of [a-z0-9_]: " + index.name());
            RegisteredIndex opened = new RegisteredIndex(index, headNumber + 1);
            Optional<Bytes> recorded = store.get(Segment.CHAIN_METADATA, opened.fromKey());
            if (recorded.isPresent())
                opened.from = ByteBuffer.wrap(recorded.get().unsafeArray()).getLong();
            else
                store.put(Segment.CHAIN_METADATA, opened.fromKey(),
                        Bytes.wrap(ByteBuffer.allocate(8).putLong(opened.from).array()));
            return opened;
        }

        BlockIndex index() {
            return index;
        }

        Bytes fromKey() {
            return Bytes.wrap(("index_from_" + index.name()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    /**
     * A small least-recently-used map from block hash to a decoded part. Blocks are immutable once stored, so an entry
     * never goes stale; a miss decodes outside the lock.
     */
    private static final class RecentBlocks<T> {
        private final Map<Bytes32, T> entries;

        RecentBlocks(int capacity) {
            this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Bytes32, T> eldest) {
                    return size() > capacity;
                }
            };
        }

        Optional<T> get(Bytes32 hash, Supplier<Optional<T>> load) {
            synchronized (this) {
                T cached = entries.get(hash);
                if (cached != null) return Optional.of(cached);
            }
            Optional<T> loaded = load.get();
            loaded.ifPresent(v -> put(hash, v));
            return loaded;
        }

        synchronized void put(Bytes32 hash, T value) {
            entries.put(hash, value);
        }
    }
}
