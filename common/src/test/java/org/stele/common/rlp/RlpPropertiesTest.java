package org.stele.common.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.stele.common.Bytes;
import org.stele.common.UInt256;

/**
 * Round trips of random nested values, and robustness of the decoder on random bytes and on mutated valid encodings:
 * the only failure a hostile input may cause is an {@link RlpException}. Because decoding is canonical, anything the
 * decoder does accept must re-encode to exactly the bytes it came from.
 */
class RlpPropertiesTest {

    @Property
    void encodingThenDecodingReturnsTheSameValue(@ForAll("items") RlpItem item) {
        byte[] encoded = Rlp.encode(item);
        assertThat(Rlp.decode(encoded)).isEqualTo(item);
        assertThat(Rlp.decode(encoded).hashCode()).isEqualTo(item.hashCode());
    }

    @Property
    void streamingWriterAndTreeEncoderProduceTheSameBytes(@ForAll("items") RlpItem item) {
        RlpWriter w = new RlpWriter(1);
        writeStreaming(w, item);
        assertThat(w.toByteArray()).isEqualTo(Rlp.encode(item));
    }

    @Property
    void readerWalksWhatTheWriterWrote(@ForAll("items") RlpItem item) {
        RlpReader r = RlpReader.of(Rlp.encode(item));
        assertThat(r.readItem()).isEqualTo(item);
        r.requireEnd();
    }

    @Property(tries = 3000)
    void randomBytesEitherDecodeCanonicallyOrFailWithRlpException(@ForAll("noise") byte[] input) {
        decodeOrRlpException(input);
    }

    @Property(tries = 2000)
    void mutatedEncodingsEitherDecodeCanonicallyOrFailWithRlpException(@ForAll("items") RlpItem item,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] encoded = Rlp.encode(item);
        for (Mutation m : mutations)
            encoded = m.apply(encoded);
        decodeOrRlpException(encoded);
    }

    @Property(tries = 1500)
    void typedReadsOnRandomBytesFailOnlyWithRlpException(@ForAll("noise") byte[] input,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 10) Integer> reads) {
        RlpReader r = RlpReader.of(input);
        // a second reader walks the same items untyped: every value a typed read returns must re-encode to exactly
        // the item it came from, so a typed read can neither accept a non-canonical item nor return a wrong value
        RlpReader shadow = RlpReader.of(input);
        for (int op : reads) {
            if (!r.hasNext())
                break;
            byte[] reencoded;
            try {
                RlpWriter w = new RlpWriter();
                switch (op) {
                    case 0 -> r = r.readList();
                    case 1 -> w.writeBytes(r.readBytes());
                    case 2 -> w.writeLong(r.readLong());
                    case 3 -> w.writeUnsignedLong(r.readUnsignedLong());
                    case 4 -> w.writeLong(r.readInt());
                    case 5 -> w.writeBigInteger(r.readUInt256());
                    case 6 -> w.writeUInt256(r.readUInt256Value());
                    case 7 -> w.writeBytes(r.readBytes32());
                    case 8 -> w.writeBytes(r.readAddress());
                    case 9 -> w.writeRaw(r.readRaw());
                    default -> r.skip();
                }
                reencoded = w.toByteArray();
            } catch (RlpException expected) {
                assertThat(expected.offset()).isBetween(0, input.length);
                return;
            }
            switch (op) {
                case 0 -> shadow = shadow.readList();
                case 10 -> shadow.skip();
                default -> assertThat(reencoded).isEqualTo(shadow.readRaw());
            }
            assertThat(r.position()).isEqualTo(shadow.position());
        }
        try {
            r.requireEnd();
        } catch (RlpException expected) {
            assertThat(expected.offset()).isBetween(0, input.length);
            assertThat(shadow.hasNext()).isTrue();
            return;
        }
        assertThat(shadow.hasNext()).isFalse();
    }

    @Property
    void unsignedLongsRoundTripAsScalars(@ForAll long v) {
        byte[] encoded = new RlpWriter().writeUnsignedLong(v).toByteArray();
        assertThat(RlpReader.of(encoded).readUnsignedLong()).isEqualTo(v);
        assertThat(encoded).isEqualTo(Rlp.encode(RlpString.ofScalar(v)));
        if (v >= 0) {
            assertThat(RlpReader.of(new RlpWriter().writeLong(v).toByteArray()).readLong()).isEqualTo(v);
        } else {
            assertThatThrownBy(() -> RlpReader.of(encoded).readLong()).isInstanceOf(RlpException.class);
        }
    }

    @Property
    void uint256ScalarsRoundTripThroughEveryScalarMethod(@ForAll("uint256") UInt256 v) {
        byte[] viaLimbs = new RlpWriter().writeUInt256(v).toByteArray();
        byte[] viaBigInteger = new RlpWriter().writeBigInteger(v.toBigInteger()).toByteArray();
        byte[] viaPaddedBytes = new RlpWriter().writeScalar(v.toBytes32().toArray()).toByteArray();
        assertThat(viaLimbs).isEqualTo(viaBigInteger).isEqualTo(viaPaddedBytes);
        assertThat(RlpReader.of(viaLimbs).readUInt256Value()).isEqualTo(v);
        assertThat(RlpReader.of(viaLimbs).readUInt256()).isEqualTo(v.toBigInteger());
    }

    @Property
    void scalarsWithLeadingZerosAreRejected(@ForAll("uint256") UInt256 v,
            @ForAll @IntRange(min = 1, max = 4) int zeros) {
        byte[] minimal = v.toMinimalBytes();
        if (minimal.length + zeros > 32)
            return;
        byte[] padded = new byte[zeros + minimal.length];
        System.arraycopy(minimal, 0, padded, zeros, minimal.length);
        byte[] encoded = new RlpWriter().writeBytes(padded).toByteArray();
        assertThatThrownBy(() -> RlpReader.of(encoded).readUInt256Value()).isInstanceOf(RlpException.class)
                .hasMessageContaining("leading zero");
    }

    @Provide
    Arbitrary<RlpItem> items() {
        return item(3);
    }

    private Arbitrary<RlpItem> item(int depth) {
        Arbitrary<RlpItem> strings = byteStrings().map(b -> new RlpString(Bytes.wrap(b)));
        if (depth == 0)
            return strings;
        Arbitrary<RlpItem> lists = Arbitraries.lazy(() -> item(depth - 1)).list().ofMaxSize(5).map(RlpList::new);
        return Arbitraries.frequencyOf(Tuple.of(3, strings), Tuple.of(2, lists));
    }

    /** Lengths chosen around the encoding's boundaries: one byte, 55/56 bytes, and lengths needing 2 length bytes. */
    private static Arbitrary<byte[]> byteStrings() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers()
                .between(0, 3)), Tuple.of(3, Arbitraries.integers().between(4, 60)),
                Tuple.of(1, Arbitraries.integers().between(250, 300)));
        return lengths.flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> uniform = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        // Bytes drawn mostly from the prefix boundaries make structurally plausible inputs far more often.
        Arbitrary<Byte> plausible = Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x7f, (byte) 0x80, (byte) 0x81,
                (byte) 0xb7, (byte) 0xb8, (byte) 0xb9, (byte) 0xbf, (byte) 0xc0, (byte) 0xc1, (byte) 0xf7, (byte) 0xf8,
                (byte) 0xf9, (byte) 0xff, (byte) 0x38, (byte) 0x02);
        Arbitrary<byte[]> structured = plausible.list().ofMaxSize(64).map(RlpPropertiesTest::toArray);
        return Arbitraries.oneOf(uniform, structured);
    }

    @Provide
    Arbitrary<UInt256> uint256() {
        Arbitrary<Long> limb = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, 0L, 1L, -1L, 0x7fL, 0x80L));
        return Combinators.combine(limb, limb, limb, limb).as(UInt256::new);
    }

    sealed interface Mutation {
        byte[] apply(byte[] b);
    }

    record Flip(int at, byte value) implements Mutation {
        public byte[] apply(byte[] b) {
            if (b.length == 0)
                return b;
            byte[] out = b.clone();
            out[Math.floorMod(at, b.length)] = value;
            return out;
        }
    }

    record Insert(int at, byte value) implements Mutation {
        public byte[] apply(byte[] b) {
            int i = Math.floorMod(at, b.length + 1);
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, i);
            out[i] = value;
            System.arraycopy(b, i, out, i + 1, b.length - i);
            return out;
        }
    }

    record Delete(int at) implements Mutation {
        public byte[] apply(byte[] b) {
            if (b.length == 0)
                return b;
            int i = Math.floorMod(at, b.length);
            byte[] out = new byte[b.length - 1];
            System.arraycopy(b, 0, out, 0, i);
            System.arraycopy(b, i + 1, out, i, b.length - i - 1);
            return out;
        }
    }

    record Truncate(int keep) implements Mutation {
        public byte[] apply(byte[] b) {
            return Arrays.copyOf(b, Math.floorMod(keep, b.length + 1));
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<Mutation> one = Arbitraries.oneOf(Combinators.combine(at, value).as(Flip::new),
                Combinators.combine(at, value).as(Insert::new), at.map(Delete::new), at.map(Truncate::new));
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    private static void decodeOrRlpException(byte[] input) {
        RlpItem decoded;
        try {
            decoded = Rlp.decode(input);
        } catch (RlpException expected) {
            assertThat(expected.offset()).isBetween(0, input.length);
            return;
        }
        assertThat(Rlp.encode(decoded)).isEqualTo(input);
    }

    private static void writeStreaming(RlpWriter w, RlpItem item) {
        switch (item) {
            case RlpString s -> w.writeBytes(s.value());
            case RlpList l -> {
                w.startList();
                l.items().forEach(i -> writeStreaming(w, i));
                w.endList();
            }
        }
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++)
            out[i] = bytes.get(i);
        return out;
    }
}
