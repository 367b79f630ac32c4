package org.stele.storage;

import java.util.Optional;
import java.util.Set;
import org.stele.common.Bytes;

/** Passes every call to another store; tests override the calls they watch. */
class ForwardingStore implements KeyValueStore {
    private final KeyValueStore store;

    ForwardingStore(KeyValueStore store) {
        this.store = store;
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
