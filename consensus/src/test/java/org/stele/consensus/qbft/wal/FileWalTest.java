package org.stele.consensus.qbft.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalTest {
    @TempDir
    Path dir;

    @Test
    void recordsSurviveReopening() {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(1, new byte[]{1, 2, 3});
            w.append(2, new byte[]{4});
        }
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).hasSize(2);
            assertThat(w.entries().get(0).height()).isEqualTo(1);
            assertThat(w.entries().get(0).record()).containsExactly(1, 2, 3);
            assertThat(w.entries().get(1).record()).containsExactly(4);
        }
    }

    @Test
    void aTornTailIsCutOffAndAppendingContinuesAfterTheLastGoodRecord() throws Exception {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(1, new byte[]{1, 2, 3});
        }
        long good = Files.size(p);
        Files.write(p, new byte[]{0, 0, 0, 9, 0, 0}, StandardOpenOption.APPEND);
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).hasSize(1);
            assertThat(Files.size(p)).isEqualTo(good);
            w.append(5, new byte[]{7});
        }
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(1L, 5L);
        }
    }

    @Test
    void aCorruptRecordEndsTheLog() throws Exception {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(1, new byte[]{1, 2, 3});
            w.append(2, new byte[]{4, 5, 6});
        }
        byte[] bytes = Files.readAllBytes(p);
        bytes[bytes.length - 6] ^= 0x40;
        Files.write(p, bytes);
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(1L);
        }
    }

    @Test
    void pruningDropsDecidedHeightsDurably() {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(1, new byte[]{1});
            w.append(2, new byte[]{2});
            w.append(3, new byte[]{3});
            w.pruneBelow(3);
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(3L);
            w.append(4, new byte[]{4});
        }
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(3L, 4L);
        }
    }

    @Test
    void aRecordWhoseHeightWasAlteredFailsItsChecksumAndEndsTheLog() throws Exception {
        Path p = dir.resolve("qbft.wal");
        long second;
        try (FileWal w = new FileWal(p)) {
            w.append(1, new byte[]{1, 2, 3});
            second = Files.size(p);
            w.append(2, new byte[]{4, 5, 6});
        }
        byte[] bytes = Files.readAllBytes(p);
        bytes[(int) second + 4 + 7] ^= 0x01; // the last byte of the second record's height: 2 becomes 3
        Files.write(p, bytes);
        try (FileWal w = new FileWal(p)) {
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(1L);
            assertThat(Files.size(p)).isEqualTo(second);
        }
    }

    @Test
    void aLengthFieldOutOfRangeEndsTheLogEvenWhenTheFileIsLongEnough() throws Exception {
        for (int badLength : new int[]{-1, FileWal.MAX_RECORD + 1}) {
            Path p = dir.resolve("qbft-" + badLength + ".wal");
            try (FileWal w = new FileWal(p)) {
                w.append(1, new byte[]{1});
            }
            long good = Files.size(p);
            java.nio.ByteBuffer junk = java.nio.ByteBuffer.allocate(64).putInt(badLength).putLong(2);
            Files.write(p, junk.array(), StandardOpenOption.APPEND);
            try (FileWal w = new FileWal(p)) {
                assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(1L);
                assertThat(Files.size(p)).isEqualTo(good);
            }
        }
    }

    @Test
    void anOversizedRecordIsRefusedAndNothingIsWritten() throws Exception {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> w.append(1, new byte[FileWal.MAX_RECORD + 1]))
                    .withMessageContaining("exceeds");
            assertThat(w.entries()).isEmpty();
        }
        assertThat(Files.size(p)).isZero();
    }

    @Test
    void pruningBelowEveryHeightKeepsTheFileAsItIs() throws Exception {
        Path p = dir.resolve("qbft.wal");
        try (FileWal w = new FileWal(p)) {
            w.append(3, new byte[]{3});
            long size = Files.size(p);
            w.pruneBelow(3);
            assertThat(Files.size(p)).isEqualTo(size);
            assertThat(Files.exists(dir.resolve("qbft.wal.tmp"))).isFalse();
            assertThat(w.entries()).extracting(Wal.Entry::height).containsExactly(3L);
        }
    }
}
