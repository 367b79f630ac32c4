package org.stele.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.common.crypto.Keccak256;

class LogsBloomTest {

    /** go-ethereum's TestBloomExtensively (core/types/bloom9_test.go). */
    @Test
    void hundredItemsGiveTheBloomOfGoEthereumsVector() {
        LogsBloom.Builder b = new LogsBloom.Builder();
        for (int i = 0; i < 100; i++)
            b.addItem(("xxxxxxxxxx data " + i + " yyyyyyyyyyyyyy").getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.encode(Keccak256.hash(b.build().toArray())))
                .isEqualTo("0xc8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263");
    }

    /** go-ethereum's TestBloom: added items test positive, these two others negative. */
    @Test
    void addedItemsArePresentAndTheKnownNegativesAreNot() {
        LogsBloom.Builder b = new LogsBloom.Builder();
        for (String s : List.of("testtest", "test", "hallo", "other"))
            b.addItem(s.getBytes(StandardCharsets.US_ASCII));
        LogsBloom bloom = b.build();
        for (String s : List.of("testtest", "test", "hallo", "other"))
            assertThat(bloom.mightContain(Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII)))).isTrue();
        for (String s : List.of("tes", "lo"))
            assertThat(bloom.mightContain(Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII)))).isFalse();
    }

    @Test
    void aLogSetsAtMostThreeBitsPerItem() {
        Log log = new Log(Address.fromHex("0x" + "11".repeat(20)), List.of(Bytes32.ZERO), Bytes.EMPTY);
        LogsBloom bloom = LogsBloom.of(List.of(log));
        int bits = 0;
        for (byte x : bloom.toArray())
            bits += Integer.bitCount(x & 0xff);
        assertThat(bits).isBetween(1, 6);
        assertThat(bloom.mightContain(log.address())).isTrue();
        assertThat(bloom.mightContain(Bytes32.ZERO)).isTrue();
        assertThat(LogsBloom.EMPTY.isEmpty()).isTrue();
    }

    @Property(tries = 200)
    void theUnionContainsEveryPart(@ForAll @Size(max = 5) List<byte[]> left,
            @ForAll @Size(max = 5) List<byte[]> right) {
        LogsBloom.Builder a = new LogsBloom.Builder();
        left.forEach(a::addItem);
        LogsBloom.Builder b = new LogsBloom.Builder();
        right.forEach(b::addItem);
        LogsBloom union = LogsBloom.union(List.of(a.build(), b.build()));
        for (byte[] item : left)
            assertThat(union.mightContain(Bytes.wrap(item))).isTrue();
        for (byte[] item : right)
            assertThat(union.mightContain(Bytes.wrap(item))).isTrue();
    }

    @Test
    void aBloomHoldsTheLogsAddressesAndTopicsAndNotOthers() {
        Address emitter = Address.fromHex("0x" + "11".repeat(20));
        Bytes32 topic = Bytes32.leftPad(new byte[]{7});
        LogsBloom bloom = LogsBloom.of(List.of(new Log(emitter, List.of(topic), Bytes.fromHex("0xff"))));
        assertThat(bloom.mightContain(emitter)).isTrue();
        assertThat(bloom.mightContain(topic)).isTrue();
        // neither sets all three of the bloom's bits for these (checked: a certain negative, not a false positive)
        assertThat(bloom.mightContain(Address.fromHex("0x" + "22".repeat(20)))).isFalse();
        assertThat(bloom.mightContain(Bytes32.leftPad(new byte[]{8}))).isFalse();
        assertThat(bloom.isEmpty()).isFalse();
        assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    }

    @Test
    void bloomsAreEqualExactlyWhenTheirBitsAre() {
        byte[] low = new byte[LogsBloom.SIZE];
        low[LogsBloom.SIZE - 1] = 1;
        byte[] high = new byte[LogsBloom.SIZE];
        high[0] = (byte) 0x80;
        LogsBloom a = LogsBloom.wrap(low);
        assertThat(a).isEqualTo(LogsBloom.wrap(low.clone())).hasSameHashCodeAs(LogsBloom.wrap(low.clone()))
                .isNotEqualTo(LogsBloom.wrap(high)).isNotEqualTo(LogsBloom.EMPTY).isNotEqualTo(low);
        assertThat(a.hashCode()).isNotEqualTo(LogsBloom.wrap(high).hashCode());
        assertThat(a.isEmpty()).isFalse();
        assertThat(LogsBloom.wrap(high).isEmpty()).isFalse();
    }

    @Test
    void aBloomPrintsAsTheHexOfItsTwoHundredFiftySixBytes() {
        byte[] bits = new byte[LogsBloom.SIZE];
        bits[0] = (byte) 0xab;
        bits[LogsBloom.SIZE - 1] = 0x01;
        String hex = "0xab" + "00".repeat(LogsBloom.SIZE - 2) + "01";
        LogsBloom bloom = LogsBloom.fromHex(hex);
        assertThat(bloom.toHex()).isEqualTo(hex);
        assertThat(bloom).hasToString(hex).isEqualTo(LogsBloom.wrap(bits));
        assertThat(bloom.toArray()).isEqualTo(bits).isNotSameAs(bloom.toArray());
        assertThat(bloom.unsafeArray()).isEqualTo(bits);
    }

    @Test
    void onlyTwoHundredFiftySixBytesMakeABloom() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogsBloom.wrap(new byte[LogsBloom.SIZE - 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogsBloom.wrap(new byte[LogsBloom.SIZE + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("257");
    }

    @Test
    void theBuilderChainsItsAdditions() {
        Log log = new Log(Address.fromHex("0x" + "33".repeat(20)), List.of(), Bytes.EMPTY);
        byte[] item = {1, 2, 3};
        LogsBloom chained = new LogsBloom.Builder().add(log).addItem(item).build();
        assertThat(chained.mightContain(log.address())).isTrue();
        assertThat(chained.mightContain(Bytes.wrap(item))).isTrue();
    }

    /** A bloom straight from the Yellow Paper's m3:2048, hashing every item. */
    private static byte[] reference(List<byte[]> items) {
        byte[] bits = new byte[LogsBloom.SIZE];
        for (byte[] item : items) {
            byte[] h = Keccak256.hash(item);
            for (int i = 0; i < 6; i += 2) {
                int bit = ((h[i] & 0x07) << 8) | (h[i + 1] & 0xff);
                bits[LogsBloom.SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
            }
        }
        return bits;
    }

    @Property(tries = 50)
    void bloomsFromRememberedBitPositionsAreThoseOfHashingEveryItem(@ForAll long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        List<byte[]> pool = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] item = new byte[rnd.nextBoolean() ? 20 : 32];
            rnd.nextBytes(item);
            pool.add(item);
        }
        for (int block = 0; block < 5; block++) {
            List<byte[]> items = new java.util.ArrayList<>();
            for (int n = rnd.nextInt(30); n > 0; n--) items.add(pool.get(rnd.nextInt(pool.size())));
            LogsBloom.Builder b = new LogsBloom.Builder();
            for (byte[] item : items) b.addItem(item);
            assertThat(b.build().toArray()).isEqualTo(reference(items));
        }
    }

    @Test
    void bitPositionsStayRightWhenTheMemoryStartsAgain() {
        List<byte[]> items = new java.util.ArrayList<>();
        for (int i = 0; i < LogsBloom.BitPositions.REMEMBERED + 100; i++)
            items.add(Keccak256.hash(new byte[]{(byte) i, (byte) (i >> 8), (byte) (i >> 16)}));
        for (int round = 0; round < 2; round++)
            for (byte[] item : items) {
                LogsBloom.Builder b = new LogsBloom.Builder();
                b.addItem(item);
                assertThat(b.build().toArray()).isEqualTo(reference(List.of(item)));
            }
    }

    /**
     * Items whose bytes differ but whose array hash codes are equal (raising one byte by 1 and lowering the next by 31
     * keeps {@code Arrays.hashCode}): remembered bit positions must be told apart by content, not by hash code.
     */
    @Property(tries = 50)
    void itemsWithEqualHashCodesKeepTheirOwnBitPositions(@ForAll @Size(min = 20, max = 32) byte[] bytes,
            @ForAll("index") int at) {
        int i = at % (bytes.length - 1);
        byte[] item = bytes.clone();
        item[i] = 0;
        item[i + 1] = 0;
        byte[] twin = item.clone();
        twin[i] = 1;
        twin[i + 1] = -31;
        assertThat(java.util.Arrays.hashCode(twin)).isEqualTo(java.util.Arrays.hashCode(item));
        for (byte[] first : List.of(item, twin)) {
            for (byte[] x : List.of(first, first == item ? twin : item)) {
                LogsBloom.Builder b = new LogsBloom.Builder();
                b.addItem(x);
                assertThat(b.build().toArray()).isEqualTo(reference(List.of(x)));
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> index() {
        return net.jqwik.api.Arbitraries.integers().between(0, 1000);
    }
}
