package org.stele.storage;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.stele.common.Bytes;

/**
 * A {@link KeyValueStore} held in sorted maps, for tests and throw-away dev chains. A write lock makes each batch
 * atomic. Snapshots cost nothing to take: while one is open, every write first records the value it replaces in
 * the snapshot's own overlay, so a snapshot costs memory in proportion to the writes made during its life, not to
 * the size of the store.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
    /** Marks, in a snapshot overlay, a key that was absent when the snapshot was taken. */
    private static final Bytes ABSENT = Bytes.wrap(new byte[]{0});

    private final Map<Segment, NavigableMap<Bytes, Bytes>> data = new HashMap<>();
    private final Set<Segment> segments;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<MemorySnapshot> openSnapshots = new LinkedHashSet<>();
    private boolean closed;

    /** A store with the {@linkplain Segment#STANDARD standard segments}. */
    public InMemoryKeyValueStore() {
        this(Segment.STANDARD);
    }

    public InMemoryKeyValueStore(Collection<Segment> segments) {
        Set<Segment> all = new LinkedHashSet<>(segments);
        all.add(Segment.DEFAULT);
        for (Segment s : all)
            data.put(s, new TreeMap<>());
        this.segments = Set.copyOf(all);
    }

    @Override
    public Set<Segment> segments() {
        return segments;
    }

    @Override
    public Optional<Bytes> get(Segment segment, Bytes key) {
        lock.readLock().lock();
        try {
            checkOpen();
            return Optional.ofNullable(map(segment).get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void forEachWithPrefix(Segment segment, Bytes prefix, EntryVisitor visitor) {
        List<Map.Entry<Bytes, Bytes>> entries;
        lock.readLock().lock();
        try {
            checkOpen();
            entries = List.copyOf(tailWithPrefix(map(segment), prefix).entrySet());
        } finally {
            lock.readLock().unlock();
        }
        // Visit outside the lock so a visitor may write to the store.
        for (Map.Entry<Bytes, Bytes> e : entries) {
            if (!visitor.visit(e.getKey(), e.getValue()))
                return;
        }
    }

    @Override
    public void forEachFrom(Segment segment, Bytes prefix, Bytes from, boolean descending, EntryVisitor visitor) {
        List<Map.Entry<Bytes, Bytes>> entries = new java.util.ArrayList<>();
        lock.readLock().lock();
        try {
            checkOpen();
            NavigableMap<Bytes, Bytes> m = map(segment);
            for (Map.Entry<Bytes, Bytes> e : (descending
                    ? m.headMap(from, true).descendingMap()
                    : m.tailMap(from, true)).entrySet()) {
                if (!startsWith(e.getKey(), prefix))
                    break;
                entries.add(Map.entry(e.getKey(), e.getValue()));
            }
        } finally {
            lock.readLock().unlock();
        }
        for (Map.Entry<Bytes, Bytes> e : entries) {
            if (!visitor.visit(e.getKey(), e.getValue()))
                return;
        }
    }

    @Override
    public void write(WriteBatch batch) {
        lock.writeLock().lock();
        try {
            checkOpen();
            for (WriteBatch.Operation op : batch.operations())
                map(op.segment());
            for (WriteBatch.Operation op : batch.operations()) {
                NavigableMap<Bytes, Bytes> m = data.get(op.segment());
                Bytes previous = op.isDelete() ? m.remove(op.key()) : m.put(op.key(), op.value());
                for (MemorySnapshot s : openSnapshots)
                    s.remember(op.segment(), op.key(), previous);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Snapshot snapshot() {
        lock.writeLock().lock();
        try {
            checkOpen();
            MemorySnapshot s = new MemorySnapshot();
            openSnapshots.add(s);
            return s;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            openSnapshots.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private NavigableMap<Bytes, Bytes> map(Segment segment) {
        NavigableMap<Bytes, Bytes> m = data.get(segment);
        if (m == null)
            throw new IllegalArgumentException("unknown segment '" + segment + "'; this store has " + segments);
        return m;
    }

    private void checkOpen() {
        if (closed)
            throw new StorageException("in-memory store is closed");
    }

    private static NavigableMap<Bytes, Bytes> tailWithPrefix(NavigableMap<Bytes, Bytes> m, Bytes prefix) {
        NavigableMap<Bytes, Bytes> out = new TreeMap<>();
        for (Map.Entry<Bytes, Bytes> e : m.tailMap(prefix, true).entrySet()) {
            if (!startsWith(e.getKey(), prefix))
                break;
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    static boolean startsWith(Bytes key, Bytes prefix) {
        if (key.size() < prefix.size())
            return false;
        byte[] k = key.unsafeArray();
        byte[] p = prefix.unsafeArray();
        for (int i = 0; i < p.length; i++)
            if (k[i] != p[i])
                return false;
        return true;
    }

    private final class MemorySnapshot implements Snapshot {
        /** The values that keys had when the snapshot was taken, for keys written since. */
        private final Map<Segment, Map<Bytes, Bytes>> before = new HashMap<>();
        private boolean released;

        /** Called under the store's write lock. The first write to a key since the snapshot wins. */
        void remember(Segment segment, Bytes key, Bytes previous) {
            before.computeIfAbsent(segment, s -> new HashMap<>()).putIfAbsent(key,
                    previous == null ? ABSENT : previous);
        }

        @Override
        public Optional<Bytes> get(Segment segment, Bytes key) {
            lock.readLock().lock();
            try {
                checkUsable();
                Map<Bytes, Bytes> overlay = before.get(segment);
                Bytes old = overlay == null ? null : overlay.get(key);
                if (old != null)
                    return old == ABSENT ? Optional.empty() : Optional.of(old);
                return Optional.ofNullable(map(segment).get(key));
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void forEachWithPrefix(Segment segment, Bytes prefix, EntryVisitor visitor) {
            NavigableMap<Bytes, Bytes> view;
            lock.readLock().lock();
            try {
                checkUsable();
                view = tailWithPrefix(map(segment), prefix);
                Map<Bytes, Bytes> overlay = before.get(segment);
                if (overlay != null) {
                    for (Map.Entry<Bytes, Bytes> e : overlay.entrySet()) {
                        if (!startsWith(e.getKey(), prefix))
                            continue;
                        if (e.getValue() == ABSENT)
                            view.remove(e.getKey());
                        else
                            view.put(e.getKey(), e.getValue());
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
            for (Map.Entry<Bytes, Bytes> e : view.entrySet()) {
                if (!visitor.visit(e.getKey(), e.getValue()))
                    return;
            }
        }

        @Override
        public void close() {
            lock.writeLock().lock();
            try {
                released = true;
                openSnapshots.remove(this);
                before.clear();
            } finally {
                lock.writeLock().unlock();
            }
        }

        private void checkUsable() {
            if (released)
                throw new StorageException("snapshot is closed");
            checkOpen();
        }
    }
}
