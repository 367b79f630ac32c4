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

    /**
     * Visits the entries whose key starts with {@code prefix}, beginning at {@code from} (which should itself start with
     * the prefix): upwards from the first key at or after it, or with {@code descending} downwards from the last key at
     * or before it, until the visitor returns {@code false}. Indexes keyed by big-endian numbers use this to page
     * newest-first or oldest-first from any point with one seek. This default scans the whole prefix; stores override
     * it with a real seek.
     */
    default void forEachFrom(Segment segment, Bytes prefix, Bytes from, boolean descending, EntryVisitor visitor) {
        if (!descending) {
            forEachWithPrefix(segment, prefix,
                    (k, v) -> k.compareTo(from) < 0 || visitor.visit(k, v));
            return;
        }
        java.util.ArrayDeque<java.util.Map.Entry<Bytes, Bytes>> below = new java.util.ArrayDeque<>();
        forEachWithPrefix(segment, prefix, (k, v) -> {
            if (k.compareTo(from) > 0)
                return false;
            below.push(java.util.Map.entry(k, v));
            return true;
        });
        for (java.util.Map.Entry<Bytes, Bytes> e : below) {
            if (!visitor.visit(e.getKey(), e.getValue()))
                return;
        }
    }

    /** Receives entries of a scan; returning {@code false} stops it. */
    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(Bytes key, Bytes value);
    }
}
