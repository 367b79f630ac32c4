package org.stele.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;

/** The behaviour every {@link KeyValueStore} must have; each implementation runs it through a subclass. */
abstract class KeyValueStoreContract {
    static final Segment A = Segment.TRIE_NODES;
    static final Segment B = Segment.BLOCK_HEADERS;

    KeyValueStore store;

    abstract KeyValueStore createStore();

    @BeforeEach
    void open() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Bytes b(String hex) {
        return Bytes.fromHex(hex);
    }

    @Test
    void missingKeyReadsAsEmpty() {
        assertThat(store.get(A, b("01"))).isEmpty();
        assertThat(store.containsKey(A, b("01"))).isFalse();
    }

    @Test
    void putValueCanBeReadBack() {
        store.put(A, b("01"), b("aabb"));
        assertThat(store.get(A, b("01"))).contains(b("aabb"));
        assertThat(store.containsKey(A, b("01"))).isTrue();
    }

    @Test
    void putOverwritesThePreviousValue() {
        store.put(A, b("01"), b("aa"));
        store.put(A, b("01"), b("bb"));
        assertThat(store.get(A, b("01"))).contains(b("bb"));
    }

    @Test
    void emptyValueIsStoredAndDistinctFromAbsence() {
        store.put(A, b("01"), Bytes.EMPTY);
        assertThat(store.get(A, b("01"))).contains(Bytes.EMPTY);
    }

    @Test
    void deleteRemovesTheKeyAndIgnoresMissingKeys() {
        store.put(A, b("01"), b("aa"));
        store.delete(A, b("01"));
        store.delete(A, b("02"));
        assertThat(store.get(A, b("01"))).isEmpty();
    }

    @Test
    void segmentsAreSeparateKeySpaces() {
        store.put(A, b("01"), b("aa"));
        store.put(B, b("01"), b("bb"));
        assertThat(store.get(A, b("01"))).contains(b("aa"));
        assertThat(store.get(B, b("01"))).contains(b("bb"));
        store.delete(A, b("01"));
        assertThat(store.get(B, b("01"))).contains(b("bb"));
    }

    @Test
    void standardSegmentsAreAvailable() {
        assertThat(store.segments()).containsAll(Segment.STANDARD);
    }

    @Test
    void unknownSegmentIsRejected() {
        Segment other = new Segment("not_opened");
        assertThatThrownBy(() -> store.get(other, b("01"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not_opened");
    }

    @Test
    void batchAppliesItsOperationsInOrder() {
        store.put(A, b("03"), b("33"));
        store.write(new WriteBatch().put(A, b("01"), b("11")).put(B, b("02"), b("22")).put(A, b("04"), b("44"))
                .delete(A, b("04")).delete(A, b("03")));
        assertThat(store.get(A, b("01"))).contains(b("11"));
        assertThat(store.get(B, b("02"))).contains(b("22"));
        assertThat(store.get(A, b("03"))).isEmpty();
        assertThat(store.get(A, b("04"))).isEmpty();
    }

    @Test
    void batchWithAnUnknownSegmentWritesNothing() {
        WriteBatch batch = new WriteBatch().put(A, b("01"), b("11")).put(new Segment("not_opened"), b("02"), b("22"));
        assertThatThrownBy(() -> store.write(batch)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(A, b("01"))).isEmpty();
    }

    @Test
    void snapshotDoesNotSeeLaterWrites() {
        store.put(A, b("01"), b("11"));
        store.put(A, b("02"), b("22"));
        try (Snapshot snap = store.snapshot()) {
            store.write(new WriteBatch().put(A, b("01"), b("99")).delete(A, b("02")).put(A, b("03"), b("33")));
            store.put(A, b("01"), b("98"));
            assertThat(snap.get(A, b("01"))).contains(b("11"));
            assertThat(snap.get(A, b("02"))).contains(b("22"));
            assertThat(snap.get(A, b("03"))).isEmpty();
            assertThat(entries(snap, A, Bytes.EMPTY)).containsExactly(Map.entry(b("01"), b("11")),
                    Map.entry(b("02"), b("22")));
        }
        assertThat(store.get(A, b("01"))).contains(b("98"));
        assertThat(store.get(A, b("03"))).contains(b("33"));
    }

    @Test
    void closedSnapshotRejectsReads() {
        Snapshot snap = store.snapshot();
        snap.close();
        assertThatThrownBy(() -> snap.get(A, b("01"))).isInstanceOf(StorageException.class);
    }

    @Test
    void prefixScanVisitsMatchingKeysInUnsignedOrder() {
        store.write(new WriteBatch().put(A, b("10ff"), b("03")).put(A, b("1001"), b("01")).put(A, b("1080"), b("02"))
                .put(A, b("11"), b("04")).put(A, b("0f"), b("00")).put(B, b("1002"), b("05")));
        assertThat(entries(store, A, b("10")).keySet()).containsExactly(b("1001"), b("1080"), b("10ff"));
        assertThat(entries(store, A, Bytes.EMPTY)).hasSize(5);
    }

    @Test
    void prefixScanStopsWhenTheVisitorSaysSo() {
        store.write(new WriteBatch().put(A, b("01"), b("01")).put(A, b("02"), b("02")).put(A, b("03"), b("03")));
        List<Bytes> seen = new ArrayList<>();
        store.forEachWithPrefix(A, Bytes.EMPTY, (k, v) -> {
            seen.add(k);
            return seen.size() < 2;
        });
        assertThat(seen).containsExactly(b("01"), b("02"));
    }

    @Test
    void closedStoreRejectsCalls() {
        store.close();
        assertThatThrownBy(() -> store.get(A, b("01"))).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.put(A, b("01"), b("01"))).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.snapshot()).isInstanceOf(StorageException.class);
    }

    @Test
    void readersNeverSeeHalfABatch() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        store.write(new WriteBatch().put(A, b("01"), b("00")).put(B, b("02"), b("00")));
        Thread reader = new Thread(() -> {
            while (!stop.get() && failure.get() == null) {
                try (Snapshot snap = store.snapshot()) {
                    Bytes x = snap.get(A, b("01")).orElseThrow();
                    Bytes y = snap.get(B, b("02")).orElseThrow();
                    if (!x.equals(y))
                        failure.set("snapshot saw " + x + " and " + y);
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 150; i++) {
            Bytes v = Bytes.wrap(new byte[]{(byte) (i >> 8), (byte) i});
            store.write(new WriteBatch().put(A, b("01"), v).put(B, b("02"), v));
        }
        stop.set(true);
        reader.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void randomOperationsMatchASortedMapModel() {
        Random random = new Random(42);
        TreeMap<Bytes, Bytes> model = new TreeMap<>();
        for (int round = 0; round < 50; round++) {
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < 20; i++) {
                Bytes key = Bytes.wrap(new byte[]{(byte) random.nextInt(4), (byte) random.nextInt(16)});
                if (random.nextInt(3) == 0) {
                    batch.delete(A, key);
                    model.remove(key);
                } else {
                    Bytes value = Bytes.wrap(new byte[]{(byte) random.nextInt(256)});
                    batch.put(A, key, value);
                    model.put(key, value);
                }
            }
            store.write(batch);
        }
        assertThat(entries(store, A, Bytes.EMPTY)).containsExactlyEntriesOf(model);
        for (int p = 0; p < 4; p++) {
            Bytes prefix = Bytes.of((byte) p);
            assertThat(entries(store, A, prefix).keySet())
                    .containsExactlyElementsOf(model.subMap(prefix, Bytes.of((byte) (p + 1))).keySet());
        }
    }

    static Map<Bytes, Bytes> entries(ReadableKeyValueStore s, Segment segment, Bytes prefix) {
        Map<Bytes, Bytes> out = new java.util.LinkedHashMap<>();
        s.forEachWithPrefix(segment, prefix, (k, v) -> {
            out.put(k, v);
            return true;
        });
        return out;
    }
}
