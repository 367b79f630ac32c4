package org.stele.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.Set;
import org.stele.common.Bytes;
import org.stele.storage.KeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.Snapshot;
import org.stele.storage.WriteBatch;

/**
 * A store that counts the thread CPU time its writes take, in front of another: put around RocksDB it measures what
 * RocksDB's writes cost, put around a cache in front of RocksDB what the writes cost with the cache's own work.
 */
final class WriteCpu implements KeyValueStore {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final KeyValueStore store;
    private long nanos;

    WriteCpu(KeyValueStore store) {
        this.store = store;
    }

    /** The thread CPU time every write so far took, in nanoseconds. */
    long nanos() {
        return nanos;
    }

    @Override
    public void write(WriteBatch batch) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        store.write(batch);
        nanos += THREADS.getCurrentThreadCpuTime() - t0;
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
    public Snapshot snapshot() {
        return store.snapshot();
    }

    @Override
    public void close() {
        store.close();
    }
}
