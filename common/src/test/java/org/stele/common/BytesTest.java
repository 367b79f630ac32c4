package org.stele.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class BytesTest {

    @Example
    void ofCopiesItsInputSoLaterWritesDoNotLeakIn() {
        byte[] source = {1, 2, 3};
        Bytes b = Bytes.of(source);
        source[0] = 9;
        assertThat(b.get(0)).isEqualTo((byte) 1);
        b.toArray()[1] = 9;
        assertThat(b.get(1)).isEqualTo((byte) 2);
    }

    @Example
    void sliceOutsideTheRangeIsRejectedRatherThanPadded() {
        Bytes b = Bytes.fromHex("0x010203");
        assertThat(b.slice(1, 2)).isEqualTo(Bytes.fromHex("0x0203"));
        assertThat(b.slice(3)).isEqualTo(Bytes.EMPTY);
        assertThatThrownBy(() -> b.slice(2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.slice(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.slice(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Property
    void concatenationOfSlicesRebuildsTheOriginal(@ForAll byte[] bytes) {
        Bytes b = Bytes.wrap(bytes.clone());
        int mid = bytes.length / 2;
        // compared as arrays too, so that the check does not rest on Bytes.equals alone
        assertThat(b.slice(0, mid).toArray()).isEqualTo(Arrays.copyOfRange(bytes, 0, mid));
        assertThat(b.slice(mid).toArray()).isEqualTo(Arrays.copyOfRange(bytes, mid, bytes.length));
        assertThat(Bytes.concat(b.slice(0, mid), b.slice(mid)).toArray()).isEqualTo(bytes);
        assertThat(Bytes.concat(b.slice(0, mid), b.slice(mid))).isEqualTo(b);
        assertThat(Bytes.fromHex(b.toHex())).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b.size()).isEqualTo(bytes.length);
    }

    @Property
    void bytesAreEqualExactlyWhenTheirContentsAre(@ForAll byte[] a, @ForAll byte[] b) {
        assertThat(Bytes.of(a).equals(Bytes.of(b))).isEqualTo(Arrays.equals(a, b));
        assertThat(Bytes.of(a).equals(a)).as("a Bytes never equals a raw array").isFalse();
        if (Arrays.equals(a, b))
            assertThat(Bytes.of(a).hashCode()).isEqualTo(Bytes.of(b).hashCode());
    }

    @Example
    void valuesThatDifferInOneByteOrInLengthAreNotEqual() {
        assertThat(Bytes.fromHex("0x0102")).isNotEqualTo(Bytes.fromHex("0x0103"))
                .isNotEqualTo(Bytes.fromHex("0x01")).isNotEqualTo(Bytes.fromHex("0x010200")).isNotEqualTo(null);
        assertThat(Bytes.EMPTY).isNotEqualTo(Bytes.fromHex("0x00"));
        assertThat(Bytes.fromHex("0x010203").slice(1, 1)).isNotEqualTo(Bytes.fromHex("0x03"));
        assertThat(Bytes32.ZERO).isNotEqualTo(Bytes32.leftPad(new byte[]{1}));
        assertThat(Address.fromHex("0x0000000000000000000000000000000000000001")).isNotEqualTo(Address.ZERO);
    }

    @Property
    void orderIsUnsignedLexicographic(@ForAll byte[] a, @ForAll byte[] b) {
        assertThat(Integer.signum(Bytes.of(a).compareTo(Bytes.of(b))))
                .isEqualTo(Integer.signum(Arrays.compareUnsigned(a, b)));
    }

    @Example
    void aByteAbove0x7fSortsAfterOneBelow() {
        assertThat(Bytes.fromHex("0x80")).isGreaterThan(Bytes.fromHex("0x7f"));
        assertThat(Bytes.EMPTY).isLessThan(Bytes.fromHex("0x00"));
        assertThat(Bytes.fromHex("0x").isEmpty()).isTrue();
        assertThat(Bytes.fromHex("0x").toString()).isEqualTo("0x");
    }

    @Example
    void bytes32RequiresExactlyThirtyTwoBytes() {
        assertThatThrownBy(() -> Bytes32.wrap(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bytes32.fromHex("0x00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bytes32.leftPad(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bytes32.of(Bytes.fromHex("0x0102"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void bytes32LeftPadsShorterValuesLikeTheEvm() {
        Bytes32 padded = Bytes32.leftPad(new byte[]{1, 2});
        assertThat(padded.toHex()).isEqualTo("0x" + "00".repeat(30) + "0102");
        assertThat(padded.isZero()).isFalse();
        assertThat(Bytes32.ZERO.isZero()).isTrue();
        assertThat(Bytes32.of(padded.toBytes())).isEqualTo(padded).hasSameHashCodeAs(padded);
        assertThat(padded).isGreaterThan(Bytes32.ZERO);
    }

    @Example
    void unequalValuesOfEachTypeHaveDifferentHashCodesAndEqualOnesTheSame() {
        assertThat(Bytes.fromHex("0x01").hashCode()).isNotEqualTo(Bytes.fromHex("0x02").hashCode())
                .isEqualTo(Bytes.of(new byte[]{1}).hashCode());
        assertThat(Bytes32.leftPad(new byte[]{1}).hashCode()).isNotEqualTo(Bytes32.leftPad(new byte[]{2}).hashCode())
                .isEqualTo(Bytes32.leftPad(new byte[]{1}).hashCode());
        Address one = Address.fromHex("0x0000000000000000000000000000000000000001");
        assertThat(one.hashCode()).isNotEqualTo(Address.ZERO.hashCode())
                .isEqualTo(Address.fromHex("0x0000000000000000000000000000000000000001").hashCode());
        // the hash code is the content's, computed once and kept
        Bytes b = Bytes.fromHex("0x0102");
        assertThat(b.hashCode()).isEqualTo(b.hashCode()).isEqualTo(Arrays.hashCode(new byte[]{1, 2}));
        assertThat(Bytes32.ZERO.hashCode()).isEqualTo(Arrays.hashCode(new byte[32]));
        assertThat(Address.ZERO.hashCode()).isEqualTo(Arrays.hashCode(new byte[20]));
    }

    @Example
    void aWordPrintsAsItsHex() {
        assertThat(Bytes32.leftPad(new byte[]{1})).hasToString("0x" + "00".repeat(31) + "01");
    }
}
