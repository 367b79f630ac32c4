package org.stele.execution.chainstore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stele.common.Bytes;
import org.stele.storage.ForwardingKeyValueStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;

/**
 * The store as the chain's next blocks read their states: the store itself, and the trie nodes and code of blocks that
 * were accepted but are still on their way to it (written behind by {@link KeyValueBlockStore}). Only those two
 * segments are served ahead of the store, because they are content-addressed: a key is the hash of its value, so a
 * value seen early is the value the store will hold, and a node or code that no state root reaches yet is never read.
 * Everything else (headers, indexes, the head) is read from the store only, so nothing here moves what clients see.
 * Entries are dropped once their batch is written; a key in two pending batches has one value, so dropping it after
 * the first is written leaves it readable from the store.
 */
final class PendingState extends ForwardingKeyValueStore {
    private final Map<Bytes, Bytes> nodes = new ConcurrentHashMap<>();
    private final Map<Bytes, Bytes> code = new ConcurrentHashMap<>();

    PendingState(KeyValueStore store) {
        super(store);
    }

    /** Makes {@code batch}'s trie nodes and code readable before the batch is written. */
    void expose(WriteBatch batch) {
        for (WriteBatch.Operation op : batch.operations()) {
            Map<Bytes, Bytes> pending = pendingOf(op.segment());
            if (pending == null)
                continue;
            if (op.isDelete())
                throw new IllegalArgumentException("a batch written behind deletes " + op.segment()
                        + ", which is content-addressed: only additions can be read ahead of the store");
            pending.put(op.key(), op.value());
        }
    }

    /** Drops {@code batch}'s trie nodes and code, which the store now holds. */
    void written(WriteBatch batch) {
        for (WriteBatch.Operation op : batch.operations()) {
            Map<Bytes, Bytes> pending = pendingOf(op.segment());
            if (pending != null)
                pending.remove(op.key());
        }
    }

    private Map<Bytes, Bytes> pendingOf(Segment segment) {
        if (segment.equals(Segment.TRIE_NODES))
            return nodes;
        return segment.equals(Segment.CODE) ? code : null;
    }

    @Override
    public Optional<Bytes> get(Segment segment, Bytes key) {
        Map<Bytes, Bytes> pending = pendingOf(segment);
        if (pending != null && !pending.isEmpty()) {
            Bytes value = pending.get(key);
            if (value != null)
                return Optional.of(value);
        }
        return super.get(segment, key);
    }

    /** The store is the block store's owner's to close. */
    @Override
    public void close() {
    }
}
