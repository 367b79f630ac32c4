package org.stele.p2p.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Sm2Sm3Suite;

/** The identity binding of a session certificate, checked the way every handshake checks it. */
class IdentityCertificateTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final SecureRandom random = new SecureRandom();

    @Test
    void anIssuedCertificateProvesItsNodeAddress() throws Exception {
        KeyPair node = SUITE.generateKeyPair(random);
        var session = IdentityCertificate.issue(node, SUITE, NOW, random);
        assertThat(IdentityCertificate.verify(session.certificate(), SUITE, NOW)).isEqualTo(SUITE.address(node
                .publicKey()));
        assertThat(session.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void theBindingWorksUnderTheSm2SuiteToo() throws Exception {
        CryptoSuite sm2 = Sm2Sm3Suite.instance();
        KeyPair node = sm2.generateKeyPair(random);
        var session = IdentityCertificate.issue(node, sm2, NOW, random);
        assertThat(IdentityCertificate.verify(session.certificate(), sm2, NOW)).isEqualTo(sm2.address(node
                .publicKey()));
        assertThatThrownBy(() -> IdentityCertificate.verify(session.certificate(), SUITE, NOW)).isInstanceOf(
                CertificateException.class);
    }

    @Test
    void aSignatureOverAnotherSessionKeyIsRefused() {
        KeyPair node = SUITE.generateKeyPair(random);
        var session = IdentityCertificate.newSessionKey(random);
        var other = IdentityCertificate.newSessionKey(random);
        var signature = SUITE.sign(IdentityCertificate.bindingHash(SUITE, other.getPublic().getEncoded()), node);
        var certificate = IdentityCertificate.selfSigned(session, IdentityCertificate.encodeBinding(node.publicKey(),
                signature), NOW.minusSeconds(60), NOW.plusSeconds(60), random);
        assertThatThrownBy(() -> IdentityCertificate.verify(certificate, SUITE, NOW)).hasMessageContaining(
                "does not bind");
    }

    @Test
    void aSignatureByAnotherNodeKeyIsRefused() {
        KeyPair node = SUITE.generateKeyPair(random), impostor = SUITE.generateKeyPair(random);
        var session = IdentityCertificate.newSessionKey(random);
        var signature = SUITE.sign(IdentityCertificate.bindingHash(SUITE, session.getPublic().getEncoded()),
                impostor);
        var certificate = IdentityCertificate.selfSigned(session, IdentityCertificate.encodeBinding(node.publicKey(),
                signature), NOW.minusSeconds(60), NOW.plusSeconds(60), random);
        assertThatThrownBy(() -> IdentityCertificate.verify(certificate, SUITE, NOW)).hasMessageContaining(
                "does not bind");
    }

    @Test
    void aCertificateWithoutTheExtensionOrWithAGarbledOneOrOutOfDateIsRefused() {
        var session = IdentityCertificate.newSessionKey(random);
        var bare = IdentityCertificate.selfSigned(session, null, NOW.minusSeconds(60), NOW.plusSeconds(60), random);
        assertThatThrownBy(() -> IdentityCertificate.verify(bare, SUITE, NOW)).hasMessageContaining(
                "no node-identity extension");
        var garbled = IdentityCertificate.selfSigned(session, new byte[]{1, 2, 3}, NOW.minusSeconds(60), NOW
                .plusSeconds(60), random);
        assertThatThrownBy(() -> IdentityCertificate.verify(garbled, SUITE, NOW)).hasMessageContaining("malformed");
        KeyPair node = SUITE.generateKeyPair(random);
        var issued = IdentityCertificate.issue(node, SUITE, NOW, random);
        assertThatThrownBy(() -> IdentityCertificate.verify(issued.certificate(), SUITE, NOW.minus(Duration.ofDays(
                1)))).hasMessageContaining("not a valid self-signed certificate");
    }
}
