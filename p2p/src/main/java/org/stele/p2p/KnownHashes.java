package org.stele.p2p;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stele.common.Bytes;

/**
 * The transaction hashes one peer is known to have (it sent them, or we did), the most recent {@code capacity} of
 * them: gossip skips these, so a transaction crosses each link at most once while it is remembered.
 */
final class KnownHashes {
    private final Map<Bytes, Boolean> hashes;

    KnownHashes(int capacity) {
        this.hashes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Marks {@code hash} known; true when it was not known before. */
    synchronized boolean add(Bytes hash) {
        return hashes.put(hash, Boolean.TRUE) == null;
    }
}
