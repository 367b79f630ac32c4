package org.stele.trie;

import java.util.Objects;
import java.util.Optional;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.ReadableKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;

/**
 * Where trie nodes live: one {@link Segment} of a key-value store, node hash → node RLP. Content addressing lets
 * every trie (world state, each account's storage, transactions, receipts) share one segment. A store opened over a
 * {@link org.stele.storage.Snapshot} reads a consistent past state and cannot write.
 */
public final class NodeStore {
    private final ReadableKeyValueStore reader;
    private final KeyValueStore writer;
    private final Segment segment;

    private NodeStore(ReadableKeyValueStore reader, KeyValueStore writer, Segment segment) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = writer;
        this.segment = Objects.requireNonNull(segment, "segment");
    }

    /** Nodes in {@link Segment#TRIE_NODES} of {@code store}. */
    public static NodeStore of(KeyValueStore store) {
        return of(store, Segment.TRIE_NODES);
    }

    public static NodeStore of(KeyValueStore store, Segment segment) {
        return new NodeStore(store, store, segment);
    }

    /** A store that can only read, for example from a snapshot. */
    public static NodeStore readOnly(ReadableKeyValueStore reader, Segment segment) {
        return new NodeStore(reader, null, segment);
    }

    /** A fresh in-memory store, for tests and for tries that are only ever hashed. */
    public static NodeStore inMemory() {
        return of(new InMemoryKeyValueStore());
    }

    public Segment segment() {
        return segment;
    }

    public Optional<Bytes> load(Bytes32 hash) {
        return reader.get(segment, Bytes.wrap(hash.unsafeArray()));
    }

    void stage(WriteBatch batch, Bytes32 hash, byte[] encoded) {
        batch.put(segment, Bytes.wrap(hash.unsafeArray()), Bytes.wrap(encoded));
    }

    void write(WriteBatch batch) {
        if (writer == null)
            throw new IllegalStateException("this node store is read-only; commit into a WriteBatch instead");
        writer.write(batch);
    }
}
