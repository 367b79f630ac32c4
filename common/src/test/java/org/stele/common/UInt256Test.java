package org.stele.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** UInt256 against {@link BigInteger} modulo 2^256, with limbs chosen to exercise every carry and borrow. */
class UInt256Test {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

    @Property(tries = 2000)
    void additionWrapsModulo2To256(@ForAll("values") UInt256 a, @ForAll("values") UInt256 b) {
        assertThat(a.add(b).toBigInteger()).isEqualTo(a.toBigInteger().add(b.toBigInteger()).mod(MOD));
    }

    @Property(tries = 2000)
    void subtractionWrapsModulo2To256(@ForAll("values") UInt256 a, @ForAll("values") UInt256 b) {
        assertThat(a.sub(b).toBigInteger()).isEqualTo(a.toBigInteger().subtract(b.toBigInteger()).mod(MOD));
    }

    @Property(tries = 2000)
    void multiplicationKeepsTheLow256Bits(@ForAll("values") UInt256 a, @ForAll("values") UInt256 b) {
        assertThat(a.mul(b).toBigInteger()).isEqualTo(a.toBigInteger().multiply(b.toBigInteger()).mod(MOD));
    }

    @Property(tries = 3000)
    void divisionAndRemainderMatchBigInteger(@ForAll("values") UInt256 a, @ForAll("values") UInt256 b) {
        if (b.isZero())
            return;
        BigInteger[] qr = a.toBigInteger().divideAndRemainder(b.toBigInteger());
        assertThat(a.div(b).toBigInteger()).isEqualTo(qr[0]);
        assertThat(a.mod(b).toBigInteger()).isEqualTo(qr[1]);
    }

    @Property(tries = 2000)
    void divisionByASmallerWidthDivisorMatchesBigInteger(@ForAll("values") UInt256 a, @ForAll("values") UInt256 b,
            @ForAll("shifts") int shift) {
        // Dividing by a shifted-down value makes quotients of every width, where Knuth's correction steps happen.
        UInt256 divisor = UInt256.fromBigInteger(b.toBigInteger().shiftRight(shift));
        if (divisor.isZero())
            return;
        BigInteger[] qr = a.toBigInteger().divideAndRemainder(divisor.toBigInteger());
        assertThat(a.div(divisor).toBigInteger()).isEqualTo(qr[0]);
        assertThat(a.mod(divisor).toBigInteger()).isEqualTo(qr[1]);
    }

    @Property
    void comparisonMatchesBigInteger(@ForAll("values") UInt256 a, @ForAll("values") UInt256 b) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(a.toBigInteger().compareTo(b.toBigInteger()));
        assertThat(a.lessThan(b)).isEqualTo(a.compareTo(b) < 0);
        assertThat(a.greaterThan(b)).isEqualTo(a.compareTo(b) > 0);
        assertThat(a.equals(b)).isEqualTo(a.toBigInteger().equals(b.toBigInteger()));
    }

    @Property
    void bytesBigIntegerAndHexRoundTrip(@ForAll("values") UInt256 a) {
        assertThat(UInt256.fromBigInteger(a.toBigInteger())).isEqualTo(a);
        assertThat(UInt256.fromBytes32(a.toBytes32())).isEqualTo(a);
        assertThat(UInt256.fromBytes(a.toMinimalBytes())).isEqualTo(a);
        assertThat(UInt256.fromHex(a.toHex())).isEqualTo(a);
        assertThat(a.toHex()).isEqualTo("0x" + a.toBigInteger().toString(16));
        assertThat(a.toString()).isEqualTo(a.toBigInteger().toString());
        assertThat(a.bitLength()).isEqualTo(a.toBigInteger().bitLength());
        byte[] minimal = a.toMinimalBytes();
        assertThat(minimal.length == 0 || minimal[0] != 0).isTrue();
        assertThat(new BigInteger(1, minimal)).isEqualTo(a.toBigInteger());
    }

    @Property
    void exactArithmeticThrowsExactlyWhenTheResultLeavesTheRange(@ForAll("values") UInt256 a,
            @ForAll("values") UInt256 b) {
        BigInteger sum = a.toBigInteger().add(b.toBigInteger());
        if (sum.bitLength() > 256)
            assertThatThrownBy(() -> a.addExact(b)).isInstanceOf(ArithmeticException.class);
        else
            assertThat(a.addExact(b).toBigInteger()).isEqualTo(sum);
        if (a.compareTo(b) < 0)
            assertThatThrownBy(() -> a.subExact(b)).isInstanceOf(ArithmeticException.class);
        else
            assertThat(a.subExact(b)).isEqualTo(a.sub(b));
    }

    @Property
    void longsConvertBothWays(@ForAll long v) {
        assertThat(UInt256.ofUnsigned(v).toBigInteger()).isEqualTo(new BigInteger(Long.toUnsignedString(v)));
        if (v >= 0) {
            assertThat(UInt256.of(v).toLong()).isEqualTo(v);
            assertThat(UInt256.of(v).fitsLong()).isTrue();
        } else {
            assertThatThrownBy(() -> UInt256.of(v)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> UInt256.ofUnsigned(v).toLong()).isInstanceOf(ArithmeticException.class);
        }
    }

    @Example
    void maxValuePlusOneWrapsToZero() {
        assertThat(UInt256.MAX_VALUE.add(UInt256.ONE)).isEqualTo(UInt256.ZERO);
        assertThat(UInt256.ZERO.sub(UInt256.ONE)).isEqualTo(UInt256.MAX_VALUE);
        assertThat(UInt256.MAX_VALUE.mul(UInt256.MAX_VALUE)).isEqualTo(UInt256.ONE);
    }

    @Example
    void divisionByZeroThrows() {
        assertThatThrownBy(() -> UInt256.ONE.div(UInt256.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> UInt256.ONE.mod(UInt256.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Example
    void divisionsThatNeedKnuthsAddBackStepAreExact() {
        // Cases from Hacker's Delight's divmnu tests whose first quotient estimate is one too large.
        String[][] cases = {{"0x7fff000080000000000000000000", "0x80000000000000000001"},
                {"0x8000000000000000fffe00000000", "0x8000000000000000ffff"},
                {"0x800000000000000000000003", "0x200000000000000000000001"}};
        for (String[] c : cases) {
            UInt256 u = UInt256.fromHex(c[0]);
            UInt256 v = UInt256.fromHex(c[1]);
            BigInteger[] qr = u.toBigInteger().divideAndRemainder(v.toBigInteger());
            assertThat(u.div(v).toBigInteger()).isEqualTo(qr[0]);
            assertThat(u.mod(v).toBigInteger()).isEqualTo(qr[1]);
        }
    }

    @Example
    void outOfRangeInputsAreRejected() {
        assertThatThrownBy(() -> UInt256.fromBigInteger(BigInteger.ONE.shiftLeft(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UInt256.fromBigInteger(BigInteger.valueOf(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UInt256.fromBytes(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UInt256.fromHex("0x" + "1".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UInt256.fromHex("0x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UInt256.fromHex("0xzz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void hexQuantitiesHaveNoLeadingZeros() {
        assertThat(UInt256.ZERO.toHex()).isEqualTo("0x0");
        assertThat(UInt256.of(255).toHex()).isEqualTo("0xff");
        assertThat(UInt256.fromHex("0x0001").toHex()).isEqualTo("0x1");
        assertThat(new UInt256(1, 0, 0, 0).toHex()).isEqualTo("0x1" + "0".repeat(48));
        assertThat(UInt256.ZERO.toMinimalBytes()).isEmpty();
        assertThat(UInt256.ONE.limb(0)).isEqualTo(1);
    }

    @Provide
    Arbitrary<UInt256> values() {
        Arbitrary<Long> limb = Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL, 0xFFFF_FFFF_0000_0000L,
                        0x8000_0000L, 0x0000_0001_0000_0000L));
        Arbitrary<UInt256> full = Combinators.combine(limb, limb, limb, limb).as(UInt256::new);
        Arbitrary<UInt256> small = Arbitraries.longs().map(UInt256::ofUnsigned);
        Arbitrary<UInt256> anyWidth = Arbitraries.bigIntegers().between(BigInteger.ZERO, MOD.subtract(BigInteger.ONE))
                .map(UInt256::fromBigInteger);
        return Arbitraries.oneOf(full, full, small, anyWidth);
    }

    @Provide
    Arbitrary<Integer> shifts() {
        return Arbitraries.integers().between(0, 255);
    }

    @Example
    void minAndMaxPickTheSmallerAndTheLargerAndEitherOfTwoEqualValues() {
        UInt256 one = UInt256.fromHex("0x1");
        UInt256 big = UInt256.fromHex("0x1" + "0".repeat(63));
        assertThat(UInt256.min(one, big)).isSameAs(one);
        assertThat(UInt256.min(big, one)).isSameAs(one);
        assertThat(UInt256.max(one, big)).isSameAs(big);
        assertThat(UInt256.max(big, one)).isSameAs(big);
        UInt256 otherOne = UInt256.fromBigInteger(BigInteger.ONE);
        assertThat(UInt256.min(one, otherOne)).isSameAs(one);
        assertThat(UInt256.max(one, otherOne)).isSameAs(one);
    }

    @Example
    void hexQuantitiesMayCarryEitherPrefixAndBytesReadAsBigEndian() {
        assertThat(UInt256.fromHex("0X1F").toBigInteger()).isEqualTo(BigInteger.valueOf(31));
        assertThat(UInt256.fromHex("0x1f")).isEqualTo(UInt256.fromHex("1F"));
        assertThat(UInt256.fromBytes(Bytes.fromHex("0x0102")).toBigInteger()).isEqualTo(BigInteger.valueOf(258));
        assertThatThrownBy(() -> UInt256.fromHex("0X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Example
    void onlyValuesBelowTwoToTheSixtyThreeFitALong() {
        assertThat(UInt256.fromBigInteger(BigInteger.valueOf(Long.MAX_VALUE)).fitsLong()).isTrue();
        assertThat(UInt256.fromBigInteger(BigInteger.ONE.shiftLeft(63)).fitsLong()).isFalse();
        // a bit set in any one of the three upper limbs alone is enough not to fit
        for (int bit : new int[]{64, 128, 192})
            assertThat(UInt256.fromBigInteger(BigInteger.ONE.shiftLeft(bit).add(BigInteger.ONE)).fitsLong())
                    .as("2^%d + 1", bit).isFalse();
    }
}
