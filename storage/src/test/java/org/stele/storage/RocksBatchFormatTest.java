package org.stele.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.stele.common.Bytes;

/**
 * Our serialized batches are byte for byte the ones RocksJava makes when the same operations are added to its batch
 * one at a time, for the default family and for families whose ids take one and two varint bytes, for puts and
 * deletes, empty and long keys and values.
 */
class RocksBatchFormatTest {
    /** Enough families that the last ids need two varint bytes. */
    private static final int FAMILIES = 131;

    private static Path dir;
    private static DBOptions options;
    private static RocksDB db;
    private static final List<ColumnFamilyHandle> HANDLES = new ArrayList<>();

    @BeforeContainer
    static void openAStoreWithManyFamilies() throws IOException, RocksDBException {
        RocksDB.loadLibrary();
        dir = Files.createTempDirectory("stele-rocksbatch");
        options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY));
        for (int i = 1; i < FAMILIES; i++)
            descriptors.add(new ColumnFamilyDescriptor(("f" + i).getBytes(StandardCharsets.US_ASCII)));
        db = RocksDB.open(options, dir.toString(), descriptors, HANDLES);
    }

    @AfterContainer
    static void close() throws IOException {
        for (ColumnFamilyHandle h : HANDLES)
            h.close();
        db.close();
        options.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }

    private record Op(int family, byte[] key, byte[] value) {}

    @Property(tries = 100)
    void aSerializedBatchIsTheOneRocksJavaBuildsOperationByOperation(@ForAll("batches") List<Op> ops)
            throws RocksDBException {
        WriteBatch ours = new WriteBatch();
        try (org.rocksdb.WriteBatch theirs = new org.rocksdb.WriteBatch()) {
            for (Op op : ops) {
                Segment segment = new Segment("s" + op.family());
                ColumnFamilyHandle h = HANDLES.get(op.family());
                if (op.value() == null) {
                    ours.delete(segment, Bytes.wrap(op.key()));
                    theirs.delete(h, op.key());
                } else {
                    ours.put(segment, Bytes.wrap(op.key()), Bytes.wrap(op.value()));
                    theirs.put(h, op.key(), op.value());
                }
            }
            byte[] serialized = RocksBatchFormat.encode(ours.operations(),
                    s -> HANDLES.get(Integer.parseInt(s.name().substring(1))).getID());
            assertThat(serialized).isEqualTo(theirs.data());
            try (org.rocksdb.WriteBatch rebuilt = new org.rocksdb.WriteBatch(serialized)) {
                assertThat(rebuilt.count()).isEqualTo(ops.size());
            }
        }
    }

    @Provide
    Arbitrary<List<Op>> batches() {
        Arbitrary<Integer> family = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1,
                FAMILIES - 1));
        Arbitrary<byte[]> key = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.bytes().array(byte[].class).ofMinSize(120).ofMaxSize(300));
        Arbitrary<byte[]> value = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.bytes().array(byte[].class).ofMinSize(16_300).ofMaxSize(17_000)).injectNull(0.3);
        return Combinators.combine(family, key, value).as(Op::new).list().ofMaxSize(30);
    }
}
