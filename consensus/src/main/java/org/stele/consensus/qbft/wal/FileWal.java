package org.stele.consensus.qbft.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A WAL in one file. Each record is {@code length (4) | height (8) | bytes | crc32 (4)} and is forced to disk before
 * {@link #append} returns. On open, a torn or corrupt tail (a crash in the middle of a write) is cut off: a record
 * that was not completely written was never sent, so losing it is safe. Pruning rewrites the file to a temporary one
 * and renames it over the old one atomically.
 */
public final class FileWal implements Wal, AutoCloseable {
    /** Largest record accepted, on append and when reading the file back. */
    public static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final int OVERHEAD = 4 + 8 + 4;

    private final Path path;
    private FileChannel channel;
    private final List<Entry> entries = new ArrayList<>();

    public FileWal(Path path) {
        this.path = path;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long good = readAll();
            if (good < channel.size()) {
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open WAL " + path, e);
        }
    }

    private long readAll() throws IOException {
        long size = channel.size();
        long pos = 0;
        ByteBuffer head = ByteBuffer.allocate(12);
        while (pos + OVERHEAD <= size) {
            head.clear();
            channel.read(head, pos);
            head.flip();
            int len = head.getInt();
            long height = head.getLong();
            if (len < 0 || len > MAX_RECORD || pos + OVERHEAD + len > size)
                break;
            ByteBuffer body = ByteBuffer.allocate(len + 4);
            channel.read(body, pos + 12);
            body.flip();
            byte[] record = new byte[len];
            body.get(record);
            int crc = body.getInt();
            if (crc != crc(height, record))
                break;
            entries.add(new Entry(height, record));
            pos += OVERHEAD + len;
        }
        return pos;
    }

    private static int crc(long height, byte[] record) {
        CRC32 c = new CRC32();
        c.update(ByteBuffer.allocate(8).putLong(height).array());
        c.update(record);
        return (int) c.getValue();
    }

    private static ByteBuffer frame(long height, byte[] record) {
        ByteBuffer b = ByteBuffer.allocate(OVERHEAD + record.length);
        b.putInt(record.length).putLong(height).put(record).putInt(crc(height, record));
        b.flip();
        return b;
    }

    @Override
    public synchronized void append(long height, byte[] record) {
        if (record.length > MAX_RECORD)
            throw new IllegalArgumentException("WAL record of " + record.length + " bytes exceeds " + MAX_RECORD);
        try {
            ByteBuffer b = frame(height, record);
            while (b.hasRemaining())
                channel.write(b);
            channel.force(false);
            entries.add(new Entry(height, record.clone()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to WAL " + path, e);
        }
    }

    @Override
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void pruneBelow(long height) {
        if (entries.stream().noneMatch(e -> e.height() < height))
            return;
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Entry e : entries)
                if (e.height() >= height) {
                    ByteBuffer b = frame(e.height(), e.record());
                    while (b.hasRemaining())
                        out.write(b);
                }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune WAL " + path, e);
        }
        try {
            channel.close();
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.position(channel.size());
            entries.removeIf(e -> e.height() < height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace WAL " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
