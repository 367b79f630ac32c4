package org.stele.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.UInt256;
import org.stele.common.rlp.Rlp;
import org.stele.common.rlp.RlpItem;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * RLP encode and decode of the two shapes that dominate a node's RLP traffic: an EIP-1559 transaction (12 fields, a
 * 68-byte ERC-20 transfer as data, 190 bytes) and a Cancun block header (20 fields with the 256-byte bloom,
 * 620 bytes). Decoding is measured both with the typed cursor (what {@code chain} uses) and with the generic
 * tree decoder (what tools use).
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar RlpBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RlpBenchmark {
    private long chainId;
    private long nonce;
    private UInt256 maxPriorityFee;
    private UInt256 maxFee;
    private long gasLimit;
    private Address to;
    private UInt256 value;
    private byte[] data;
    private Bytes32 r;
    private Bytes32 s;

    private Bytes32 parentHash;
    private Bytes32 ommersHash;
    private Address coinbase;
    private Bytes32 stateRoot;
    private Bytes32 txRoot;
    private Bytes32 receiptsRoot;
    private byte[] bloom;
    private long number;
    private long timestamp;
    private byte[] extraData;
    private Bytes32 mixHash;
    private byte[] headerNonce;
    private UInt256 baseFee;
    private Bytes32 withdrawalsRoot;
    private Bytes32 parentBeaconRoot;

    private byte[] encodedTransaction;
    private byte[] encodedHeader;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        chainId = 1337;
        nonce = 4711;
        maxPriorityFee = UInt256.of(1_500_000_000L);
        maxFee = UInt256.of(32_000_000_000L);
        gasLimit = 65_000;
        to = Address.wrap(bytes(random, 20));
        value = UInt256.of(1_000_000_000_000_000_000L);
        data = bytes(random, 68);
        r = Bytes32.wrap(bytes(random, 32));
        s = Bytes32.wrap(bytes(random, 32));

        parentHash = Bytes32.wrap(bytes(random, 32));
        ommersHash = Bytes32.wrap(bytes(random, 32));
        coinbase = Address.wrap(bytes(random, 20));
        stateRoot = Bytes32.wrap(bytes(random, 32));
        txRoot = Bytes32.wrap(bytes(random, 32));
        receiptsRoot = Bytes32.wrap(bytes(random, 32));
        bloom = bytes(random, 256);
        number = 19_000_000;
        timestamp = 1_710_000_000;
        extraData = bytes(random, 32);
        mixHash = Bytes32.wrap(bytes(random, 32));
        headerNonce = new byte[8];
        baseFee = UInt256.of(7_000_000_000L);
        withdrawalsRoot = Bytes32.wrap(bytes(random, 32));
        parentBeaconRoot = Bytes32.wrap(bytes(random, 32));

        encodedTransaction = encodeTransaction();
        encodedHeader = encodeHeader();
    }

    @Benchmark
    public byte[] encodeTransaction() {
        return new RlpWriter(128).startList().writeLong(chainId).writeLong(nonce).writeUInt256(maxPriorityFee)
                .writeUInt256(maxFee).writeLong(gasLimit).writeBytes(to).writeUInt256(value).writeBytes(data)
                .startList().endList().writeLong(1).writeScalar(r.unsafeArray()).writeScalar(s.unsafeArray())
                .endList().toByteArray();
    }

    @Benchmark
    public void decodeTransaction(Blackhole bh) {
        RlpReader tx = RlpReader.list(encodedTransaction);
        bh.consume(tx.readLong());
        bh.consume(tx.readLong());
        bh.consume(tx.readUInt256Value());
        bh.consume(tx.readUInt256Value());
        bh.consume(tx.readLong());
        bh.consume(tx.readAddress());
        bh.consume(tx.readUInt256Value());
        bh.consume(tx.readBytes());
        RlpReader accessList = tx.readList();
        accessList.requireEnd();
        bh.consume(tx.readLong());
        bh.consume(tx.readUInt256Value());
        bh.consume(tx.readUInt256Value());
        tx.requireEnd();
    }

    @Benchmark
    public byte[] encodeHeader() {
        return new RlpWriter(640).startList().writeBytes(parentHash).writeBytes(ommersHash).writeBytes(coinbase)
                .writeBytes(stateRoot).writeBytes(txRoot).writeBytes(receiptsRoot).writeBytes(bloom).writeLong(0)
                .writeLong(number).writeLong(30_000_000).writeLong(12_345_678).writeLong(timestamp)
                .writeBytes(extraData).writeBytes(mixHash).writeBytes(headerNonce).writeUInt256(baseFee)
                .writeBytes(withdrawalsRoot).writeLong(131_072).writeLong(0).writeBytes(parentBeaconRoot).endList()
                .toByteArray();
    }

    @Benchmark
    public void decodeHeader(Blackhole bh) {
        RlpReader h = RlpReader.list(encodedHeader);
        for (int i = 0; i < 6; i++)
            bh.consume(i == 2 ? h.readAddress() : h.readBytes32());
        bh.consume(h.readBytes());
        for (int i = 0; i < 5; i++)
            bh.consume(h.readLong());
        bh.consume(h.readBytes());
        bh.consume(h.readBytes32());
        bh.consume(h.readBytes());
        bh.consume(h.readUInt256Value());
        bh.consume(h.readBytes32());
        bh.consume(h.readLong());
        bh.consume(h.readLong());
        bh.consume(h.readBytes32());
        h.requireEnd();
    }

    @Benchmark
    public RlpItem decodeHeaderGeneric() {
        return Rlp.decode(encodedHeader);
    }

    @Benchmark
    public RlpItem decodeTransactionGeneric() {
        return Rlp.decode(encodedTransaction);
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++)
            b[i] = (byte) random.nextInt(256);
        // A leading zero would make a scalar shorter than the fixed-width field it stands for.
        b[0] |= 1;
        return b;
    }
}
