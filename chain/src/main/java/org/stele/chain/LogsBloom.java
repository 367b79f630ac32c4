package org.stele.chain;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.common.crypto.Keccak256;

/**
 * The 2048-bit bloom filter of a receipt or a block: for each log's address and each topic, three bits chosen from
 * the Keccak-256 of the item (the low 11 bits of each of its first three byte pairs, the "m3:2048" scheme of the
 * Yellow Paper). Keccak is part of the format, not a choice of the chain's crypto suite: the bloom is a filter that
 * wallets and indexers recompute, so every chain uses the same one.
 */
public final class LogsBloom {
    public static final int SIZE = 256;
    public static final LogsBloom EMPTY = new LogsBloom(new byte[SIZE]);

    private final byte[] bits;

    private LogsBloom(byte[] bits) {
        this.bits = bits;
    }

    /** Takes ownership of a 256-byte array. */
    public static LogsBloom wrap(byte[] bits) {
        if (bits.length != SIZE)
            throw new IllegalArgumentException("a logs bloom is 256 bytes, got " + bits.length);
        return new LogsBloom(bits);
    }

    public static LogsBloom fromHex(String hex) {
        return wrap(Hex.decodeStrict(hex));
    }

    /** The bloom of a list of logs: their addresses and topics. */
    public static LogsBloom of(Iterable<Log> logs) {
        Builder b = new Builder();
        for (Log log : logs)
            b.add(log);
        return b.build();
    }

    /** The union of several blooms (a block's bloom is the union of its receipts' blooms). */
    public static LogsBloom union(Iterable<LogsBloom> blooms) {
        byte[] out = new byte[SIZE];
        for (LogsBloom bloom : blooms)
            for (int i = 0; i < SIZE; i++)
                out[i] |= bloom.bits[i];
        return new LogsBloom(out);
    }

    /** Whether every bit {@code item} would set is set (true may be a false positive; false is certain). */
    public boolean mightContain(Bytes item) {
        byte[] h = Keccak256.hash(item.unsafeArray());
        for (int i = 0; i < 6; i += 2) {
            int bit = ((h[i] & 0x07) << 8) | (h[i + 1] & 0xff);
            if ((bits[SIZE - 1 - bit / 8] & (1 << (bit % 8))) == 0)
                return false;
        }
        return true;
    }

    public boolean mightContain(Address address) {
        return mightContain(Bytes.wrap(address.toArray()));
    }

    public boolean mightContain(Bytes32 topic) {
        return mightContain(topic.toBytes());
    }

    public boolean isEmpty() {
        for (byte b : bits)
            if (b != 0)
                return false;
        return true;
    }

    public byte[] toArray() {
        return bits.clone();
    }

    /** The backing array, for hot paths; it must not be modified. */
    public byte[] unsafeArray() {
        return bits;
    }

    public String toHex() {
        return Hex.encode(bits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogsBloom b && Arrays.equals(bits, b.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return toHex();
    }

    /**
     * The three bit positions of an item (11 bits each, packed in a long), remembered for recent items: the logs of a
     * block name the same contracts, event signatures and holders over and over, and hashing them was most of what a
     * receipt's bloom cost. The positions are a function of the item's bytes, so remembering changes no bloom. At
     * {@link #REMEMBERED} items the memory starts again from empty.
     */
    static final class BitPositions {
        static final int REMEMBERED = 16_384;
        private static final ConcurrentHashMap<Item, Long> KNOWN = new ConcurrentHashMap<>();

        /** An item's bytes as a key, compared by content. */
        private record Item(byte[] bytes) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Item i && Arrays.equals(bytes, i.bytes);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(bytes);
            }
        }

        private BitPositions() {
        }

        static long of(byte[] item) {
            Long known = KNOWN.get(new Item(item));
            if (known != null)
                return known;
            long positions = compute(item);
            if (KNOWN.size() >= REMEMBERED)
                KNOWN.clear();
            KNOWN.put(new Item(item.clone()), positions);
            return positions;
        }

        /** The low 11 bits of each of the first three byte pairs of the item's Keccak-256. */
        static long compute(byte[] item) {
            byte[] h = Keccak256.hash(item);
            long positions = 0;
            for (int i = 0; i < 3; i++)
                positions |= (long) (((h[2 * i] & 0x07) << 8) | (h[2 * i + 1] & 0xff)) << (11 * i);
            return positions;
        }
    }

    /** Accumulates items into a bloom. */
    public static final class Builder {
        private final byte[] bits = new byte[SIZE];

        public Builder add(Log log) {
            addItem(log.address().unsafeArray());
            for (Bytes32 topic : log.topics())
                addItem(topic.unsafeArray());
            return this;
        }

        public Builder addItem(byte[] item) {
            long positions = BitPositions.of(item);
            for (int i = 0; i < 3; i++) {
                int bit = (int) (positions >>> (11 * i)) & 0x7ff;
                bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
            }
            return this;
        }

        public LogsBloom build() {
            return new LogsBloom(bits.clone());
        }
    }
}
