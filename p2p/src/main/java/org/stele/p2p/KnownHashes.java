package org.stele.p2p;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stele.common.Bytes32;

/**
 * The transaction hashes one peer is known to have (it sent them, or we did), the most recent {@code capacity} of
 * them: gossip skips these, so a transaction (in full or as an announced hash) crosses each link at most once while
 * it is remembered.
 */
final class KnownHashes {
    private final Map<Bytes32, Boolean> hashes;

    KnownHashes(int capacity) {
        this.hashes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes32, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Marks {@code hash} known; true when it was not known before. */
    synchronized boolean add(Bytes32 hash) {
        return hashes.put(hash, Boolean.TRUE) == null;
    }

    /** Forgets {@code hash}; true when it was remembered. */
    synchronized boolean remove(Bytes32 hash) {
        return hashes.remove(hash) != null;
    }
}
