package org.stele.p2p.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;

/**
 * A node's TLS side: one session key and certificate for the life of the process, and a fresh TLS 1.3 engine per
 * connection with its own {@link PeerTrustManager}. Each engine comes from its own {@link SSLContext}, so there is no
 * session cache and no resumption: every connection runs the full handshake and the full identity check.
 */
public final class TlsIdentity {
    public static final String PROTOCOL = "TLSv1.3";

    private final CryptoSuite suite;
    private final Clock clock;
    private final SecureRandom random;
    private final KeyManager[] keyManagers;
    private final Address address;

    public TlsIdentity(KeyPair nodeKey, CryptoSuite suite, Clock clock, SecureRandom random) {
        this.suite = suite;
        this.clock = clock;
        this.random = random;
        this.address = suite.address(nodeKey.publicKey());
        var session = IdentityCertificate.issue(nodeKey, suite, clock.instant(), random);
        this.keyManagers = keyManagers(session.privateKey(), session.certificate());
    }

    /** This node's address, which its certificate proves. */
    public Address address() {
        return address;
    }

    /** An engine and its trust manager, for one connection. */
    public record Handshake(SSLEngine engine, PeerTrustManager trust) {}

    /** The engine for dialing {@code expected}: the handshake fails unless the peer proves that address. */
    public Handshake client(Address expected, PeerTrustManager.Admission admission) {
        return handshake(true, Optional.of(expected), admission);
    }

    /** The engine for an inbound connection: any peer the admission check lets in. */
    public Handshake server(PeerTrustManager.Admission admission) {
        return handshake(false, Optional.empty(), admission);
    }

    private Handshake handshake(boolean client, Optional<Address> expected, PeerTrustManager.Admission admission) {
        var trust = new PeerTrustManager(suite, clock, expected, admission);
        SSLEngine engine = context(keyManagers, trust, random).createSSLEngine();
        engine.setUseClientMode(client);
        engine.setEnabledProtocols(new String[]{PROTOCOL});
        if (!client)
            engine.setNeedClientAuth(true);
        return new Handshake(engine, trust);
    }

    /** A TLS 1.3 context presenting {@code certificate} and trusting what {@code trust} trusts. */
    public static SSLContext context(KeyManager[] keyManagers, TrustManager trust, SecureRandom random) {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keyManagers, new TrustManager[]{trust}, random);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS 1.3", e);
        }
    }

    /** Key managers presenting one key and its (self-signed) certificate. */
    public static KeyManager[] keyManagers(PrivateKey key, X509Certificate certificate) {
        try {
            char[] password = "session".toCharArray(); // in memory only; the key store never touches a disk
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("session", key, password, new Certificate[]{certificate});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot hold the session key", e);
        }
    }
}
