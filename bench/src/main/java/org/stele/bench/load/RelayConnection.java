package org.stele.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.stele.apps.points.ForwardRequest;
import org.stele.apps.points.Relayer;

/**
 * One wallet's keep-alive HTTP/1.1 connection to a relayer, used by one thread at a time: {@code POST /relay} of a body
 * serialised before the measured window, and the blocking read of its answer. The relayed load generator's wallets
 * are the benchmark's load, like the plain generator's batched senders: {@code java.net.http.HttpClient} (HTTP/2 by
 * default, an h2c upgrade offered on every new connection, a selector thread and completion stages per exchange) cost
 * them more CPU a transfer than the relayer itself, on the cores the relayer and the node share.
 */
final class RelayConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] head;

    RelayConnection(URI relayer, int connectTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(relayer.getHost(), relayer.getPort()), connectTimeoutMillis);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 2048);
        head = ("POST /relay HTTP/1.1\r\nHost: " + relayer.getHost() + ":" + relayer.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** The body of {@code POST /relay} for {@code signed}, as the SDK's {@code PointsClient.relay} sends it. */
    static byte[] body(ForwardRequest.Signed signed) {
        var body = JSON.createObjectNode().put("signature", signed.signature());
        ForwardRequest r = signed.request();
        body.putObject("request").put("from", r.from()).put("to", r.to()).put("value", r.value().toString())
                .put("gas", r.gas().toString()).put("nonce", r.nonce().toString()).put("deadline", r.deadline())
                .put("data", r.data());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Posts {@code body} and waits for the answer: the relayed transaction, or an exception naming the refusal. */
    Relayer.Relayed relay(byte[] body) throws IOException {
        out.write(head);
        out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12)
            throw new IOException("the relayer answered " + status);
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean close = false;
        for (String h; !(h = line()).isEmpty();) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Integer.parseInt(lower.substring(15).trim());
            else if (lower.startsWith("connection:") && lower.contains("close")) close = true;
        }
        if (length < 0) throw new IOException("the relayer's answer has no Content-Length (HTTP " + code + ")");
        byte[] answer = in.readNBytes(length);
        if (answer.length < length) throw new IOException("the relayer closed the connection mid-answer");
        if (close) close();
        JsonNode json = JSON.readTree(answer);
        if (code != 200)
            throw new IOException("the relayer refused: " + json.path("error").path("code").asText("HTTP " + code)
                    + ": " + json.path("error").path("message").asText());
        return new Relayer.Relayed(json.get("transaction").asText(), json.get("block").asLong(), true);
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) throw new IOException("the relayer closed the connection");
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection the benchmark is done with: nothing to keep
        }
    }
}
