package org.stele.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.stele.common.Bytes32;

/**
 * libsecp256k1 and the BouncyCastle fallback must be interchangeable: same signatures, same recoveries, same errors.
 */
class Secp256k1BackendEquivalenceTest {
    static final Secp256k1KeccakSuite NATIVE = Secp256k1KeccakSuite.nativeBacked();
    static final Secp256k1KeccakSuite JAVA = Secp256k1KeccakSuite.pureJava();
    static final BigInteger N = Secp256k1Curve.N;

    @org.junit.jupiter.api.Test
    void theWrittenOutGroupOrderIsTheCurveOrderBouncyCastleUses() {
        assertThat(Secp256k1Curve.N)
                .isEqualTo(org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1").getN());
    }

    @Property(tries = 200)
    void bothBackendsSignIdenticallyAndRecoverTheSigner(@ForAll("privateKeys") byte[] key,
            @ForAll @Size(32) byte[] hash) {
        KeyPair nativeKey = NATIVE.keyPair(key);
        KeyPair javaKey = JAVA.keyPair(key);
        assertThat(javaKey.publicKey()).isEqualTo(nativeKey.publicKey());

        Signature nativeSig = NATIVE.sign(hash, nativeKey);
        Signature javaSig = JAVA.sign(hash, javaKey);
        assertThat(javaSig).isEqualTo(nativeSig);
        assertThat(new BigInteger(1, nativeSig.s().unsafeArray())).isLessThanOrEqualTo(N.shiftRight(1));

        assertThat(NATIVE.recover(hash, javaSig)).isEqualTo(nativeKey.publicKey());
        assertThat(JAVA.recover(hash, nativeSig)).isEqualTo(nativeKey.publicKey());
        assertThat(NATIVE.verify(hash, javaSig, javaKey.publicKey())).isTrue();
        assertThat(JAVA.verify(hash, nativeSig, nativeKey.publicKey())).isTrue();
    }

    /** Mostly garbage signatures: both backends must recover the same address or both find none. */
    @Property(tries = 300)
    void bothBackendsAgreeOnArbitraryEcrecoverInputs(@ForAll("scalars") byte[] r, @ForAll("scalars") byte[] s,
            @ForAll @IntRange(min = -1, max = 4) int recoveryId, @ForAll @Size(32) byte[] hash) {
        assertThat(JAVA.ecrecover(hash, r, s, recoveryId)).isEqualTo(NATIVE.ecrecover(hash, r, s, recoveryId));
    }

    @Property(tries = 100)
    void bothBackendsAgreeOnVerifyingForeignSignatures(@ForAll("privateKeys") byte[] key,
            @ForAll("scalars") byte[] r, @ForAll("scalars") byte[] s, @ForAll @Size(32) byte[] hash) {
        KeyPair kp = NATIVE.keyPair(key);
        Signature sig = Signature.secp256k1(Bytes32.wrap(r), Bytes32.wrap(s), 0);
        assertThat(JAVA.verify(hash, sig, kp.publicKey())).isEqualTo(NATIVE.verify(hash, sig, kp.publicKey()));
    }

    @Provide
    Arbitrary<byte[]> privateKeys() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, N.subtract(BigInteger.ONE))
                .edgeCases(c -> c.includeOnly(BigInteger.ONE, N.subtract(BigInteger.ONE)))
                .map(Secp256k1KeccakSuiteTest::toWord);
    }

    /** Valid scalars, with zero, n - 1, n, n/2 and n/2 + 1 (the EIP-2 edge) mixed in. */
    @Provide
    Arbitrary<byte[]> scalars() {
        BigInteger half = N.shiftRight(1);
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ONE, N.subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE), N, half,
                        half.add(BigInteger.ONE), BigInteger.TWO.pow(256).subtract(BigInteger.ONE)))
                .map(Secp256k1KeccakSuiteTest::toWord);
    }
}
