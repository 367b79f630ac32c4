package org.stele.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;

/** The cache in front of a store keeps every store behaviour and answers repeated reads from memory. */
class CachedSegmentStoreTest extends KeyValueStoreContract {
    @Override
    KeyValueStore createStore() {
        return new CachedSegmentStore(new InMemoryKeyValueStore(), Set.of(A), 1 << 20);
    }

    /** Counts the reads that reach the store underneath. */
    private static final class CountingStore extends ForwardingKeyValueStore {
        final AtomicInteger gets = new AtomicInteger();

        CountingStore(KeyValueStore store) {
            super(store);
        }

        @Override
        public Optional<Bytes> get(Segment segment, Bytes key) {
            gets.incrementAndGet();
            return super.get(segment, key);
        }
    }

    @Test
    void repeatedReadsOfACachedSegmentReachTheStoreOnce() {
        CountingStore under = new CountingStore(new InMemoryKeyValueStore());
        under.put(A, b("01"), b("aa"));
        under.put(B, b("01"), b("bb"));
        try (KeyValueStore cached = new CachedSegmentStore(under, Set.of(A), 1 << 20)) {
            for (int i = 0; i < 5; i++) {
                assertThat(cached.get(A, b("01"))).contains(b("aa"));
                assertThat(cached.get(B, b("01"))).contains(b("bb"));
            }
            assertThat(under.gets.get()).isEqualTo(1 + 5);
        }
    }

    @Test
    void writtenEntriesAreServedFromMemoryAndDeletesEvictThem() {
        CountingStore under = new CountingStore(new InMemoryKeyValueStore());
        try (KeyValueStore cached = new CachedSegmentStore(under, Set.of(A), 1 << 20)) {
            cached.write(new WriteBatch().put(A, b("02"), b("cc")));
            assertThat(cached.get(A, b("02"))).contains(b("cc"));
            assertThat(under.gets.get()).isZero();
            cached.delete(A, b("02"));
            assertThat(cached.get(A, b("02"))).isEmpty();
        }
    }

    @Test
    void theCacheStaysWithinItsSizeAndReadsStayCorrectBeyondIt() {
        try (KeyValueStore cached = new CachedSegmentStore(new InMemoryKeyValueStore(), Set.of(A), 4_096)) {
            for (int i = 0; i < 1_000; i++)
                cached.put(A, Bytes.of((byte) (i >> 8), (byte) i), Bytes.wrap(new byte[100]));
            for (int i = 0; i < 1_000; i++)
                assertThat(cached.get(A, Bytes.of((byte) (i >> 8), (byte) i))).contains(Bytes.wrap(new byte[100]));
        }
    }

    @Test
    void entriesTooLargeForTheTableAreCachedToo() {
        CountingStore under = new CountingStore(new InMemoryKeyValueStore());
        Bytes code = Bytes.wrap(new byte[CachedSegmentStore.SMALL_ENTRY_BYTES + 1]);
        under.put(A, b("03"), code);
        try (KeyValueStore cached = new CachedSegmentStore(under, Set.of(A), 1 << 20)) {
            cached.write(new WriteBatch().put(A, b("04"), code));
            for (int i = 0; i < 3; i++) {
                assertThat(cached.get(A, b("03"))).contains(code);
                assertThat(cached.get(A, b("04"))).contains(code);
            }
            assertThat(under.gets.get()).isEqualTo(1);
            cached.delete(A, b("04"));
            assertThat(cached.get(A, b("04"))).isEmpty();
        }
    }

    @Test
    void keysThatShareASlotPushEachOtherOutAndAreReadAgainFromBelow() {
        CountingStore under = new CountingStore(new InMemoryKeyValueStore());
        // a budget of one slot: every key lands in it
        try (KeyValueStore cached = new CachedSegmentStore(under, Set.of(A), 1_000)) {
            cached.write(new WriteBatch().put(A, b("05"), b("dd")).put(A, b("06"), b("ee")));
            assertThat(cached.get(A, b("06"))).contains(b("ee"));
            assertThat(under.gets.get()).isZero();
            assertThat(cached.get(A, b("05"))).contains(b("dd"));
            assertThat(under.gets.get()).isEqualTo(1);
            assertThat(cached.get(A, b("05"))).contains(b("dd"));
            assertThat(under.gets.get()).isEqualTo(1);
        }
    }

    @Test
    void aSegmentTheStoreDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> new CachedSegmentStore(new InMemoryKeyValueStore(Set.of(Segment.DEFAULT)),
                Set.of(A), 1_000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trie_nodes");
    }
}
