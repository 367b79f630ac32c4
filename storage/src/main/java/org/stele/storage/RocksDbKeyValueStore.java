package org.stele.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;
import org.stele.common.Bytes;

/**
 * A {@link KeyValueStore} in a RocksDB directory, one column family per {@link Segment}. Batches go through
 * RocksDB's own atomic write batch and, by default, are synced to disk before {@link #write} returns, so a block
 * that was acknowledged survives a crash. Every call checks that the store is still open: using a closed RocksDB
 * handle would crash the JVM, not throw.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final RocksDB db;
    /** Shared block cache across column families. */
    public static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;

    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final Cache cache;
    private final BloomFilter bloomFilter;
    private final WriteOptions writeOptions;
    private final List<ColumnFamilyHandle> handles;
    private final Map<Segment, ColumnFamilyHandle> bySegment;
    /** Each segment's column family id, as RocksDB's serialized batches name families. */
    private final Map<Segment, Integer> familyIds;
    /** Readers hold the read lock for the length of a native call; close takes the write lock. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<RocksSnapshot> openSnapshots = ConcurrentHashMap.newKeySet();
    private boolean closed;

    private RocksDbKeyValueStore(Path directory, RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions,
            Cache cache, BloomFilter bloomFilter, WriteOptions writeOptions, List<ColumnFamilyHandle> handles,
            Map<Segment, ColumnFamilyHandle> bySegment) {
        this.directory = directory;
        this.db = db;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.cache = cache;
        this.bloomFilter = bloomFilter;
        this.writeOptions = writeOptions;
        this.handles = handles;
        this.bySegment = bySegment;
        Map<Segment, Integer> ids = new HashMap<>();
        bySegment.forEach((segment, h) -> ids.put(segment, h.getID()));
        this.familyIds = Map.copyOf(ids);
    }

    /** Opens or creates a store with the {@linkplain Segment#STANDARD standard segments}, syncing every write. */
    public static RocksDbKeyValueStore open(Path directory) {
        return open(directory, Segment.STANDARD, true);
    }

    /**
     * Opens or creates the store in {@code directory}. Column families missing from an existing database are
     * created; families that exist on disk but were not asked for are opened too (RocksDB requires it) and show up
     * in {@link #segments()}.
     *
     * @param syncWrites
     *            whether {@link #write} waits for the write-ahead log to reach the disk; turn off only for data
     *            that can be rebuilt
     * @throws StorageException
     *             when the directory is locked by another process, corrupt, or cannot be created
     */
    public static RocksDbKeyValueStore open(Path directory, Collection<Segment> segments, boolean syncWrites) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StorageException("cannot create database directory " + directory + ": " + e.getMessage(), e);
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(Segment.DEFAULT.name());
        names.addAll(existingFamilies(directory));
        for (Segment s : segments)
            names.add(s.name());

        DBOptions dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        // Trie nodes and headers are read by hash, one key at a time: Bloom filters spare most disk reads for
        // absent keys, and one block cache serves all families.
        Cache cache = new LRUCache(BLOCK_CACHE_BYTES);
        BloomFilter bloomFilter = new BloomFilter(10);
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloomFilter));
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : names)
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db;
        try {
            db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            cfOptions.close();
            bloomFilter.close();
            cache.close();
            dbOptions.close();
            throw translateOpenError(directory, e);
        }
        Map<Segment, ColumnFamilyHandle> bySegment = new HashMap<>();
        int i = 0;
        for (String name : names)
            bySegment.put(new Segment(name), handles.get(i++));
        WriteOptions writeOptions = new WriteOptions().setSync(syncWrites);
        return new RocksDbKeyValueStore(directory, db, dbOptions, cfOptions, cache, bloomFilter, writeOptions, handles,
                bySegment);
    }

    private static List<String> existingFamilies(Path directory) {
        if (!Files.exists(directory.resolve("CURRENT")))
            return List.of();
        try (Options options = new Options()) {
            List<String> out = new ArrayList<>();
            for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString()))
                out.add(new String(name, StandardCharsets.UTF_8));
            return out;
        } catch (RocksDBException e) {
            throw translateOpenError(directory, e);
        }
    }

    private static StorageException translateOpenError(Path directory, RocksDBException e) {
        Status status = e.getStatus();
        Status.Code code = status == null ? null : status.getCode();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.toLowerCase().contains("lock")) {
            return new StorageException("database directory " + directory
                    + " is locked: another process (or another store in this process) has it open (" + msg + ")", e);
        }
        if (code == Status.Code.Corruption) {
            return new StorageException("database in " + directory + " is corrupt: " + msg, e);
        }
        return new StorageException("cannot open database in " + directory + ": " + msg, e);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Set<Segment> segments() {
        return Set.copyOf(bySegment.keySet());
    }

    @Override
    public Optional<Bytes> get(Segment segment, Bytes key) {
        return read(null, segment, key);
    }

    @Override
    public void forEachWithPrefix(Segment segment, Bytes prefix, EntryVisitor visitor) {
        scan(null, segment, prefix, prefix, false, visitor);
    }

    @Override
    public void forEachFrom(Segment segment, Bytes prefix, Bytes from, boolean descending, EntryVisitor visitor) {
        scan(null, segment, prefix, descending || from.compareTo(prefix) >= 0 ? from : prefix, descending, visitor);
    }

    private static void step(RocksIterator it, boolean descending) {
        if (descending)
            it.prev();
        else
            it.next();
    }

    @Override
    public void write(WriteBatch batch) {
        if (batch.isEmpty())
            return;
        lock.readLock().lock();
        try {
            checkOpen();
            // the whole batch crosses into RocksDB in one call, in its own serialized form
            byte[] serialized = RocksBatchFormat.encode(batch.operations(), this::familyId);
            try (org.rocksdb.WriteBatch wb = new org.rocksdb.WriteBatch(serialized)) {
                db.write(writeOptions, wb);
            } catch (RocksDBException e) {
                throw new StorageException("write of " + batch.size() + " operations to " + directory + " failed: "
                        + e.getMessage(), e);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Snapshot snapshot() {
        lock.readLock().lock();
        try {
            checkOpen();
            org.rocksdb.Snapshot s = db.getSnapshot();
            RocksSnapshot snapshot = new RocksSnapshot(s, new ReadOptions().setSnapshot(s));
            openSnapshots.add(snapshot);
            return snapshot;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed)
                return;
            for (RocksSnapshot s : List.copyOf(openSnapshots))
                s.release();
            closed = true;
            for (ColumnFamilyHandle h : handles)
                h.close();
            db.close();
            writeOptions.close();
            cfOptions.close();
            bloomFilter.close();
            cache.close();
            dbOptions.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Optional<Bytes> read(RocksSnapshot snapshot, Segment segment, Bytes key) {
        lock.readLock().lock();
        try {
            checkOpen();
            ColumnFamilyHandle h = handle(segment);
            byte[] v;
            if (snapshot == null) {
                v = db.get(h, key.unsafeArray());
            } else {
                snapshot.checkUsable();
                v = db.get(h, snapshot.readOptions, key.unsafeArray());
            }
            return v == null ? Optional.empty() : Optional.of(Bytes.wrap(v));
        } catch (RocksDBException e) {
            throw new StorageException("read from " + directory + " failed: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Visits while iterating, under the read lock, so a scan over a large segment does not load it into memory. The
     * iterator reads a consistent view, so a visitor may write to the store; it must not close it.
     */
    private void scan(RocksSnapshot snapshot, Segment segment, Bytes prefix, Bytes from, boolean descending,
            EntryVisitor visitor) {
        lock.readLock().lock();
        try {
            checkOpen();
            ColumnFamilyHandle h = handle(segment);
            if (snapshot != null)
                snapshot.checkUsable();
            try (RocksIterator it = snapshot == null ? db.newIterator(h) : db.newIterator(h, snapshot.readOptions)) {
                if (descending)
                    it.seekForPrev(from.unsafeArray());
                else
                    it.seek(from.unsafeArray());
                for (; it.isValid(); step(it, descending)) {
                    Bytes k = Bytes.wrap(it.key());
                    if (!InMemoryKeyValueStore.startsWith(k, prefix) || !visitor.visit(k, Bytes.wrap(it.value())))
                        break;
                }
                it.status();
            } catch (RocksDBException e) {
                throw new StorageException("scan of " + directory + " failed: " + e.getMessage(), e);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private int familyId(Segment segment) {
        Integer id = familyIds.get(segment);
        if (id == null)
            throw new IllegalArgumentException("unknown segment '" + segment + "'; this store has " + segments());
        return id;
    }

    private ColumnFamilyHandle handle(Segment segment) {
        ColumnFamilyHandle h = bySegment.get(segment);
        if (h == null)
            throw new IllegalArgumentException("unknown segment '" + segment + "'; this store has " + segments());
        return h;
    }

    private void checkOpen() {
        if (closed)
            throw new StorageException("RocksDB store " + directory + " is closed");
    }

    private final class RocksSnapshot implements Snapshot {
        private final org.rocksdb.Snapshot snapshot;
        private final ReadOptions readOptions;
        private volatile boolean released;

        RocksSnapshot(org.rocksdb.Snapshot snapshot, ReadOptions readOptions) {
            this.snapshot = snapshot;
            this.readOptions = readOptions;
        }

        @Override
        public Optional<Bytes> get(Segment segment, Bytes key) {
            return read(this, segment, key);
        }

        @Override
        public void forEachWithPrefix(Segment segment, Bytes prefix, EntryVisitor visitor) {
            scan(this, segment, prefix, prefix, false, visitor);
        }

        void checkUsable() {
            if (released)
                throw new StorageException("snapshot of " + directory + " is closed");
        }

        @Override
        public void close() {
            lock.writeLock().lock();
            try {
                if (!closed)
                    release();
            } finally {
                lock.writeLock().unlock();
            }
        }

        /** Called with the write lock held. */
        void release() {
            if (released)
                return;
            released = true;
            openSnapshots.remove(this);
            readOptions.close();
            db.releaseSnapshot(snapshot);
        }
    }
}
