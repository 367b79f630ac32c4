package org.stele.apps.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The relayer's JSON-RPC client over its own HTTP/1.1 connections, against a small JSON-RPC server on a raw socket that
 * answers each call's method name as its result, framed as each test asks (the node's own server is exercised by the
 * relayer's tests in the node module).
 */
class NodeRpcTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the server frames its answers and what it does after one. */
    private enum Framing {
        LENGTH_KEEP_OPEN, CHUNKED_KEEP_OPEN, LENGTH_THEN_CLOSE_SILENTLY, CONNECTION_CLOSE
    }

    /** A server on a free loopback port; {@code posts} counts the requests it read. */
    private static final class Server implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger posts = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final List<Socket> open = new ArrayList<>();

        Server(Framing framing) throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket c = socket.accept();
                        synchronized (open) {
                            open.add(c);
                        }
                        connections.incrementAndGet();
                        Thread.ofVirtual().start(() -> serve(c, framing));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }

        private void serve(Socket c, Framing framing) {
            try (c) {
                InputStream in = new BufferedInputStream(c.getInputStream());
                OutputStream out = c.getOutputStream();
                while (true) {
                    int length = -1;
                    String line = line(in);
                    if (line == null) return;
                    for (String h; !(h = line(in)).isEmpty();)
                        if (h.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                            length = Integer.parseInt(h.substring(15).trim());
                    byte[] body = in.readNBytes(length);
                    posts.incrementAndGet();
                    byte[] answer = JSON.writeValueAsBytes(answer(JSON.readTree(body)));
                    switch (framing) {
                        case CHUNKED_KEEP_OPEN -> {
                            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                            int half = answer.length / 2;
                            chunk(out, answer, 0, half);
                            chunk(out, answer, half, answer.length - half);
                            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        case CONNECTION_CLOSE -> out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: "
                                + answer.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        default -> out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + answer.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                    if (framing != Framing.CHUNKED_KEEP_OPEN) out.write(answer);
                    out.flush();
                    if (framing == Framing.LENGTH_THEN_CLOSE_SILENTLY || framing == Framing.CONNECTION_CLOSE) return;
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static void chunk(OutputStream out, byte[] b, int from, int n) throws IOException {
            out.write((Integer.toHexString(n) + ";part\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, from, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        private static JsonNode answer(JsonNode call) {
            if (call.isArray()) {
                ArrayNode all = JSON.createArrayNode();
                call.forEach(c -> all.add(answer(c)));
                return all;
            }
            ObjectNode a = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", call.get("id"));
            String method = call.get("method").asText();
            if (method.equals("fail"))
                a.putObject("error").put("code", 3).put("message", "execution reverted").put("data", "0xdead");
            else
                a.put("result", method);
            return a;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            for (int c; (c = in.read()) != '\n';) {
                if (c < 0) return s.size() == 0 ? null : s.toString(StandardCharsets.US_ASCII);
                if (c != '\r') s.write(c);
            }
            return s.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket s : open) s.close();
            }
        }
    }

    @Test
    void callsGoOverOneKeptConnectionAndAnswersAreReadByTheirLength() throws IOException {
        try (Server server = new Server(Framing.LENGTH_KEEP_OPEN)) {
            NodeRpc node = new NodeRpc(server.url());
            for (int i = 0; i < 5; i++) assertThat(node.call("eth_blockNumber").asText()).isEqualTo("eth_blockNumber");
            assertThat(server.posts).hasValue(5);
            assertThat(server.connections).hasValue(1);
        }
    }

    @Test
    void aChunkedAnswerIsReadWholeAndABatchAnswersEachCallInOrder() throws IOException {
        try (Server server = new Server(Framing.CHUNKED_KEEP_OPEN)) {
            NodeRpc node = new NodeRpc(server.url());
            assertThat(node.call("eth_chainId").asText()).isEqualTo("eth_chainId");
            List<JsonNode> each = node.callEach("eth_getTransactionReceipt",
                    List.of(new Object[]{"0x1"}, new Object[]{"0x2"}, new Object[]{"0x3"}));
            assertThat(each).extracting(JsonNode::asText).containsExactly("eth_getTransactionReceipt",
                    "eth_getTransactionReceipt", "eth_getTransactionReceipt");
            assertThat(server.connections).hasValue(1);
        }
    }

    @Test
    void aKeptConnectionTheNodeClosedIsReplacedWithoutPostingTheCallTwice() throws IOException {
        try (Server server = new Server(Framing.LENGTH_THEN_CLOSE_SILENTLY)) {
            NodeRpc node = new NodeRpc(server.url());
            assertThat(node.call("first").asText()).isEqualTo("first");
            assertThat(node.call("second").asText()).isEqualTo("second");
            assertThat(node.call("third").asText()).isEqualTo("third");
            assertThat(server.posts).hasValue(3);
            assertThat(server.connections).hasValue(3);
        }
    }

    @Test
    void anAnswerThatClosesTheConnectionIsReadAndTheNextCallConnectsAgain() throws IOException {
        try (Server server = new Server(Framing.CONNECTION_CLOSE)) {
            NodeRpc node = new NodeRpc(server.url());
            assertThat(node.call("one").asText()).isEqualTo("one");
            assertThat(node.call("two").asText()).isEqualTo("two");
            assertThat(server.posts).hasValue(2);
            assertThat(server.connections).hasValue(2);
        }
    }

    @Test
    void aJsonRpcErrorKeepsItsRevertData() throws IOException {
        try (Server server = new Server(Framing.LENGTH_KEEP_OPEN)) {
            NodeRpc node = new NodeRpc(server.url());
            assertThatThrownBy(() -> node.call("fail")).isInstanceOfSatisfying(NodeRpc.NodeError.class, e -> {
                assertThat(e.getMessage()).isEqualTo("execution reverted");
                assertThat(e.data()).isEqualTo("0xdead");
            });
        }
    }

    @Test
    void aNodeThatIsNotListeningIsAnIOExceptionNamingNoStackOfItsOwn() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        NodeRpc node = new NodeRpc("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> node.call("eth_chainId")).isInstanceOf(IOException.class);
    }
}
