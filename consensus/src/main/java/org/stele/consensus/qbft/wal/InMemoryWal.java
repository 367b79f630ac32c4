package org.stele.consensus.qbft.wal;

import java.util.ArrayList;
import java.util.List;

/**
 * A WAL in memory, for simulations: it plays the disk, so a simulated crash discards the engine and keeps this,
 * and everything that was not appended is lost.
 */
public final class InMemoryWal implements Wal {
    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void append(long height, byte[] record) {
        entries.add(new Entry(height, record.clone()));
    }

    @Override
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Loses the records {@code lost} selects: how a simulation models a validator that forgets what it logged. */
    public void forget(java.util.function.Predicate<byte[]> lost) {
        entries.removeIf(e -> lost.test(e.record()));
    }

    @Override
    public void pruneBelow(long height) {
        entries.removeIf(e -> e.height() < height);
    }
}
