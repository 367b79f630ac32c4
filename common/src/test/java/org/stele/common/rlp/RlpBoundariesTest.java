package org.stele.common.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;
import org.stele.common.Hex;
import org.stele.common.UInt256;

/**
 * RLP at its edges: zero scalars, the switch from the short to the long length form between 55 and 56 bytes, and
 * each {@link RlpLimits} bound exactly at its value (accepted) and one past it (refused).
 */
class RlpBoundariesTest {

    @Test
    void zeroBigIntegerIsWrittenAsTheEmptyStringAndReadBackAsZero() {
        byte[] encoded = new RlpWriter().writeBigInteger(BigInteger.ZERO).toByteArray();
        assertThat(encoded).containsExactly(0x80);
        assertThat(RlpReader.of(encoded).readUInt256()).isEqualTo(BigInteger.ZERO);
        assertThat(RlpReader.of(encoded).readUInt256Value()).isEqualTo(UInt256.ZERO);
        assertThat(RlpReader.of(encoded).readLong()).isZero();
        assertThat(new RlpWriter().writeUInt256(UInt256.ZERO).toByteArray()).containsExactly(0x80);
        assertThat(new RlpWriter().writeScalar(new byte[4]).toByteArray()).containsExactly(0x80);
    }

    @Test
    void smallBigIntegersAreOneByteAndLargeOnesLoseTheSignByte() {
        assertThat(new RlpWriter().writeBigInteger(BigInteger.ONE).toByteArray()).containsExactly(0x01);
        assertThat(new RlpWriter().writeBigInteger(BigInteger.valueOf(0x7f)).toByteArray()).containsExactly(0x7f);
        assertThat(new RlpWriter().writeBigInteger(BigInteger.valueOf(0x80)).toByteArray()).containsExactly(0x81,
                0x80);
        // 0xff needs a sign byte in two's complement, which RLP drops
        assertThat(new RlpWriter().writeBigInteger(BigInteger.valueOf(0xff)).toByteArray()).containsExactly(0x81,
                0xff);
    }

    @Test
    void negativeBigIntegersCannotBeWritten() {
        assertThatThrownBy(() -> new RlpWriter().writeBigInteger(BigInteger.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RlpWriter().writeLong(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStringOf55BytesUsesTheShortFormAndOneOf56TheLongForm() {
        byte[] short55 = new RlpWriter().writeBytes(filled(55)).toByteArray();
        byte[] long56 = new RlpWriter().writeBytes(filled(56)).toByteArray();
        assertThat(short55).hasSize(56).startsWith(0xb7);
        assertThat(long56).hasSize(58).startsWith(0xb8, 56);
        assertThat(Rlp.encode(new RlpString(Bytes.wrap(filled(55))))).isEqualTo(short55);
        assertThat(Rlp.encode(new RlpString(Bytes.wrap(filled(56))))).isEqualTo(long56);
        assertThat(RlpReader.of(short55).readBytes()).isEqualTo(filled(55));
        assertThat(RlpReader.of(long56).readBytes()).isEqualTo(filled(56));
        assertThat(Rlp.decode(long56)).isEqualTo(new RlpString(Bytes.wrap(filled(56))));
    }

    @Test
    void a55ByteStringInTheLongFormIsRefused() {
        byte[] longForm = concat(new byte[]{(byte) 0xb8, 55}, filled(55));
        assertThatThrownBy(() -> RlpReader.of(longForm).readBytes()).isInstanceOf(RlpException.class)
                .hasMessageContaining("short form");
        assertThatThrownBy(() -> Rlp.decode(longForm)).isInstanceOf(RlpException.class);
    }

    @Test
    void aListOf55PayloadBytesUsesTheShortFormAndOneOf56TheLongForm() {
        // 55 single-byte items make a payload of 55 bytes; 56 of them one of 56
        byte[] short55 = listOfOnes(55);
        byte[] long56 = listOfOnes(56);
        assertThat(short55).hasSize(56).startsWith(0xf7);
        assertThat(long56).hasSize(58).startsWith(0xf8, 56);
        assertThat(Rlp.encode(Rlp.decode(short55))).isEqualTo(short55);
        assertThat(Rlp.encode(Rlp.decode(long56))).isEqualTo(long56);
        assertThat(((RlpList) Rlp.decode(long56)).size()).isEqualTo(56);
        RlpReader items = RlpReader.list(long56);
        int n = 0;
        while (items.hasNext()) {
            assertThat(items.readLong()).isEqualTo(1);
            n++;
        }
        assertThat(n).isEqualTo(56);
    }

    @Test
    void aListOf55PayloadBytesInTheLongFormIsRefused() {
        byte[] payload = new byte[55];
        Arrays.fill(payload, (byte) 1);
        byte[] longForm = concat(new byte[]{(byte) 0xf8, 55}, payload);
        assertThatThrownBy(() -> RlpReader.of(longForm).readList()).isInstanceOf(RlpException.class)
                .hasMessageContaining("short form");
        assertThatThrownBy(() -> Rlp.decode(longForm)).isInstanceOf(RlpException.class);
    }

    @Test
    void inputExactlyAtTheSizeLimitIsAcceptedAndOneByteMoreRefused() {
        byte[] encoded = new RlpWriter().writeBytes(filled(100)).toByteArray(); // 102 bytes
        assertThat(Rlp.decode(encoded, RlpLimits.DEFAULT.withMaxSize(102))).isEqualTo(new RlpString(Bytes.wrap(
                filled(100))));
        assertThatThrownBy(() -> Rlp.decode(encoded, RlpLimits.DEFAULT.withMaxSize(101)))
                .isInstanceOf(RlpException.class).hasMessageContaining("limit of 101");
        assertThat(RlpReader.of(encoded, 102).readBytes()).hasSize(100);
        assertThatThrownBy(() -> RlpReader.of(encoded, 101)).isInstanceOf(RlpException.class);
        byte[] list = listOfOnes(10); // 11 bytes
        assertThat(RlpReader.list(list, 11).hasNext()).isTrue();
        assertThatThrownBy(() -> RlpReader.list(list, 10)).isInstanceOf(RlpException.class);
    }

    @Test
    void readItemAcceptsAnItemExactlyAtTheSizeLimit() {
        byte[] encoded = new RlpWriter().startList().writeBytes(filled(60)).endList().toByteArray();
        assertThat(RlpReader.list(encoded).readItem(RlpLimits.DEFAULT.withMaxSize(62))).isEqualTo(new RlpString(
                Bytes.wrap(filled(60))));
        assertThatThrownBy(() -> RlpReader.list(encoded).readItem(RlpLimits.DEFAULT.withMaxSize(61)))
                .isInstanceOf(RlpException.class);
    }

    @Test
    void aListExactlyAtTheItemLimitIsAcceptedAndOneItemMoreRefused() {
        byte[] encoded = listOfOnes(3); // the list and its three strings: four items
        assertThat(Rlp.decode(encoded, RlpLimits.DEFAULT.withMaxItems(4))).isEqualTo(Rlp.decode(encoded));
        assertThatThrownBy(() -> Rlp.decode(encoded, RlpLimits.DEFAULT.withMaxItems(3)))
                .isInstanceOf(RlpException.class).hasMessageContaining("more than 3 items");
    }

    @Test
    void aSingleStringIsOneItemAndNoListLevel() {
        byte[] encoded = Hex.decode("0x83616263");
        assertThat(Rlp.decode(encoded, new RlpLimits(4, 0, 1))).isEqualTo(RlpString.of((byte) 'a', (byte) 'b',
                (byte) 'c'));
        assertThatThrownBy(() -> Rlp.decode(encoded, new RlpLimits(4, 0, 0))).isInstanceOf(RlpException.class)
                .hasMessageContaining("more than 0 items");
        assertThatThrownBy(() -> Rlp.decode(encoded, new RlpLimits(3, 0, 1))).isInstanceOf(RlpException.class);
    }

    @Test
    void aListNeedsADepthOfOneAndAnEmptyListIsOneItem() {
        byte[] empty = Hex.decode("0xc0");
        assertThat(Rlp.decode(empty, new RlpLimits(1, 1, 1))).isEqualTo(RlpList.EMPTY);
        assertThatThrownBy(() -> Rlp.decode(empty, new RlpLimits(1, 0, 1))).isInstanceOf(RlpException.class)
                .hasMessageContaining("nested deeper than 0");
        assertThatThrownBy(() -> Rlp.decode(empty, new RlpLimits(1, 1, 0))).isInstanceOf(RlpException.class);
    }

    @Test
    void nestingExactlyAtTheDepthLimitIsAcceptedAndOneLevelMoreRefused() {
        byte[] twoDeep = Hex.decode("0xc2c101"); // [[1]]
        assertThat(Rlp.decode(twoDeep, new RlpLimits(3, 2, 3))).isEqualTo(RlpList.of(RlpList.of(RlpString.of(
                (byte) 1))));
        assertThatThrownBy(() -> Rlp.decode(twoDeep, new RlpLimits(3, 1, 3))).isInstanceOf(RlpException.class)
                .hasMessageContaining("nested deeper than 1");
        assertThatThrownBy(() -> Rlp.decode(twoDeep, new RlpLimits(3, 2, 2))).isInstanceOf(RlpException.class);
    }

    @Test
    void limitsMayBeZeroButNotNegative() {
        assertThat(new RlpLimits(0, 0, 0).maxSize()).isZero();
        assertThatThrownBy(() -> new RlpLimits(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RlpLimits(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RlpLimits(0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        RlpLimits limits = new RlpLimits(1, 2, 3).withMaxSize(4).withMaxDepth(5).withMaxItems(6);
        assertThat(limits).isEqualTo(new RlpLimits(4, 5, 6));
    }

    private static byte[] listOfOnes(int n) {
        List<RlpItem> items = new ArrayList<>();
        RlpWriter w = new RlpWriter().startList();
        for (int i = 0; i < n; i++) {
            w.writeLong(1);
            items.add(RlpString.of((byte) 1));
        }
        byte[] streamed = w.endList().toByteArray();
        assertThat(Rlp.encode(new RlpList(items))).isEqualTo(streamed);
        return streamed;
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xaa);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aListReaderWithASizeLimitStillRefusesTrailingBytes() {
        assertThatThrownBy(() -> RlpReader.list(Hex.decode("0xc00101"), 3)).isInstanceOf(RlpException.class)
                .hasMessageContaining("trailing bytes");
    }

    @Test
    void readIntAcceptsTheLargestIntAndRefusesOneMore() {
        byte[] max = new RlpWriter().writeLong(Integer.MAX_VALUE).toByteArray();
        assertThat(RlpReader.of(max).readInt()).isEqualTo(Integer.MAX_VALUE);
        byte[] over = new RlpWriter().writeLong(Integer.MAX_VALUE + 1L).toByteArray();
        assertThatThrownBy(() -> RlpReader.of(over).readInt()).isInstanceOf(RlpException.class)
                .hasMessageContaining("does not fit in an int");
    }

    @Test
    void aFourByteLengthIsReadAndAFiveByteOneRefusedBeforeItIsRead() {
        // four length bytes are allowed (and here name more bytes than there are); five are refused as such
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("0xbb01000000")).readBytes())
                .isInstanceOf(RlpException.class).hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("0xbc0100000000")).readBytes())
                .isInstanceOf(RlpException.class).hasMessageContaining("length of 5 bytes is too large");
    }

    @Test
    void aLengthOfExactlyTheLargestIntIsNotTooLargeButOneMoreIs() {
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("0xbb7fffffff")).readBytes())
                .isInstanceOf(RlpException.class).hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("0xbb80000000")).readBytes())
                .isInstanceOf(RlpException.class).hasMessageContaining("length 2147483648 is too large");
    }

    @Test
    void trailingBytesAreCountedInTheError() {
        RlpReader r = RlpReader.of(Hex.decode("0x010203"));
        r.skip();
        assertThatThrownBy(r::requireEnd).isInstanceOf(RlpException.class)
                .hasMessageContaining("unexpected trailing bytes: 2 left");
    }

    @Test
    void listsWithTheSameShapeButOtherStringsDifferAndPrintTheirItemsApart() {
        RlpList a = RlpList.of(RlpString.of((byte) 1), RlpList.of(RlpString.of((byte) 2)));
        RlpList b = RlpList.of(RlpString.of((byte) 1), RlpList.of(RlpString.of((byte) 3)));
        assertThat(a).isNotEqualTo(b).isEqualTo(RlpList.of(RlpString.of((byte) 1), RlpList.of(RlpString.of((byte) 2))));
        assertThat(a).hasToString("[0x01, [0x02]]");
        assertThat(RlpList.of(RlpString.of((byte) 1), RlpString.EMPTY, RlpList.EMPTY)).hasToString("[0x01, 0x, []]");
    }

    @Test
    void hashCodesFollowTheNestingAndTheOrderOfItems() {
        RlpString x = RlpString.of((byte) 1);
        RlpString y = RlpString.of((byte) 2);
        // [[x], y] and [[x, y]] hold the same strings in the same order: only the nesting tells them apart
        assertThat(RlpList.of(RlpList.of(x), y).hashCode()).isNotEqualTo(RlpList.of(RlpList.of(x, y)).hashCode());
        assertThat(RlpList.of(x, y).hashCode()).isNotEqualTo(RlpList.of(y, x).hashCode());
        assertThat(RlpList.of(x, y).hashCode()).isNotEqualTo(RlpList.of(x).hashCode());
        assertThat(RlpList.of(x, RlpList.of(y)).hashCode())
                .isEqualTo(RlpList.of(RlpString.of((byte) 1), RlpList.of(RlpString.of((byte) 2))).hashCode());
        assertThat(RlpList.EMPTY.hashCode()).isNotEqualTo(RlpList.of(RlpList.EMPTY).hashCode());
    }
}
