package org.stele.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.stele.common.Bytes;

class InMemorySnapshotPropertiesTest {
    private static final Segment S = Segment.TRIE_NODES;

    @Property(tries = 200)
    void snapshotKeepsTheContentItWasTakenWith(@ForAll @Size(max = 30) List<@Size(max = 3) byte[]> before,
            @ForAll @Size(max = 30) List<@Size(max = 3) byte[]> after) {
        try (InMemoryKeyValueStore store = new InMemoryKeyValueStore()) {
            TreeMap<Bytes, Bytes> model = new TreeMap<>();
            apply(store, before, model);
            TreeMap<Bytes, Bytes> atSnapshot = new TreeMap<>(model);
            try (Snapshot snap = store.snapshot()) {
                apply(store, after, model);
                assertThat(KeyValueStoreContract.entries(snap, S, Bytes.EMPTY)).containsExactlyEntriesOf(atSnapshot);
                assertThat(KeyValueStoreContract.entries(store, S, Bytes.EMPTY)).containsExactlyEntriesOf(model);
                for (Map.Entry<Bytes, Bytes> e : atSnapshot.entrySet())
                    assertThat(snap.get(S, e.getKey())).contains(e.getValue());
            }
        }
    }

    /** Keys of even length are put (value = key); odd length deletes the key minus its last byte. */
    private static void apply(InMemoryKeyValueStore store, List<byte[]> keys, TreeMap<Bytes, Bytes> model) {
        for (byte[] k : keys) {
            if (k.length % 2 == 0) {
                Bytes key = Bytes.of(k);
                store.put(S, key, key);
                model.put(key, key);
            } else {
                Bytes key = Bytes.of(Arrays.copyOf(k, k.length - 1));
                store.delete(S, key);
                model.remove(key);
            }
        }
    }
}
