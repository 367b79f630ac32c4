package org.stele.consensus.qbft.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of both WALs: records of zero bytes and of exactly the size limit, a record whose body was torn off, a
 * closed file, pruning that has nothing to drop, and the in-memory WAL's pruning and forgetting.
 */
class WalBoundariesTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyRecordAtTheEndOfTheFileSurvivesReopening() {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(1, new byte[]{1});
            w.append(2, new byte[0]);
        }
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(1L, 2L);
            assertThat(w.entries().get(1).record()).isEmpty();
        }
    }

    @Test
    void aRecordOfExactlyTheSizeLimitIsWrittenAndReadBack() {
        Path p = dir.resolve("qbft.wal");
        byte[] big = new byte[FileWal.MAX_RECORD];
        big[big.length - 1] = 42;
        try (FileWal w = new FileWal(p)) {
            w.append(1, big);
        }
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).singleElement().satisfies(e -> {
                assertThat(e.record()).hasSize(FileWal.MAX_RECORD);
                assertThat(e.record()[FileWal.MAX_RECORD - 1]).isEqualTo((byte) 42);
            });
        }
    }

    @Test
    void aRecordWhoseBodyWasTornOffIsCutAndTheRecordsBeforeItKept() throws Exception {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(1, new byte[]{1, 2, 3});
        }
        long good = Files.size(p);
        try (FileWal w = new FileWal(p)) {
            w.append(2, new byte[40]);
        }
        byte[] all = Files.readAllBytes(p);
        // the second record's header and a few bytes of its body: a crash in the middle of its write
        Files.write(p, Arrays.copyOf(all, (int) good + 12 + 30));

        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(1L);
            assertThat(Files.size(p)).isEqualTo(good);
        }
    }

    @Test
    void aClosedWalRefusesToAppend() {
        FileWal w = new FileWal(dir.resolve("qbft.wal"));
        w.close();
        assertThatThrownBy(() -> w.append(1, new byte[]{1})).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void pruningThatDropsNothingLeavesTheFileInPlace() throws Exception {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(3, new byte[]{3});
            w.append(4, new byte[]{4});
            Object file = Files.readAttributes(p, BasicFileAttributes.class).fileKey();

            w.pruneBelow(3);
            assertThat(Files.readAttributes(p, BasicFileAttributes.class).fileKey()).as("not rewritten")
                    .isEqualTo(file);

            w.pruneBelow(4);
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(4L);
            w.pruneBelow(5);
            assertThat(w.entries()).isEmpty();
        }
        assertThat(Files.size(p)).isZero();
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("qbft.wal.tmp"))).isFalse();
    }

    @Test
    void theInMemoryWalPrunesBelowAHeightAndForgetsOnlyWhatItIsToldTo() {
        InMemoryWal w = new InMemoryWal();
        w.append(1, new byte[]{1});
        w.append(2, new byte[]{2});
        w.append(2, new byte[]{9});
        w.append(3, new byte[]{3});

        w.pruneBelow(2);
        assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(2L, 2L, 3L);

        w.forget(r -> r[0] == 9);
        assertThat(w.entries()).extracting(e -> e.record()[0]).containsExactly((byte) 2, (byte) 3);
    }
}
