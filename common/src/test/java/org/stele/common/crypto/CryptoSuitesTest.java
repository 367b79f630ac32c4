package org.stele.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stele.common.Hex;

class CryptoSuitesTest {
    static final byte[] KEY = Hex.decode("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

    @Test
    void bothSuitesAreFoundByName() {
        assertThat(CryptoSuites.names()).containsExactly("secp256k1-keccak", "sm2-sm3");
        assertThat(CryptoSuites.byName("secp256k1-keccak")).isSameAs(Secp256k1KeccakSuite.instance());
        assertThat(CryptoSuites.byName("sm2-sm3")).isSameAs(Sm2Sm3Suite.instance());
    }

    @Test
    void unknownSuiteNameIsExplained() {
        assertThatThrownBy(() -> CryptoSuites.byName("SM2-SM3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown crypto suite 'SM2-SM3'; known suites: secp256k1-keccak, sm2-sm3");
    }

    @Test
    void aSignatureFromOneSuiteIsRejectedByTheOther() {
        CryptoSuite secp = CryptoSuites.byName("secp256k1-keccak");
        CryptoSuite sm2 = CryptoSuites.byName("sm2-sm3");
        byte[] hash = new byte[32];
        hash[0] = 1;
        KeyPair secpKey = secp.keyPair(KEY);
        KeyPair sm2Key = sm2.keyPair(KEY);
        Signature secpSig = secp.sign(hash, secpKey);
        Signature sm2Sig = sm2.sign(hash, sm2Key);

        assertThatThrownBy(() -> sm2.recover(hash, secpSig)).isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> secp.recover(hash, sm2Sig)).isInstanceOf(InvalidSignatureException.class);
        assertThat(sm2.verify(hash, secpSig, sm2Key.publicKey())).isFalse();
        assertThat(secp.verify(hash, sm2Sig, secpKey.publicKey())).isFalse();
    }

    @Test
    void theSamePrivateKeyGivesDifferentAddressesPerSuite() {
        CryptoSuite secp = CryptoSuites.byName("secp256k1-keccak");
        CryptoSuite sm2 = CryptoSuites.byName("sm2-sm3");
        assertThat(secp.address(secp.keyPair(KEY).publicKey())).isNotEqualTo(sm2.address(sm2.keyPair(KEY).publicKey()));
    }
}
