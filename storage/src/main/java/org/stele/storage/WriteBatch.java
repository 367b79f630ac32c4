package org.stele.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.stele.common.Bytes;

/**
 * Writes collected in memory and applied by {@link KeyValueStore#write} all at once. A batch is a plain value,
 * independent of any store, so that several components (state trie, block store, indexes) can add to the same
 * batch before it is written. Later operations on a key override earlier ones.
 */
public final class WriteBatch {
    /** One write; {@code value == null} means delete. */
    public record Operation(Segment segment, Bytes key, Bytes value) {
        public Operation {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(key, "key");
        }

        public boolean isDelete() {
            return value == null;
        }
    }

    private final List<Operation> operations = new ArrayList<>();

    public WriteBatch put(Segment segment, Bytes key, Bytes value) {
        Objects.requireNonNull(value, "value");
        operations.add(new Operation(segment, key, value));
        return this;
    }

    public WriteBatch delete(Segment segment, Bytes key) {
        operations.add(new Operation(segment, key, null));
        return this;
    }

    /** Appends every operation of {@code other}, keeping their order. */
    public WriteBatch putAll(WriteBatch other) {
        operations.addAll(other.operations);
        return this;
    }

    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    public int size() {
        return operations.size();
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
