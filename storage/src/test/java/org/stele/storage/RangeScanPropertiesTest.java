package org.stele.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.stele.common.Bytes;

/**
 * A scan from a key visits, in either direction, exactly the entries of the prefix a sorted map would give from that
 * key, for the in-memory store, RocksDB, and the generic default every other store inherits.
 */
class RangeScanPropertiesTest {
    private static final Segment S = Segment.INDEXES;

    @Property(tries = 300)
    void theInMemoryStoreScansLikeASortedMap(@ForAll @Size(max = 40) List<@Size(max = 3) byte[]> keys,
            @ForAll @Size(max = 1) byte[] prefix, @ForAll @Size(max = 2) byte[] rest, @ForAll boolean descending,
            @ForAll @IntRange(min = 1, max = 50) int limit) {
        try (InMemoryKeyValueStore store = new InMemoryKeyValueStore()) {
            check(store, keys, prefix, rest, descending, limit);
        }
    }

    @Property(tries = 300)
    void theDefaultScanFromTheWholePrefixAgrees(@ForAll @Size(max = 40) List<@Size(max = 3) byte[]> keys,
            @ForAll @Size(max = 1) byte[] prefix, @ForAll @Size(max = 2) byte[] rest, @ForAll boolean descending,
            @ForAll @IntRange(min = 1, max = 50) int limit) {
        try (KeyValueStore store = new DefaultScanStore(new InMemoryKeyValueStore())) {
            check(store, keys, prefix, rest, descending, limit);
        }
    }

    @Property(tries = 40)
    void rocksDbSeeksLikeASortedMap(@ForAll @Size(max = 40) List<@Size(max = 3) byte[]> keys,
            @ForAll @Size(max = 1) byte[] prefix, @ForAll @Size(max = 2) byte[] rest, @ForAll boolean descending,
            @ForAll @IntRange(min = 1, max = 50) int limit) throws IOException {
        Path dir = Files.createTempDirectory("stele-range-scan");
        try (KeyValueStore store = RocksDbKeyValueStore.open(dir)) {
            check(store, keys, prefix, rest, descending, limit);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static void check(KeyValueStore store, List<byte[]> keys, byte[] prefix, byte[] rest, boolean descending,
            int limit) {
        TreeMap<Bytes, Bytes> model = new TreeMap<>();
        for (byte[] k : keys) {
            Bytes key = Bytes.of(k);
            store.put(S, key, key);
            model.put(key, key);
        }
        Bytes p = Bytes.of(prefix);
        byte[] fromBytes = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, fromBytes, 0, prefix.length);
        System.arraycopy(rest, 0, fromBytes, prefix.length, rest.length);
        Bytes from = Bytes.of(fromBytes);

        NavigableMap<Bytes, Bytes> range = descending
                ? model.headMap(from, true).descendingMap()
                : model.tailMap(from, true);
        List<Bytes> expected = range.keySet().stream().filter(k -> startsWith(k, p)).limit(limit).toList();
        List<Bytes> visited = new ArrayList<>();
        store.forEachFrom(S, p, from, descending, (k, v) -> {
            visited.add(k);
            return visited.size() < limit;
        });
        assertThat(visited).containsExactlyElementsOf(expected);
    }

    private static boolean startsWith(Bytes key, Bytes prefix) {
        return InMemoryKeyValueStore.startsWith(key, prefix);
    }
}
