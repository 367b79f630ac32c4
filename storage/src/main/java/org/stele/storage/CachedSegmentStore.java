package org.stele.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stele.common.Bytes;

/**
 * A store that keeps the recently read and written entries of some segments in memory, in front of another store. It
 * is meant for content-addressed segments such as {@link Segment#TRIE_NODES} and {@link Segment#CODE}, whose values
 * never change under a key (the key is the value's hash): every state read walks the trie from its root, and without
 * it each step would be a native call into RocksDB. Entries are bounded by their total size and evicted by Caffeine's frequency-aware policy.
 * Writes go to the store first and reach the cache only once they are durable; deletes evict.
 */
public final class CachedSegmentStore implements KeyValueStore {
    /** What one cached entry costs beyond its key and value bytes (objects and the cache's own node). */
    private static final int ENTRY_OVERHEAD = 96;

    private final KeyValueStore store;
    private final Set<Segment> cached;
    private final Cache<Key, Bytes> cache;

    private record Key(Segment segment, Bytes key) {}

    /**
     * @param store the store that holds everything
     * @param cached the segments to cache; their values must never change under a key
     * @param maxBytes the most key and value bytes to keep in memory, over all cached segments
     */
    public CachedSegmentStore(KeyValueStore store, Set<Segment> cached, long maxBytes) {
        this.store = Objects.requireNonNull(store, "store");
        this.cached = Set.copyOf(cached);
        for (Segment s : this.cached)
            if (!store.segments().contains(s))
                throw new IllegalArgumentException("the store has no segment " + s);
        if (maxBytes <= 0)
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Bytes v) -> k.key().size() + v.size() + ENTRY_OVERHEAD).build();
    }

    @Override
    public Optional<Bytes> get(Segment s, Bytes key) {
        if (!cached.contains(s))
            return store.get(s, key);
        Key k = new Key(s, key);
        Bytes hit = cache.getIfPresent(k);
        if (hit != null)
            return Optional.of(hit);
        Optional<Bytes> loaded = store.get(s, key);
        loaded.ifPresent(v -> cache.put(k, v));
        return loaded;
    }

    @Override
    public void forEachWithPrefix(Segment s, Bytes prefix, EntryVisitor visitor) {
        store.forEachWithPrefix(s, prefix, visitor);
    }

    @Override
    public void forEachFrom(Segment s, Bytes prefix, Bytes from, boolean descending, EntryVisitor visitor) {
        store.forEachFrom(s, prefix, from, descending, visitor);
    }

    @Override
    public Set<Segment> segments() {
        return store.segments();
    }

    @Override
    public void write(WriteBatch batch) {
        store.write(batch);
        for (WriteBatch.Operation op : batch.operations()) {
            if (!cached.contains(op.segment()))
                continue;
            if (op.isDelete())
                cache.invalidate(new Key(op.segment(), op.key()));
            else
                cache.put(new Key(op.segment(), op.key()), op.value());
        }
    }

    /** The underlying store's snapshot, read without the cache (snapshots serve rare, consistent scans). */
    @Override
    public Snapshot snapshot() {
        return store.snapshot();
    }

    @Override
    public void close() {
        cache.invalidateAll();
        store.close();
    }
}
