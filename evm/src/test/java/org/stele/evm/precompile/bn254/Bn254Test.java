package org.stele.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.stele.common.Hex;
import org.stele.evm.precompile.PrecompileFailure;

class Bn254Test {
    private static final BigInteger P = Fp.P;
    private static final BigInteger R = Pairing.R;
    private static final byte[] G1_GEN = Hex.decodeStrict(
            "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000"
                    + "000000000000000000000000002");
    /** The EIP-197 G2 generator: x_im, x_re, y_im, y_re. */
    private static final byte[] G2_GEN = Hex
            .decodeStrict("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                    + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                    + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                    + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");
    private static final byte[] TRUE = word(BigInteger.ONE);
    private static final byte[] FALSE = word(BigInteger.ZERO);

    @Provide
    Arbitrary<BigInteger> fieldElements() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE),
                        P.subtract(BigInteger.TWO)));
    }

    @Provide
    Arbitrary<BigInteger> scalars() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE));
    }

    @Property(tries = 500)
    void montgomeryArithmeticMatchesBigInteger(@ForAll("fieldElements") BigInteger a,
            @ForAll("fieldElements") BigInteger b) {
        long[] x = Fp.of(a);
        long[] y = Fp.of(b);
        assertThat(Fp.toBigInteger(x)).isEqualTo(a);
        assertThat(Fp.toBigInteger(Fp.mul(x, y))).isEqualTo(a.multiply(b).mod(P));
        assertThat(Fp.toBigInteger(Fp.add(x, y))).isEqualTo(a.add(b).mod(P));
        assertThat(Fp.toBigInteger(Fp.sub(x, y))).isEqualTo(a.subtract(b).mod(P));
        assertThat(Fp.toBigInteger(Fp.neg(x))).isEqualTo(a.negate().mod(P));
        if (a.signum() != 0) assertThat(Fp.toBigInteger(Fp.inv(x))).isEqualTo(a.modInverse(P));
    }

    @Property(tries = 200)
    void fp2InverseAndSquareAreConsistent(@ForAll("fieldElements") BigInteger a,
            @ForAll("fieldElements") BigInteger b) {
        Fp2 x = Fp2.of(a, b);
        assertThat(x.square()).isEqualTo(x.mul(x));
        if (!x.isZero()) assertThat(x.mul(x.inverse())).isEqualTo(Fp2.ONE);
    }

    @Property(tries = 20)
    void scalarMultiplicationDistributesOverAddition(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b)
            throws Exception {
        byte[] aG = Bn254.mul(concat(G1_GEN, word(a)));
        byte[] bG = Bn254.mul(concat(G1_GEN, word(b)));
        byte[] sum = Bn254.add(concat(aG, bG));
        assertThat(sum).isEqualTo(Bn254.mul(concat(G1_GEN, word(a.add(b)))));
    }

    @Test
    void multiplyingByTheGroupOrderGivesInfinity() throws Exception {
        assertThat(Bn254.mul(concat(G1_GEN, word(R)))).isEqualTo(new byte[64]);
        assertThat(Bn254.mul(concat(G1_GEN, word(R.add(BigInteger.ONE))))).isEqualTo(G1_GEN);
        byte[] minusG = Bn254.mul(concat(G1_GEN, word(R.subtract(BigInteger.ONE))));
        assertThat(Bn254.add(concat(G1_GEN, minusG))).isEqualTo(new byte[64]);
        assertThat(Bn254.add(concat(G1_GEN, G1_GEN))).isEqualTo(Bn254.mul(concat(G1_GEN, word(BigInteger.TWO))));
    }

    @Property(tries = 5)
    void pairingIsBilinear(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) throws Exception {
        byte[] aP = Bn254.mul(concat(G1_GEN, word(a)));
        byte[] bQ = g2Mul(b);
        byte[] minusAbP = Bn254.mul(concat(G1_GEN, word(R.subtract(a.multiply(b).mod(R)))));
        // e(aP, bQ) · e(−abP, Q) = 1, and off by one it is not.
        assertThat(Bn254.pairingCheck(concat(aP, bQ, minusAbP, G2_GEN))).isEqualTo(TRUE);
        byte[] offByOne = Bn254.mul(concat(G1_GEN, word(R.subtract(a.multiply(b).add(BigInteger.ONE).mod(R)))));
        assertThat(Bn254.pairingCheck(concat(aP, bQ, offByOne, G2_GEN))).isEqualTo(FALSE);
    }

    @Test
    void pairsWithThePointAtInfinityContributeOne() throws Exception {
        assertThat(Bn254.pairingCheck(concat(new byte[64], G2_GEN))).isEqualTo(TRUE);
        assertThat(Bn254.pairingCheck(concat(G1_GEN, new byte[128]))).isEqualTo(TRUE);
        assertThat(Bn254.pairingCheck(concat(G1_GEN, G2_GEN))).isEqualTo(FALSE);
    }

    @Test
    void aTwistPointOutsideTheSubgroupIsRejected() {
        G2 q = twistPointOutsideG2();
        assertThat(q.isOnCurve()).isTrue();
        assertThat(q.inSubgroup()).isFalse();
        byte[] encoded = concat(word(Fp.toBigInteger(q.x().b)), word(Fp.toBigInteger(q.x().a)),
                word(Fp.toBigInteger(q.y().b)),
                word(Fp.toBigInteger(q.y().a)));
        assertThatThrownBy(() -> Bn254.pairingCheck(concat(G1_GEN, encoded))).isInstanceOf(PrecompileFailure.class)
                .hasMessageContaining("subgroup");
        // Validation happens even when the G1 side is infinity.
        assertThatThrownBy(() -> Bn254.pairingCheck(concat(new byte[64], encoded)))
                .isInstanceOf(PrecompileFailure.class);
    }

    @Test
    void theGeneratorIsInTheSubgroup() throws Exception {
        assertThat(Bn254.pairingCheck(concat(new byte[64], G2_GEN))).isEqualTo(TRUE);
        assertThat(g2Point(G2_GEN).inSubgroup()).isTrue();
    }

    @Test
    void malformedInputIsRejected() {
        byte[] offCurveG2 = G2_GEN.clone();
        offCurveG2[127] ^= 1;
        assertThatThrownBy(() -> Bn254.pairingCheck(concat(G1_GEN, offCurveG2))).hasMessageContaining("twist");
        byte[] offCurveG1 = G1_GEN.clone();
        offCurveG1[63] = 3;
        assertThatThrownBy(() -> Bn254.pairingCheck(concat(offCurveG1, G2_GEN))).hasMessageContaining("curve");
        assertThatThrownBy(() -> Bn254.pairingCheck(new byte[191])).hasMessageContaining("multiple");
        byte[] tooBig = concat(word(P), word(BigInteger.TWO));
        assertThatThrownBy(() -> Bn254.add(tooBig)).hasMessageContaining("modulus");
    }

    @Test
    void shortInputIsZeroPaddedAndExtraInputIgnored() throws Exception {
        assertThat(Bn254.mul(G1_GEN)).as("no scalar means zero").isEqualTo(new byte[64]);
        assertThat(Bn254.add(G1_GEN)).as("missing second point is infinity").isEqualTo(G1_GEN);
        assertThat(Bn254.mul(concat(G1_GEN, word(BigInteger.ONE), new byte[]{1, 2, 3}))).isEqualTo(G1_GEN);
    }

    // --- helpers ---

    private static byte[] g2Mul(BigInteger k) {
        G2 q = G2.mul(g2Point(G2_GEN), k);
        return concat(word(Fp.toBigInteger(q.x().b)), word(Fp.toBigInteger(q.x().a)), word(Fp.toBigInteger(q.y().b)),
                word(Fp.toBigInteger(q.y().a)));
    }

    private static G2 g2Point(byte[] enc) {
        BigInteger xIm = new BigInteger(1, Arrays.copyOfRange(enc, 0, 32));
        BigInteger xRe = new BigInteger(1, Arrays.copyOfRange(enc, 32, 64));
        BigInteger yIm = new BigInteger(1, Arrays.copyOfRange(enc, 64, 96));
        BigInteger yRe = new BigInteger(1, Arrays.copyOfRange(enc, 96, 128));
        return new G2(Fp2.of(xRe, xIm), Fp2.of(yRe, yIm));
    }

    /** The first twist point with x = n (n = 1, 2, ...) that has a square root, which is almost surely not in G2. */
    private static G2 twistPointOutsideG2() {
        for (int n = 1;; n++) {
            Fp2 x = Fp2.of(BigInteger.valueOf(n), BigInteger.ONE);
            Fp2 rhs = x.square().mul(x).add(G2.B);
            Fp2 y = sqrt(rhs);
            if (y != null) return new G2(x, y);
        }
    }

    /** Square root in Fp2 for p ≡ 3 (mod 4) (Adj and Rodríguez-Henríquez, algorithm 9), or null. */
    private static Fp2 sqrt(Fp2 a) {
        Fp2 a1 = a.pow(P.subtract(BigInteger.valueOf(3)).shiftRight(2));
        Fp2 alpha = a1.mul(a1).mul(a);
        Fp2 a0 = alpha.conjugate().mul(alpha);
        Fp2 minusOne = Fp2.ONE.neg();
        if (a0.equals(minusOne)) return null;
        Fp2 x0 = a1.mul(a);
        Fp2 x = alpha.equals(minusOne)
                ? new Fp2(Fp.neg(x0.b), x0.a)
                : Fp2.ONE.add(alpha).pow(P.subtract(BigInteger.ONE).shiftRight(1)).mul(x0);
        return x.square().equals(a) ? x : null;
    }

    private static byte[] word(BigInteger v) {
        byte[] out = new byte[32];
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        return org.stele.common.Bytes
                .concat(java.util.Arrays.stream(parts).map(org.stele.common.Bytes::wrap)
                        .toArray(org.stele.common.Bytes[]::new))
                .toArray();
    }
}
