package org.stele.storage;

import java.util.Optional;
import java.util.Set;
import org.stele.common.Bytes;

/**
 * A store that passes every call to another one. Wrappers that change one or two calls (a view that serves some keys
 * ahead of the store, a benchmark's counter of write time, a test's gate on writes) extend it and override only what
 * they change, so a call the store interface gains later is forwarded by all of them, scans included.
 */
public class ForwardingKeyValueStore implements KeyValueStore {
    private final KeyValueStore store;

    public ForwardingKeyValueStore(KeyValueStore store) {
        this.store = java.util.Objects.requireNonNull(store, "store");
    }

    /** The store every call goes to. */
    protected final KeyValueStore store() {
        return store;
    }

    @Override
    public Optional<Bytes> get(Segment segment, Bytes key) {
        return store.get(segment, key);
    }

    @Override
    public void forEachWithPrefix(Segment segment, Bytes prefix, EntryVisitor visitor) {
        store.forEachWithPrefix(segment, prefix, visitor);
    }

    @Override
    public void forEachFrom(Segment segment, Bytes prefix, Bytes from, boolean descending, EntryVisitor visitor) {
        store.forEachFrom(segment, prefix, from, descending, visitor);
    }

    @Override
    public Set<Segment> segments() {
        return store.segments();
    }

    @Override
    public void write(WriteBatch batch) {
        store.write(batch);
    }

    @Override
    public Snapshot snapshot() {
        return store.snapshot();
    }

    @Override
    public void close() {
        store.close();
    }
}
