package org.stele.storage;

import java.util.List;
import java.util.Objects;

/**
 * A named key space inside one store (a RocksDB column family). Keys in different segments never collide, so
 * each data kind can use its natural key (a hash, a block number) without prefixes.
 *
 * @param name
 *            the column family name: 1 to 64 characters of {@code [a-z0-9_]}
 */
public record Segment(String name) {
    /** RocksDB's mandatory family; used for small metadata such as the schema version. */
    public static final Segment DEFAULT = new Segment("default");
    /** Trie nodes keyed by their Keccak-256 hash (world state and storage tries). */
    public static final Segment TRIE_NODES = new Segment("trie_nodes");
    /** Contract bytecode keyed by code hash. */
    public static final Segment CODE = new Segment("code");
    public static final Segment BLOCK_HEADERS = new Segment("block_headers");
    public static final Segment BLOCK_BODIES = new Segment("block_bodies");
    public static final Segment RECEIPTS = new Segment("receipts");
    /** Lookups such as number → hash and transaction hash → location. */
    public static final Segment INDEXES = new Segment("indexes");
    /** Chain head pointers and other single-key facts about the chain. */
    public static final Segment CHAIN_METADATA = new Segment("chain_metadata");
    /** The consensus write-ahead log and double-sign guard. */
    public static final Segment CONSENSUS = new Segment("consensus");

    /** The segments a node opens by default. */
    public static final List<Segment> STANDARD = List.of(DEFAULT, TRIE_NODES, CODE, BLOCK_HEADERS, BLOCK_BODIES,
            RECEIPTS, INDEXES, CHAIN_METADATA, CONSENSUS);

    public Segment {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 64 || !name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("segment name must be 1-64 characters of [a-z0-9_]: '" + name + "'");
        }
    }

    /**
     * Written out rather than left to the record: the generated {@code equals} and {@code hashCode} go through
     * {@code ObjectMethods}' method-handle tree, which C2 parses again in every hot method that inlines them (the
     * pending state's and caches' maps keyed by segment). Same results as the record's.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Segment s && name.equals(s.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
