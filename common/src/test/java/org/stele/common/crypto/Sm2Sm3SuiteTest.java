package org.stele.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;

class Sm2Sm3SuiteTest {
    static final Sm2Sm3Suite SUITE = Sm2Sm3Suite.instance();
    static final X9ECParameters SM2 = CustomNamedCurves.getByName("sm2p256v1");
    static final byte[] KEY = Hex.decode("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8");

    @Test
    void sm3MatchesTheStandardsExamples() {
        assertThat(Hex.encode(SUITE.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("0x66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Hex.encode(SUITE.hash("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("0xdebe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void addressIsTheLow20BytesOfSm3OfTheUncompressedKey() {
        KeyPair kp = SUITE.keyPair(KEY);
        byte[] h = SUITE.hash(kp.publicKey().xy().toArray());
        assertThat(SUITE.address(kp.publicKey()).toBytes()).isEqualTo(Bytes.of(h).slice(12));
    }

    @Test
    void signatureCarriesTheSignerAndRecoversIt() {
        KeyPair kp = SUITE.generateKeyPair(new SecureRandom());
        byte[] hash = SUITE.hash("transfer 10".getBytes(StandardCharsets.UTF_8));

        Signature sig = SUITE.sign(hash, kp);

        assertThat(sig.publicKey()).isEqualTo(kp.publicKey().xy());
        assertThat(sig.recoveryId()).isZero();
        assertThat(SUITE.verify(hash, sig, kp.publicKey())).isTrue();
        assertThat(SUITE.recover(hash, sig)).isEqualTo(kp.publicKey());
        assertThat(SUITE.recoverAddress(hash, sig)).isEqualTo(SUITE.address(kp.publicKey()));
    }

    @Test
    void signingIsDeterministic() {
        KeyPair kp = SUITE.keyPair(KEY);
        byte[] hash = SUITE.hash(new byte[]{1});
        assertThat(SUITE.sign(hash, kp)).isEqualTo(SUITE.sign(hash, kp));
        assertThat(SUITE.sign(SUITE.hash(new byte[]{2}), kp).r()).isNotEqualTo(SUITE.sign(hash, kp).r());
    }

    /** BouncyCastle's own signer (random k, its default user id) and ours must agree on Z_A and e. */
    @Test
    void signaturesFromBouncyCastlesSignerWithTheDefaultUserIdVerify() throws Exception {
        KeyPair kp = SUITE.keyPair(KEY);
        byte[] hash = SUITE.hash("interop".getBytes(StandardCharsets.US_ASCII));
        SM2Signer bc = new SM2Signer(PlainDSAEncoding.INSTANCE);
        ECDomainParameters domain = new ECDomainParameters(SM2.getCurve(), SM2.getG(), SM2.getN(), SM2.getH());
        bc.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(1, KEY), domain),
                new SecureRandom()));
        bc.update(hash, 0, hash.length);
        byte[] rs = bc.generateSignature();
        Signature sig = new Signature(Bytes32.wrap(Arrays.copyOfRange(rs, 0, 32)),
                Bytes32.wrap(Arrays.copyOfRange(rs, 32, 64)), 0, kp.publicKey().xy());

        assertThat(SUITE.verify(hash, sig, kp.publicKey())).isTrue();
        assertThat(SUITE.recover(hash, sig)).isEqualTo(kp.publicKey());
    }

    @Test
    void tamperedSignaturesAreRejected() {
        KeyPair kp = SUITE.keyPair(KEY);
        KeyPair other = SUITE.keyPair(Hex.decode("01".repeat(32)));
        byte[] hash = SUITE.hash(new byte[]{3});
        Signature sig = SUITE.sign(hash, kp);
        byte[] otherHash = hash.clone();
        otherHash[5] ^= 0x10;
        byte[] s = sig.s().toArray();
        s[0] ^= 1;
        Signature badS = new Signature(sig.r(), Bytes32.wrap(s), 0, sig.publicKey());
        Signature otherKey = new Signature(sig.r(), sig.s(), 0, other.publicKey().xy());
        Signature zeroR = new Signature(Bytes32.ZERO, sig.s(), 0, sig.publicKey());
        Signature offCurve = new Signature(sig.r(), sig.s(), 0, Bytes.wrap(new byte[64]));
        Signature recoveryIdSet = new Signature(sig.r(), sig.s(), 1, sig.publicKey());

        assertThat(SUITE.verify(otherHash, sig, kp.publicKey())).isFalse();
        assertThat(SUITE.verify(hash, badS, kp.publicKey())).isFalse();
        assertThat(SUITE.verify(hash, sig, other.publicKey())).isFalse();
        assertThat(SUITE.verify(hash, otherKey, other.publicKey())).isFalse();
        assertThatThrownBy(() -> SUITE.recover(otherHash, sig)).isInstanceOf(InvalidSignatureException.class);
        for (Signature bad : new Signature[]{badS, otherKey, zeroR, offCurve, recoveryIdSet}) {
            assertThatThrownBy(() -> SUITE.recover(hash, bad)).isInstanceOf(InvalidSignatureException.class);
        }
    }

    @Test
    void privateKeysOutsideOneToNMinusTwoAreRejected() {
        BigInteger n = SM2.getN();
        assertThatThrownBy(() -> SUITE.keyPair(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SUITE.keyPair(Secp256k1KeccakSuiteTest.toWord(n.subtract(BigInteger.ONE))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SUITE.keyPair(Secp256k1KeccakSuiteTest.toWord(n)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SUITE.keyPair(Secp256k1KeccakSuiteTest.toWord(n.subtract(BigInteger.TWO)))).isNotNull();
    }

    @Property(tries = 40)
    void everySignatureRecoversItsSigner(@ForAll @Size(32) byte[] key, @ForAll @Size(32) byte[] hash) {
        BigInteger d = new BigInteger(1, key);
        if (d.signum() == 0 || d.compareTo(SM2.getN().subtract(BigInteger.ONE)) >= 0)
            return;
        KeyPair kp = SUITE.keyPair(key);
        Signature sig = SUITE.sign(hash, kp);
        Address signer = SUITE.address(kp.publicKey());
        assertThat(SUITE.recoverAddress(hash, sig)).isEqualTo(signer);
    }

    @Test
    void signingVerifyingAndRecoveringRefuseAMessageHashThatIsNot32Bytes() {
        KeyPair key = SUITE.keyPair(KEY);
        byte[] hash = SUITE.hash("message".getBytes(StandardCharsets.UTF_8));
        Signature sig = SUITE.sign(hash, key);
        byte[] shortHash = Arrays.copyOf(hash, 31);
        assertThatThrownBy(() -> SUITE.sign(shortHash, key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SUITE.verify(shortHash, sig, key.publicKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SUITE.recover(shortHash, sig)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThat(SUITE.verify(hash, sig, key.publicKey())).isTrue();
        assertThat(SUITE.name()).isEqualTo("sm2-sm3");
        assertThat(SUITE.toString()).contains("sm2-sm3");
    }
}
