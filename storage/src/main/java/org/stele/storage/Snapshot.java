package org.stele.storage;

/**
 * A consistent, read-only view of a store as it was when the snapshot was taken: writes made afterwards are not
 * visible through it. Close it to release what it pins (RocksDB keeps the old versions alive until then).
 */
public interface Snapshot extends ReadableKeyValueStore, AutoCloseable {
    @Override
    void close();
}
