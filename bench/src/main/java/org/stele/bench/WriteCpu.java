package org.stele.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.stele.storage.ForwardingKeyValueStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.WriteBatch;

/**
 * A store that counts the thread CPU time its writes take, in front of another: put around RocksDB it measures what
 * RocksDB's writes cost, put around a cache in front of RocksDB what the writes cost with the cache's own work.
 */
final class WriteCpu extends ForwardingKeyValueStore {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long nanos;

    WriteCpu(KeyValueStore store) {
        super(store);
    }

    /** The thread CPU time every write so far took, in nanoseconds. */
    long nanos() {
        return nanos;
    }

    @Override
    public void write(WriteBatch batch) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        super.write(batch);
        nanos += THREADS.getCurrentThreadCpuTime() - t0;
    }
}
