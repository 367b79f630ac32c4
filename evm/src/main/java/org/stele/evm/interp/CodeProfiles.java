package org.stele.evm.interp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.stele.common.Bytes32;
import org.stele.common.Fork;

/**
 * The {@link CodeProfile}s of the contracts this JVM has run, by fork and code hash, so that a contract's hot segments
 * are compiled once and not again for every transaction or every {@link Interpreter}. Bounded by the bytes the
 * profiles hold (about 32 MiB): a profile evicted is built again, from zero hits, the next time its code runs.
 */
final class CodeProfiles {
    /**
     * Visits to a JUMPDEST before the segment after it is compiled ({@code -Dstele.evm.segmentThreshold}): 0 compiles
     * at the first visit, a negative value turns compiled segments off.
     */
    static final int THRESHOLD = Integer.getInteger("stele.evm.segmentThreshold", 32);
    /** About this many bytes of code and counters in all, whatever the contracts' sizes. */
    private static final long MAX_BYTES = 32L << 20;

    /**
     * {@code equals} and {@code hashCode} written out: the record's generated ones go through {@code ObjectMethods}'
     * method-handle tree, which C2 parses again wherever the cache's lookup is inlined.
     */
    private record Key(Fork fork, Bytes32 codeHash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && fork == k.fork && codeHash.equals(k.codeHash);
        }

        @Override
        public int hashCode() {
            return fork.hashCode() * 31 + codeHash.hashCode();
        }
    }

    private static final Cache<Key, CodeProfile> PROFILES = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .<Key, CodeProfile>weigher((k, p) -> p.bytes()).build();

    private CodeProfiles() {
    }

    /** The profile of {@code code}, whose hash is {@code codeHash}, under {@code fork}; null when compiling is off. */
    static CodeProfile of(Fork fork, Bytes32 codeHash, byte[] code, SegmentCompiler compiler) {
        if (THRESHOLD < 0)
            return null;
        return PROFILES.get(new Key(fork, codeHash), k -> new CodeProfile(code, compiler, THRESHOLD));
    }
}
