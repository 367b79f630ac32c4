package org.stele.p2p.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;

/**
 * The trust decision for one connection, in either role: the peer's single certificate must carry a valid identity
 * binding, its address must be the one dialed (when dialing) and the admission check must let it in. Otherwise the
 * handshake fails with a TLS alert and nothing of the session reaches the node. There is no CA: identity comes from
 * the binding, so the JDK's PKIX checks and host-name checks play no part.
 */
public final class PeerTrustManager extends X509ExtendedTrustManager {
    /** Decides whether a verified peer may connect: empty to admit, else the reason for refusing. */
    @FunctionalInterface
    public interface Admission {
        Optional<String> refusal(Address peer);
    }

    private final CryptoSuite suite;
    private final Clock clock;
    private final Optional<Address> expected;
    private final Admission admission;
    private volatile Address peer;
    private volatile String refusal;

    public PeerTrustManager(CryptoSuite suite, Clock clock, Optional<Address> expected, Admission admission) {
        this.suite = suite;
        this.clock = clock;
        this.expected = expected;
        this.admission = admission;
    }

    /** The peer's address once its certificate was accepted. */
    public Optional<Address> peer() {
        return Optional.ofNullable(peer);
    }

    /** Why this side refused the peer's certificate, if it did. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        try {
            if (chain == null || chain.length != 1)
                throw new CertificateException("peer must present exactly one self-signed certificate");
            Address address = IdentityCertificate.verify(chain[0], suite, clock.instant());
            if (expected.isPresent() && !expected.get().equals(address))
                throw new CertificateException("peer is " + address.toChecksumHex() + ", expected "
                        + expected.get().toChecksumHex());
            Optional<String> refused = admission.refusal(address);
            if (refused.isPresent())
                throw new CertificateException(refused.get());
            peer = address;
        } catch (CertificateException e) {
            refusal = e.getMessage();
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
