package org.stele.apps.points;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * {@code POST}s of JSON to one node over keep-alive HTTP/1.1 connections of plain blocking sockets, each used by one
 * thread at a time and kept for the next post. The relayer posts to one node all its life, a few posts at once: the
 * JDK's {@code java.net.http} client spent more of the relayer's CPU on each exchange (its selector thread, completion
 * stages, header maps) than the relayer's own work on the answer (docs/performance.md, "Relayed point transfers").
 * An answer is read by its {@code Content-Length} or chunked.
 */
final class NodeHttp {
    /** A connection idle for longer may have been closed by the node (its idle timeout is 120 s by default). */
    private static final long MAX_IDLE_NANOS = 30_000_000_000L;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private final String host;
    private final int port;
    private final boolean tls;
    private final byte[] head;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    NodeHttp(URI uri) {
        this.tls = "https".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null)
            throw new IllegalArgumentException("not an http:// or https:// URL: " + uri);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? (tls ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + (uri.getPort() < 0 ? "" : ":" + port)
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Posts {@code body} and answers the body of a 200 answer; another status is an {@link IOException}. A kept
     * connection that the node closed before answering any byte (it timed out idle) is replaced once by a new one: the
     * node did not read the post, so it is not run twice.
     */
    byte[] post(byte[] body) throws IOException {
        Connection c = take();
        if (c != null) {
            try {
                return finish(c, c.exchange(head, body));
            } catch (Unanswered stale) {
                c.close();
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        c = new Connection(host, port, tls);
        try {
            return finish(c, c.exchange(head, body));
        } catch (Unanswered e) {
            c.close();
            throw new IOException("the node closed the connection without answering");
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private byte[] finish(Connection c, Answer answer) throws IOException {
        if (answer.keepAlive()) {
            c.lastUsed = System.nanoTime();
            idle.addFirst(c);
        } else {
            c.close();
        }
        if (answer.status() != 200) throw new IOException("the node answered HTTP " + answer.status());
        return answer.body();
    }

    /** The most recently used idle connection, dropping those idle too long. */
    private Connection take() {
        for (Connection c; (c = idle.pollFirst()) != null;) {
            if (System.nanoTime() - c.lastUsed < MAX_IDLE_NANOS) return c;
            c.close();
        }
        return null;
    }

    /** Closes the idle connections (those in use close when their post fails or is answered with close). */
    void close() {
        for (Connection c; (c = idle.pollFirst()) != null;) c.close();
    }

    private record Answer(int status, boolean keepAlive, byte[] body) {}

    /** The connection ended before the first byte of an answer. */
    private static final class Unanswered extends EOFException {
        private static final long serialVersionUID = 1L;
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        volatile long lastUsed;

        Connection(String host, int port, boolean tls) throws IOException {
            Socket plain = new Socket();
            Socket s = plain;
            try {
                plain.setTcpNoDelay(true);
                plain.setSoTimeout(READ_TIMEOUT_MILLIS);
                plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                if (tls) {
                    var factory = (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault();
                    var secure = (javax.net.ssl.SSLSocket) factory.createSocket(plain, host, port, true);
                    var parameters = secure.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
                    secure.setSSLParameters(parameters);
                    secure.startHandshake();
                    s = secure;
                }
                socket = s;
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }

        Answer exchange(byte[] head, byte[] body) throws IOException {
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + length.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(length, 0, all, head.length, length.length);
            System.arraycopy(body, 0, all, head.length + length.length, body.length);
            try {
                out.write(all);
                out.flush();
            } catch (IOException e) {
                throw new Unanswered(); // a connection the node closed refuses the write: it read nothing
            }
            int first;
            try {
                first = in.read();
            } catch (java.net.SocketTimeoutException e) {
                throw e; // the node has the post and is slow: not to be sent again
            } catch (IOException e) {
                throw new Unanswered(); // reset before any answer: the node closed the kept connection
            }
            if (first < 0) throw new Unanswered();
            String status = line(first);
            if (!status.startsWith("HTTP/1.") || status.length() < 12)
                throw new IOException("not an HTTP answer from the node: " + status);
            int code = Integer.parseInt(status.substring(9, 12));
            boolean keepAlive = status.startsWith("HTTP/1.1");
            int contentLength = -1;
            boolean chunked = false;
            for (String h; !(h = line(in.read())).isEmpty();) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) contentLength = Integer.parseInt(lower.substring(15).trim());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:"))
                    keepAlive = lower.contains("keep-alive") || (keepAlive && !lower.contains("close"));
            }
            byte[] answer;
            if (chunked) {
                answer = chunks();
            } else if (contentLength >= 0) {
                answer = in.readNBytes(contentLength);
                if (answer.length < contentLength) throw new EOFException("the node closed the connection mid-answer");
            } else {
                answer = in.readAllBytes(); // neither length nor chunks: the answer ends with the connection
                keepAlive = false;
            }
            return new Answer(code, keepAlive, answer);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line(in.read());
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line(in.read()).isEmpty()) {
                        // trailers: none that matter here
                    }
                    return all.toByteArray();
                }
                byte[] chunk = in.readNBytes(n);
                if (chunk.length < n) throw new EOFException("the node closed the connection mid-answer");
                all.write(chunk);
                line(in.read());
            }
        }

        /** One header line from {@code first} (already read) to its CRLF, without it. */
        private String line(int first) throws IOException {
            StringBuilder s = new StringBuilder(64);
            for (int c = first; c != '\n'; c = in.read()) {
                if (c < 0) throw new EOFException("the node closed the connection mid-answer");
                if (c != '\r') s.append((char) c);
            }
            return s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // a connection given up on: nothing of it is kept
            }
        }
    }
}
