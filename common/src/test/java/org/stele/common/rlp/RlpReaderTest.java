package org.stele.common.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.common.UInt256;

/** The strictness rules of the typed cursor, each with the offset its error must name. */
class RlpReaderTest {

    @Test
    void scalarWithLeadingZeroIsRejected() {
        assertRejected("0x820001", r -> r.readLong(), "leading zero", 0);
        assertRejected("0x00", r -> r.readUInt256Value(), "leading zero", 0);
    }

    @Test
    void singleByteBelow0x80WrappedInAStringPrefixIsRejected() {
        assertRejected("0x817f", RlpReader::readBytes, "single byte below 0x80", 0);
        assertThat(RlpReader.of(Hex.decode("0x8180")).readBytes()).containsExactly(0x80);
    }

    @Test
    void longFormLengthThatFitsTheShortFormIsRejected() {
        assertRejected("0xb801ff", RlpReader::readBytes, "should use the short form", 0);
        assertRejected("0xf80180", RlpReader::readList, "should use the short form", 0);
    }

    @Test
    void lengthWithLeadingZeroBytesIsRejected() {
        assertRejected("0xb9003800", RlpReader::readBytes, "leading zero", 0);
    }

    @Test
    void lengthsBeyondFourBytesAreRejected() {
        assertRejected("0xbd010000000000", RlpReader::readBytes, "too large", 0);
    }

    @Test
    void itemOverrunningItsContainerIsRejectedAtTheItem() {
        // [ "abc" ] whose list header claims 2 bytes: the string inside claims 3 more than the list holds.
        byte[] encoded = Hex.decode("0xc283616263");
        RlpReader outer = RlpReader.of(encoded);
        RlpReader list = outer.readList();
        assertThatThrownBy(list::readBytes).isInstanceOf(RlpException.class)
                .hasMessageContaining("runs past the end of its container").hasMessageContaining("offset 1");
        assertThatThrownBy(() -> Rlp.decode(encoded)).isInstanceOf(RlpException.class);
    }

    @Test
    void trailingBytesAfterTheItemAreRejected() {
        assertThatThrownBy(() -> RlpReader.list(Hex.decode("0xc00101"))).isInstanceOf(RlpException.class)
                .hasMessageContaining("trailing bytes").hasMessageContaining("offset 1");
        assertThatThrownBy(() -> Rlp.decode(Hex.decode("0x8001"))).isInstanceOf(RlpException.class)
                .hasMessageContaining("offset 1");
    }

    @Test
    void truncatedInputNamesTheItemThatRunsOut() {
        assertRejected("0xc4018203", RlpReader::readList, "runs past the end", 0);
        assertRejected("", RlpReader::readBytes, "unexpected end of input", 0);
    }

    @Test
    void inputLargerThanTheSizeLimitIsRefusedBeforeDecoding() {
        byte[] encoded = new RlpWriter().writeBytes(new byte[100]).toByteArray();
        assertThatThrownBy(() -> RlpReader.of(encoded, 100)).isInstanceOf(RlpException.class)
                .hasMessageContaining("exceeds the limit of 100");
        assertThat(RlpReader.of(encoded, 102).readBytes()).hasSize(100);
        assertThatThrownBy(() -> Rlp.decode(encoded, RlpLimits.DEFAULT.withMaxSize(50)))
                .isInstanceOf(RlpException.class);
    }

    @Test
    void itemCountLimitStopsDecodingOfManySmallItems() {
        RlpWriter w = new RlpWriter().startList();
        for (int i = 0; i < 100; i++)
            w.writeLong(1);
        byte[] encoded = w.endList().toByteArray();
        assertThat(((RlpList) Rlp.decode(encoded, RlpLimits.DEFAULT.withMaxItems(101))).size()).isEqualTo(100);
        assertThatThrownBy(() -> Rlp.decode(encoded, RlpLimits.DEFAULT.withMaxItems(100)))
                .isInstanceOf(RlpException.class).hasMessageContaining("more than 100 items");
    }

    @Test
    void readItemHonoursTheSizeLimitOfTheNextItem() {
        byte[] encoded = new RlpWriter().startList().writeBytes(new byte[60]).writeLong(7).endList().toByteArray();
        RlpReader list = RlpReader.list(encoded);
        assertThatThrownBy(() -> list.readItem(RlpLimits.DEFAULT.withMaxSize(61))).isInstanceOf(RlpException.class)
                .hasMessageContaining("offset 2");
        assertThat(list.readItem(RlpLimits.DEFAULT.withMaxSize(62))).isEqualTo(new RlpString(
                org.stele.common.Bytes.wrap(new byte[60])));
        assertThat(list.readLong()).isEqualTo(7);
    }

    @Test
    void fixedSizeFieldsMustHaveTheirExactSize() {
        byte[] short32 = new RlpWriter().writeBytes(new byte[31]).toByteArray();
        assertThatThrownBy(() -> RlpReader.of(short32).readBytes32()).isInstanceOf(RlpException.class)
                .hasMessageContaining("expected 32 bytes");
        byte[] long20 = new RlpWriter().writeBytes(new byte[21]).toByteArray();
        assertThatThrownBy(() -> RlpReader.of(long20).readAddress()).isInstanceOf(RlpException.class)
                .hasMessageContaining("20-byte address");
        Bytes32 word = Bytes32.fromHex("0x" + "ab".repeat(32));
        Address address = Address.fromHex("0x" + "cd".repeat(20));
        byte[] both = new RlpWriter().startList().writeBytes(word).writeBytes(address).endList().toByteArray();
        RlpReader r = RlpReader.list(both);
        assertThat(r.readBytes32()).isEqualTo(word);
        assertThat(r.readAddress()).isEqualTo(address);
        r.requireEnd();
    }

    @Test
    void scalarsTooWideForTheirTypeAreRejected() {
        byte[] nineBytes = new RlpWriter().writeScalar(Hex.decode("0x010000000000000000")).toByteArray();
        assertRejected(Hex.encode(nineBytes), RlpReader::readLong, "longer than 8 bytes", 0);
        byte[] high = new RlpWriter().writeUnsignedLong(Long.MIN_VALUE).toByteArray();
        assertRejected(Hex.encode(high), RlpReader::readLong, "signed 64-bit", 0);
        byte[] overInt = new RlpWriter().writeLong(1L << 31).toByteArray();
        assertRejected(Hex.encode(overInt), RlpReader::readInt, "does not fit in an int", 0);
        byte[] wide = new RlpWriter().writeBytes(new byte[33]).toByteArray();
        wide[1] = 1;
        assertRejected(Hex.encode(wide), RlpReader::readUInt256Value, "longer than 32 bytes", 0);
    }

    @Test
    void listAndStringAreNotInterchangeable() {
        assertRejected("0xc0", RlpReader::readBytes, "expected a string", 0);
        assertRejected("0x80", RlpReader::readList, "expected a list", 0);
    }

    @Test
    void rawAndSkipCoverExactlyOneItem() {
        byte[] encoded = new RlpWriter().startList().startList().writeLong(1).writeLong(1024).endList().writeLong(5)
                .endList().toByteArray();
        RlpReader r = RlpReader.list(encoded);
        assertThat(r.readRaw()).isEqualTo(Hex.decode("0xc401820400"));
        assertThat(r.readLong()).isEqualTo(5);
        RlpReader again = RlpReader.list(encoded);
        again.skip();
        assertThat(again.position()).isEqualTo(6);
    }

    @Test
    void uint256ScalarsDecodeToLimbs() {
        UInt256 v = UInt256.fromHex("0x1000000000000000000000000000000000000000000000000000000000000001");
        byte[] encoded = new RlpWriter().writeUInt256(v).toByteArray();
        assertThat(encoded).hasSize(33);
        assertThat(RlpReader.of(encoded).readUInt256Value()).isEqualTo(v);
        assertThat(new RlpWriter().writeUInt256(UInt256.ZERO).toByteArray()).containsExactly(0x80);
    }

    private interface Read {
        Object apply(RlpReader r);
    }

    private static void assertRejected(String hex, Read read, String message, int offset) {
        RlpReader r = RlpReader.of(Hex.decode(hex));
        assertThatThrownBy(() -> read.apply(r)).isInstanceOf(RlpException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((RlpException) e).offset()).isEqualTo(offset));
    }
}
