package org.stele.consensus.qbft.wal;

import java.util.List;

/** An append-only log of opaque records, each tagged with the height it belongs to. */
public interface Wal {
    /** A record and its height. */
    record Entry(long height, byte[] record) {}

    /** Appends a record; when this returns the record survives a crash. */
    void append(long height, byte[] record);

    /** Every record that survived, in append order. */
    List<Entry> entries();

    /** Drops the records of heights below {@code height}: they are decided and can never be signed again. */
    void pruneBelow(long height);
}
