package org.stele.chain;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Keccak256;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * A block header with every Ethereum field up to Cancun. The fields added by later forks (London's base fee,
 * Shanghai's withdrawals root, Cancun's blob gas and parent beacon root) are optional and trailing: each is present
 * only if all the ones before it are, and is encoded only when present, so a header hashes exactly as it does on
 * an Ethereum chain at the same fork. {@code extraData} is opaque here; QBFT keeps its validators and seals in it.
 *
 * @param nonce the 8-byte proof-of-work nonce, held as the bits of an unsigned long and encoded as 8 bytes
 */
public record BlockHeader(Bytes32 parentHash, Bytes32 ommersHash, Address coinbase, Bytes32 stateRoot,
        Bytes32 transactionsRoot, Bytes32 receiptsRoot, LogsBloom logsBloom, BigInteger difficulty, long number,
        long gasLimit, long gasUsed, long timestamp, Bytes extraData, Bytes32 mixHash, long nonce,
        Optional<BigInteger> baseFeePerGas, Optional<Bytes32> withdrawalsRoot, OptionalLong blobGasUsed,
        OptionalLong excessBlobGas, Optional<Bytes32> parentBeaconBlockRoot) {

    /** Keccak-256 of the RLP of an empty list: the ommers hash of every block without ommers. */
    public static final Bytes32 EMPTY_OMMERS_HASH = Bytes32
            .fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
    /** Keccak-256 root of an empty Merkle Patricia Trie: the transactions, receipts or withdrawals root of none. */
    public static final Bytes32 EMPTY_TRIE_ROOT = Bytes32
            .fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    /**
     * Largest header encoding accepted by {@link #decode}. Far above any Ethereum header; QBFT's extra data grows
     * with the validator set (about 85 bytes per validator for address and seal), and this leaves room for thousands.
     */
    public static final int MAX_ENCODED_SIZE = 512 * 1024;

    private static final int FIXED_FIELDS = 15;

    public BlockHeader {
        Objects.requireNonNull(parentHash, "parentHash");
        Objects.requireNonNull(ommersHash, "ommersHash");
        Objects.requireNonNull(coinbase, "coinbase");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(transactionsRoot, "transactionsRoot");
        Objects.requireNonNull(receiptsRoot, "receiptsRoot");
        Objects.requireNonNull(logsBloom, "logsBloom");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(extraData, "extraData");
        Objects.requireNonNull(mixHash, "mixHash");
        Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
        Objects.requireNonNull(withdrawalsRoot, "withdrawalsRoot");
        Objects.requireNonNull(blobGasUsed, "blobGasUsed");
        Objects.requireNonNull(excessBlobGas, "excessBlobGas");
        Objects.requireNonNull(parentBeaconBlockRoot, "parentBeaconBlockRoot");
        if (difficulty.signum() < 0)
            throw new IllegalArgumentException("difficulty must not be negative");
        if (number < 0 || gasLimit < 0 || gasUsed < 0 || timestamp < 0)
            throw new IllegalArgumentException("number, gas limit, gas used and timestamp must not be negative");
        if (baseFeePerGas.isPresent() && baseFeePerGas.get().signum() < 0)
            throw new IllegalArgumentException("base fee must not be negative");
        if (blobGasUsed.isPresent() && blobGasUsed.getAsLong() < 0
                || excessBlobGas.isPresent() && excessBlobGas.getAsLong() < 0)
            throw new IllegalArgumentException("blob gas values must not be negative");
        int missing = firstMissingOptional(baseFeePerGas.isPresent(), withdrawalsRoot.isPresent(),
                blobGasUsed.isPresent(), excessBlobGas.isPresent(), parentBeaconBlockRoot.isPresent());
        if (missing >= 0)
            throw new IllegalArgumentException(
                    "optional header fields are trailing: " + OPTIONAL_NAMES[missing]
                            + " is missing before a later one");
    }

    private static final String[] OPTIONAL_NAMES = {"baseFeePerGas", "withdrawalsRoot", "blobGasUsed",
            "excessBlobGas", "parentBeaconBlockRoot"};

    /** The index of an absent optional field that a later present one follows, or -1. */
    private static int firstMissingOptional(boolean... present) {
        int lastPresent = -1;
        for (int i = 0; i < present.length; i++)
            if (present[i])
                lastPresent = i;
        for (int i = 0; i < lastPresent; i++)
            if (!present[i])
                return i;
        return -1;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This header with other extra data, e.g. with QBFT's seals added or removed. */
    public BlockHeader withExtraData(Bytes newExtraData) {
        return toBuilder().extraData(newExtraData).build();
    }

    /** The block hash: the chain's hash of this header's RLP. */
    public Bytes32 hash(CryptoSuite suite) {
        return Bytes32.wrap(suite.hash(encode()));
    }

    /** The block hash as an Ethereum chain (crypto suite {@code secp256k1-keccak}) computes it. */
    public Bytes32 keccakHash() {
        return Bytes32.wrap(Keccak256.hash(encode()));
    }

    public byte[] encode() {
        RlpWriter w = new RlpWriter(600 + extraData.size());
        writeTo(w);
        return w.toByteArray();
    }

    public void writeTo(RlpWriter w) {
        w.startList();
        w.writeBytes(parentHash).writeBytes(ommersHash).writeBytes(coinbase).writeBytes(stateRoot)
                .writeBytes(transactionsRoot).writeBytes(receiptsRoot).writeBytes(logsBloom.unsafeArray())
                .writeBigInteger(difficulty).writeLong(number).writeLong(gasLimit).writeLong(gasUsed)
                .writeLong(timestamp).writeBytes(extraData).writeBytes(mixHash).writeBytes(nonceBytes(nonce));
        baseFeePerGas.ifPresent(w::writeBigInteger);
        withdrawalsRoot.ifPresent(w::writeBytes);
        blobGasUsed.ifPresent(w::writeLong);
        excessBlobGas.ifPresent(w::writeLong);
        parentBeaconBlockRoot.ifPresent(w::writeBytes);
        w.endList();
    }

    /**
     * Decodes a header that must be the whole of {@code encoded}.
     *
     * @throws RlpException on malformed or non-canonical RLP, a field of the wrong size, a missing field, or an
     *                      encoding over {@link #MAX_ENCODED_SIZE}
     */
    public static BlockHeader decode(byte[] encoded) {
        if (encoded.length > MAX_ENCODED_SIZE)
            throw new RlpException("block header of " + encoded.length + " bytes exceeds the limit of "
                    + MAX_ENCODED_SIZE, 0);
        RlpReader r = RlpReader.of(encoded);
        BlockHeader h = readFrom(r);
        r.requireEnd();
        return h;
    }

    /** Reads one header item from {@code r} (e.g. inside a block). */
    public static BlockHeader readFrom(RlpReader r) {
        int start = r.position();
        RlpReader l = r.readList();
        try {
            Builder b = new Builder();
            b.parentHash(l.readBytes32()).ommersHash(l.readBytes32()).coinbase(l.readAddress())
                    .stateRoot(l.readBytes32()).transactionsRoot(l.readBytes32()).receiptsRoot(l.readBytes32());
            int at = l.position();
            byte[] bloom = l.readBytes();
            if (bloom.length != LogsBloom.SIZE)
                throw new RlpException("logs bloom must be 256 bytes, got " + bloom.length, at);
            b.logsBloom(LogsBloom.wrap(bloom));
            b.difficulty(l.readUInt256()).number(l.readLong()).gasLimit(l.readLong()).gasUsed(l.readLong())
                    .timestamp(l.readLong()).extraData(l.readBytesValue()).mixHash(l.readBytes32());
            at = l.position();
            byte[] nonce = l.readBytes();
            if (nonce.length != 8)
                throw new RlpException("header nonce must be 8 bytes, got " + nonce.length, at);
            b.nonce(java.nio.ByteBuffer.wrap(nonce).getLong());
            if (l.hasNext())
                b.baseFeePerGas(l.readUInt256());
            if (l.hasNext())
                b.withdrawalsRoot(l.readBytes32());
            if (l.hasNext())
                b.blobGasUsed(l.readLong());
            if (l.hasNext())
                b.excessBlobGas(l.readLong());
            if (l.hasNext())
                b.parentBeaconBlockRoot(l.readBytes32());
            if (l.hasNext())
                throw new RlpException("block header has more fields than this node knows (Cancun has 20)",
                        l.position());
            return b.build();
        } catch (RlpException e) {
            throw e;
        } catch (RuntimeException e) {
            // a truncated list surfaces as "unexpected end of input" from the reader; anything else is a bad value
            throw new RlpException("invalid block header: " + e.getMessage(), start);
        }
    }

    private static byte[] nonceBytes(long nonce) {
        return java.nio.ByteBuffer.allocate(8).putLong(nonce).array();
    }

    /** Number of RLP fields this header encodes to (15 before London, up to 20 at Cancun). */
    public int fieldCount() {
        return FIXED_FIELDS + (baseFeePerGas.isPresent() ? 1 : 0) + (withdrawalsRoot.isPresent() ? 1 : 0)
                + (blobGasUsed.isPresent() ? 1 : 0) + (excessBlobGas.isPresent() ? 1 : 0)
                + (parentBeaconBlockRoot.isPresent() ? 1 : 0);
    }

    /**
     * Builds headers field by field. Defaults: zero hashes and addresses, the empty-ommers hash, empty trie roots,
     * an empty bloom, zero difficulty, empty extra data and no post-Frontier optional fields.
     */
    public static final class Builder {
        private Bytes32 parentHash = Bytes32.ZERO;
        private Bytes32 ommersHash = EMPTY_OMMERS_HASH;
        private Address coinbase = Address.ZERO;
        private Bytes32 stateRoot = EMPTY_TRIE_ROOT;
        private Bytes32 transactionsRoot = EMPTY_TRIE_ROOT;
        private Bytes32 receiptsRoot = EMPTY_TRIE_ROOT;
        private LogsBloom logsBloom = LogsBloom.EMPTY;
        private BigInteger difficulty = BigInteger.ZERO;
        private long number;
        private long gasLimit;
        private long gasUsed;
        private long timestamp;
        private Bytes extraData = Bytes.EMPTY;
        private Bytes32 mixHash = Bytes32.ZERO;
        private long nonce;
        private Optional<BigInteger> baseFeePerGas = Optional.empty();
        private Optional<Bytes32> withdrawalsRoot = Optional.empty();
        private OptionalLong blobGasUsed = OptionalLong.empty();
        private OptionalLong excessBlobGas = OptionalLong.empty();
        private Optional<Bytes32> parentBeaconBlockRoot = Optional.empty();

        private Builder() {
        }

        private Builder(BlockHeader h) {
            parentHash = h.parentHash;
            ommersHash = h.ommersHash;
            coinbase = h.coinbase;
            stateRoot = h.stateRoot;
            transactionsRoot = h.transactionsRoot;
            receiptsRoot = h.receiptsRoot;
            logsBloom = h.logsBloom;
            difficulty = h.difficulty;
            number = h.number;
            gasLimit = h.gasLimit;
            gasUsed = h.gasUsed;
            timestamp = h.timestamp;
            extraData = h.extraData;
            mixHash = h.mixHash;
            nonce = h.nonce;
            baseFeePerGas = h.baseFeePerGas;
            withdrawalsRoot = h.withdrawalsRoot;
            blobGasUsed = h.blobGasUsed;
            excessBlobGas = h.excessBlobGas;
            parentBeaconBlockRoot = h.parentBeaconBlockRoot;
        }

        public Builder parentHash(Bytes32 v) {
            parentHash = v;
            return this;
        }

        public Builder ommersHash(Bytes32 v) {
            ommersHash = v;
            return this;
        }

        public Builder coinbase(Address v) {
            coinbase = v;
            return this;
        }

        public Builder stateRoot(Bytes32 v) {
            stateRoot = v;
            return this;
        }

        public Builder transactionsRoot(Bytes32 v) {
            transactionsRoot = v;
            return this;
        }

        public Builder receiptsRoot(Bytes32 v) {
            receiptsRoot = v;
            return this;
        }

        public Builder logsBloom(LogsBloom v) {
            logsBloom = v;
            return this;
        }

        public Builder difficulty(BigInteger v) {
            difficulty = v;
            return this;
        }

        public Builder number(long v) {
            number = v;
            return this;
        }

        public Builder gasLimit(long v) {
            gasLimit = v;
            return this;
        }

        public Builder gasUsed(long v) {
            gasUsed = v;
            return this;
        }

        public Builder timestamp(long v) {
            timestamp = v;
            return this;
        }

        public Builder extraData(Bytes v) {
            extraData = v;
            return this;
        }

        public Builder mixHash(Bytes32 v) {
            mixHash = v;
            return this;
        }

        public Builder nonce(long v) {
            nonce = v;
            return this;
        }

        public Builder baseFeePerGas(BigInteger v) {
            baseFeePerGas = Optional.ofNullable(v);
            return this;
        }

        public Builder withdrawalsRoot(Bytes32 v) {
            withdrawalsRoot = Optional.ofNullable(v);
            return this;
        }

        public Builder blobGasUsed(long v) {
            blobGasUsed = OptionalLong.of(v);
            return this;
        }

        public Builder excessBlobGas(long v) {
            excessBlobGas = OptionalLong.of(v);
            return this;
        }

        public Builder parentBeaconBlockRoot(Bytes32 v) {
            parentBeaconBlockRoot = Optional.ofNullable(v);
            return this;
        }

        /** Drops every optional field: a pre-London header. */
        public Builder withoutOptionalFields() {
            baseFeePerGas = Optional.empty();
            withdrawalsRoot = Optional.empty();
            blobGasUsed = OptionalLong.empty();
            excessBlobGas = OptionalLong.empty();
            parentBeaconBlockRoot = Optional.empty();
            return this;
        }

        public BlockHeader build() {
            return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot,
                    logsBloom, difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce,
                    baseFeePerGas, withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot);
        }
    }
}
