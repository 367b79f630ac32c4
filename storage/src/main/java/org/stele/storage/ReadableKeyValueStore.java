package org.stele.storage;

import java.util.Optional;
import org.stele.common.Bytes;

/** Reads shared by a live store and a {@link Snapshot} of it. */
public interface ReadableKeyValueStore {
    /** The value under {@code key}, or empty when there is none. */
    Optional<Bytes> get(Segment segment, Bytes key);

    default boolean containsKey(Segment segment, Bytes key) {
        return get(segment, key).isPresent();
    }

    /**
     * Visits the entries whose key starts with {@code prefix}, in unsigned lexicographic key order, until the
     * visitor returns {@code false}. The visitor may write to the store but must not close it.
     */
    void forEachWithPrefix(Segment segment, Bytes prefix, EntryVisitor visitor);

    /** Receives entries of a scan; returning {@code false} stops it. */
    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(Bytes key, Bytes value);
    }
}
