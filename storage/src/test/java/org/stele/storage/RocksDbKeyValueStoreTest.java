package org.stele.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Bytes;

class RocksDbKeyValueStoreTest extends KeyValueStoreContract {
    @TempDir
    Path dir;

    @Override
    KeyValueStore createStore() {
        return RocksDbKeyValueStore.open(dir.resolve("db"));
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        store.write(new WriteBatch().put(A, b("01"), b("11")).put(B, b("02"), b("22")));
        store.close();
        try (RocksDbKeyValueStore reopened = RocksDbKeyValueStore.open(dir.resolve("db"))) {
            assertThat(reopened.get(A, b("01"))).contains(b("11"));
            assertThat(reopened.get(B, b("02"))).contains(b("22"));
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        store.close();
        store.close();
    }

    @Test
    void secondOpenOfTheSameDirectoryFailsWithAClearMessage() {
        assertThatThrownBy(() -> RocksDbKeyValueStore.open(dir.resolve("db"))).isInstanceOf(StorageException.class)
                .hasMessageContaining("is locked");
    }

    @Test
    void familiesCreatedEarlierAreOpenedAgainEvenWhenNotAsked() {
        Segment extra = new Segment("extra_index");
        store.close();
        try (RocksDbKeyValueStore s = RocksDbKeyValueStore.open(dir.resolve("db"), List.of(extra), true)) {
            s.put(extra, b("01"), b("11"));
        }
        try (RocksDbKeyValueStore s = RocksDbKeyValueStore.open(dir.resolve("db"), List.of(Segment.DEFAULT), true)) {
            assertThat(s.segments()).contains(extra, Segment.TRIE_NODES);
            assertThat(s.get(extra, b("01"))).contains(b("11"));
        }
    }

    @Test
    void corruptDirectoryFailsWithAClearMessage() throws IOException {
        store.put(A, b("01"), b("11"));
        store.close();
        Path db = dir.resolve("db");
        try (var files = Files.list(db)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("MANIFEST")).toList())
                Files.write(f, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertThatThrownBy(() -> RocksDbKeyValueStore.open(db)).isInstanceOf(StorageException.class)
                .hasMessageContaining(db.toString()).hasMessageContaining("corrupt");
    }

    @Test
    void unsyncedStoreStillReadsItsWrites() {
        try (RocksDbKeyValueStore s = RocksDbKeyValueStore.open(dir.resolve("fast"), List.of(A), false)) {
            s.put(A, b("01"), Bytes.of((byte) 7));
            assertThat(s.get(A, b("01"))).contains(Bytes.of((byte) 7));
        }
    }
}
