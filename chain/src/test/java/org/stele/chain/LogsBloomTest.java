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
}
