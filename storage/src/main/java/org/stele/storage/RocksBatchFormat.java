package org.stele.storage;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A {@link WriteBatch} in RocksDB's own serialized form, the {@code rep} of its {@code WriteBatch} (RocksDB's
 * {@code db/write_batch.cc}): a header of the sequence number (8 bytes, little-endian, 0 here) and the record count
 * (4 bytes, little-endian), then one record per operation, a type byte, the column family's id as a varint32 (left
 * out for the default family, whose records have their own types), and the key and the value each as a varint32
 * length and the bytes. RocksJava builds a batch from this form in one native call ({@code new WriteBatch(byte[])});
 * adding the operations one by one costs a native call and two array copies each, about as much as a block's
 * thousands of small puts take to apply. What RocksDB does with the batch is unchanged: the same records, written
 * atomically with the same write options.
 */
final class RocksBatchFormat {
    static final byte DELETION = 0x0;
    static final byte VALUE = 0x1;
    static final byte FAMILY_DELETION = 0x4;
    static final byte FAMILY_VALUE = 0x5;
    private static final int HEADER = 12;

    private RocksBatchFormat() {
    }

    /**
     * The serialized batch of {@code operations}, in their order.
     *
     * @param familyId
     *            the id of the column family a segment is kept in (0 is the default family)
     */
    static byte[] encode(List<WriteBatch.Operation> operations, ToIntFunction<Segment> familyId) {
        int n = operations.size();
        int[] ids = new int[n];
        long size = HEADER;
        Segment last = null;
        int id = 0;
        for (int i = 0; i < n; i++) {
            WriteBatch.Operation op = operations.get(i);
            if (op.segment() != last) { // a batch holds runs of one segment: look each run's family up once
                last = op.segment();
                id = familyId.applyAsInt(last);
            }
            ids[i] = id;
            size += 1 + (id == 0 ? 0 : varintSize(id)) + varintSize(op.key().size()) + op.key().size();
            if (!op.isDelete())
                size += varintSize(op.value().size()) + op.value().size();
        }
        if (size > Integer.MAX_VALUE - 16)
            throw new IllegalArgumentException("a write batch of " + size + " bytes is too large for RocksDB");
        byte[] out = new byte[(int) size];
        // sequence number 0 (bytes 0-7), then the count, little-endian
        out[8] = (byte) n;
        out[9] = (byte) (n >>> 8);
        out[10] = (byte) (n >>> 16);
        out[11] = (byte) (n >>> 24);
        int pos = HEADER;
        for (int i = 0; i < n; i++) {
            WriteBatch.Operation op = operations.get(i);
            boolean delete = op.isDelete();
            id = ids[i];
            if (id == 0) {
                out[pos++] = delete ? DELETION : VALUE;
            } else {
                out[pos++] = delete ? FAMILY_DELETION : FAMILY_VALUE;
                pos = putVarint(out, pos, id);
            }
            pos = putBytes(out, pos, op.key().unsafeArray());
            if (!delete)
                pos = putBytes(out, pos, op.value().unsafeArray());
        }
        return out;
    }

    private static int putBytes(byte[] out, int pos, byte[] bytes) {
        pos = putVarint(out, pos, bytes.length);
        System.arraycopy(bytes, 0, out, pos, bytes.length);
        return pos + bytes.length;
    }

    private static int putVarint(byte[] out, int pos, int value) {
        while ((value & ~0x7F) != 0) {
            out[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[pos++] = (byte) value;
        return pos;
    }

    static int varintSize(int value) {
        int size = 1;
        while ((value & ~0x7F) != 0) {
            size++;
            value >>>= 7;
        }
        return size;
    }
}
