package org.stele.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.Set;
import org.stele.common.Bytes;

/**
 * A store that keeps the recently read and written entries of some segments in memory, in front of another store. It
 * is meant for content-addressed segments such as {@link Segment#TRIE_NODES} and {@link Segment#CODE}, whose values
 * never change under a key (the key is the value's hash): every state read walks the trie from its root, and without
 * it each step would be a native call into RocksDB. Writes go to the store first and reach the cache only once they
 * are durable; deletes evict.
 * <p>
 * Small entries (trie nodes: at most {@link #SMALL_ENTRY_BYTES} of key and value together) sit in a direct-mapped
 * table: the key's hash picks the slot, and a new entry replaces whatever its slot held. A block writes thousands of
 * trie nodes, and a put here is one array store, where a put into a frequency-aware cache (Caffeine, which held every
 * entry before) cost about a quarter of the block's whole write: a map insert, a policy update and an eviction per
 * node. The price: two hot nodes whose keys share a slot push each other out, and each is then read once more from
 * the store below. Larger entries (contract code) are few and seldom written, and keep Caffeine's policy. Memory
 * stays within {@code maxBytes}: the table has as many slots as entries of the largest small size fit in its share.
 */
public final class CachedSegmentStore extends ForwardingKeyValueStore {
    /** What one cached entry costs beyond its key and value bytes (the entry, its two wrappers, their arrays). */
    private static final int ENTRY_OVERHEAD = 112;
    /**
     * The most key and value bytes, together, an entry of the table holds: a full branch node (16 child hashes and a
     * value) is about 535 bytes under its 32-byte key.
     */
    static final int SMALL_ENTRY_BYTES = 640;
    /** The table's share of {@code maxBytes}, in eighths; the rest bounds the large entries. */
    private static final int TABLE_EIGHTHS = 7;

    private final Set<Segment> cached;
    private final Segment[] cachedSegments;
    private final Entry[] table;
    private final int mask;
    private final Cache<Key, Bytes> large;

    private record Key(Segment segment, Bytes key) {}

    /** An entry of the table. Immutable, so a reader on another thread sees it whole or not at all. */
    private record Entry(Segment segment, Bytes key, Bytes value) {
        boolean holds(Segment s, Bytes k) {
            return key.equals(k) && segment.equals(s);
        }
    }

    /**
     * @param store the store that holds everything
     * @param cached the segments to cache; their values must never change under a key
     * @param maxBytes the most key and value bytes to keep in memory, over all cached segments
     */
    public CachedSegmentStore(KeyValueStore store, Set<Segment> cached, long maxBytes) {
        super(store);
        this.cached = Set.copyOf(cached);
        this.cachedSegments = this.cached.toArray(Segment[]::new);
        for (Segment s : this.cached)
            if (!store.segments().contains(s))
                throw new IllegalArgumentException("the store has no segment " + s);
        if (maxBytes <= 0)
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        long fit = maxBytes / 8 * TABLE_EIGHTHS / (ENTRY_OVERHEAD + SMALL_ENTRY_BYTES);
        int slots = (int) Math.max(1, Long.highestOneBit(Math.min(fit, 1L << 30)));
        this.table = new Entry[slots];
        this.mask = slots - 1;
        long largeBytes = Math.max(1, maxBytes - (long) slots * (ENTRY_OVERHEAD + SMALL_ENTRY_BYTES));
        this.large = Caffeine.newBuilder().maximumWeight(largeBytes)
                .weigher((Key k, Bytes v) -> k.key().size() + v.size() + ENTRY_OVERHEAD).build();
    }

    @Override
    public Optional<Bytes> get(Segment s, Bytes key) {
        if (!isCached(s))
            return super.get(s, key);
        Entry e = table[slot(s, key)];
        if (e != null && e.holds(s, key))
            return Optional.of(e.value());
        Bytes hit = large.getIfPresent(new Key(s, key));
        if (hit != null)
            return Optional.of(hit);
        Optional<Bytes> loaded = super.get(s, key);
        loaded.ifPresent(v -> keep(s, key, v));
        return loaded;
    }

    @Override
    public void write(WriteBatch batch) {
        super.write(batch);
        for (WriteBatch.Operation op : batch.operations()) {
            Segment s = op.segment();
            if (!isCached(s))
                continue;
            if (op.isDelete())
                evict(s, op.key());
            else
                keep(s, op.key(), op.value());
        }
    }

    private void keep(Segment s, Bytes key, Bytes value) {
        if (key.size() + value.size() <= SMALL_ENTRY_BYTES)
            table[slot(s, key)] = new Entry(s, key, value);
        else
            large.put(new Key(s, key), value);
    }

    private void evict(Segment s, Bytes key) {
        int slot = slot(s, key);
        Entry e = table[slot];
        if (e != null && e.holds(s, key))
            table[slot] = null;
        large.invalidate(new Key(s, key));
    }

    /** Whether {@code s} is cached; segments are mostly the same constants, so identity answers first. */
    private boolean isCached(Segment s) {
        for (Segment c : cachedSegments)
            if (c == s)
                return true;
        return cached.contains(s);
    }

    private int slot(Segment s, Bytes key) {
        int h = (key.hashCode() + 31 * s.hashCode()) * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** The underlying store's snapshot, read without the cache (snapshots serve rare, consistent scans). */
    @Override
    public Snapshot snapshot() {
        return super.snapshot();
    }

    @Override
    public void close() {
        java.util.Arrays.fill(table, null);
        large.invalidateAll();
        super.close();
    }
}
