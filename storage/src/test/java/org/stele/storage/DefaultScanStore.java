package org.stele.storage;

import java.util.Optional;
import java.util.Set;
import org.stele.common.Bytes;

/**
 * Passes to another store only the calls the interface requires, so its ranged scans are the interface's defaults
 * (over the whole prefix), which a property compares with the stores' own seeks. {@link ForwardingKeyValueStore}
 * forwards the scans too, so it would not test the defaults.
 */
class DefaultScanStore implements KeyValueStore {
    private final KeyValueStore store;

    DefaultScanStore(KeyValueStore store) {
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
