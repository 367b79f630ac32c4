package org.stele.storage;

import java.util.Set;
import org.stele.common.Bytes;

/**
 * A byte-keyed store with named {@link Segment}s. Single puts and deletes are for convenience; anything that must
 * land together (a block, its state and its indexes) goes through one {@link WriteBatch}, which is applied all or
 * nothing. Implementations are safe for concurrent use.
 */
public interface KeyValueStore extends ReadableKeyValueStore, AutoCloseable {
    /** The segments this store was opened with; using any other is an {@link IllegalArgumentException}. */
    Set<Segment> segments();

    default void put(Segment segment, Bytes key, Bytes value) {
        write(new WriteBatch().put(segment, key, value));
    }

    default void delete(Segment segment, Bytes key) {
        write(new WriteBatch().delete(segment, key));
    }

    /** Applies every operation of the batch atomically, in order: readers see all of it or none of it. */
    void write(WriteBatch batch);

    /** A consistent read-only view as of now. */
    Snapshot snapshot();

    @Override
    void close();
}
