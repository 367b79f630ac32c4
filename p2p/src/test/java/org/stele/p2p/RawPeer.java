package org.stele.p2p;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.stele.common.crypto.KeyPair;
import org.stele.p2p.message.MalformedMessageException;
import org.stele.p2p.message.Message;
import org.stele.p2p.message.MessageCodec;
import org.stele.p2p.tls.IdentityCertificate;
import org.stele.p2p.tls.PeerTrustManager;
import org.stele.p2p.tls.TlsIdentity;

/**
 * A hand-driven peer on a plain JDK TLS socket, to play the parts an honest node never plays: a forged identity
 * binding, garbage and oversized frames.
 */
final class RawPeer implements AutoCloseable {
    private final SSLSocket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private RawPeer(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
    }

    /** Connects with an honest identity certificate for {@code nodeKey}. */
    static RawPeer connect(int port, KeyPair nodeKey, Clock clock) throws IOException {
        var random = new SecureRandom();
        var session = IdentityCertificate.issue(nodeKey, TestNodes.SUITE, clock.instant(), random);
        return connect(port, session.privateKey(), session.certificate(), clock);
    }

    /**
     * Whether a node refuses this identity. In TLS 1.3 the client's handshake can complete before the server has
     * checked the client's certificate, so a refusal shows either as a failed handshake (an alert, or a broken pipe
     * when the server has already closed) or as the connection ending before the node's hello.
     */
    static boolean isRefused(int port, KeyPair nodeKey, Clock clock) throws MalformedMessageException {
        try (RawPeer peer = connect(port, nodeKey, clock)) {
            return peer.read().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    /** As {@link #isRefused}, presenting a certificate whose binding signature covers another session key. */
    static boolean isRefusedWithForgedBinding(int port, KeyPair nodeKey, Clock clock)
            throws MalformedMessageException {
        try (RawPeer peer = connectWithForgedBinding(port, nodeKey, clock)) {
            return peer.read().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    /** Connects with a certificate whose binding signature covers some other session key than its own. */
    static RawPeer connectWithForgedBinding(int port, KeyPair nodeKey, Clock clock) throws IOException {
        var random = new SecureRandom();
        var session = IdentityCertificate.newSessionKey(random);
        var other = IdentityCertificate.newSessionKey(random);
        var signature = TestNodes.SUITE.sign(
                IdentityCertificate.bindingHash(TestNodes.SUITE, other.getPublic().getEncoded()), nodeKey);
        byte[] extension = IdentityCertificate.encodeBinding(nodeKey.publicKey(), signature);
        X509Certificate certificate = IdentityCertificate.selfSigned(session, extension,
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(1)), random);
        return connect(port, session.getPrivate(), certificate, clock);
    }

    private static RawPeer connect(int port, java.security.PrivateKey key, X509Certificate certificate, Clock clock)
            throws IOException {
        var trustAnyone = new PeerTrustManager(TestNodes.SUITE, clock, Optional.empty(), a -> Optional.empty());
        var context = TlsIdentity.context(TlsIdentity.keyManagers(key, certificate), trustAnyone, new SecureRandom());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setEnabledProtocols(new String[]{TlsIdentity.PROTOCOL});
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        return new RawPeer(socket);
    }

    /** Sends the messages in one write, so that the node has them all before it can react to any. */
    void send(Message... messages) throws IOException {
        for (Message m : messages) {
            byte[] payload = MessageCodec.encode(m);
            out.writeInt(payload.length);
            out.write(payload);
        }
        out.flush();
    }

    void sendFrame(byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Writes a length prefix announcing {@code length} bytes, and only a few of them. */
    void sendOversizedHeader(int length) throws IOException {
        out.writeInt(length);
        out.write(new byte[64]);
        out.flush();
    }

    /** The next message, or empty when the node closed the connection (or the TLS session failed). */
    Optional<Message> read() throws MalformedMessageException {
        try {
            int length = in.readInt();
            byte[] payload = new byte[length];
            in.readFully(payload);
            return Optional.of(MessageCodec.decode(payload));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
