import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.LegacyTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * The hostile-client suite of issue 13 against a running `stele dev` over real sockets: subscriptions left by closed
 * WebSockets, a deep-stack trace, pipelining, slow headers, framing, browsers and transaction admission. Run by
 * clients/hostile-test.sh with the node's classpath (for signing); prints one line per check and "N passed, M failed".
 */
public final class HostileClient {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final KeyPair KEY = SUITE
            .keyPair(Hex.decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    private static final Address TO = Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    private static final String LOOP = "0x00000000000000000000000000000000000000aa";
    /** 1,000 × PUSH1 1, then JUMPDEST PUSH1 1 PUSH1 1 ADD POP PUSH2 0x07d0 JUMP until the gas runs out. */
    private static final String LOOP_CODE = "0x" + "6001".repeat(1000) + "5b60016001015061" + "07d056";

    private final String host;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int passed;
    private int failed;

    private HostileClient(URI url) {
        this.host = url.getHost();
        this.port = url.getPort();
    }

    public static void main(String[] args) throws Exception {
        HostileClient c = new HostileClient(URI.create(args[0]));
        c.run();
        System.out.println(c.passed + " passed, " + c.failed + " failed");
        System.exit(c.failed == 0 ? 0 : 1);
    }

    private void check(String what, boolean ok) {
        if (ok) passed++;
        else failed++;
        System.out.println((ok ? "ok - " : "not ok - ") + what);
    }

    private void run() throws Exception {
        // The slow-headers connection runs alongside everything else: the default timeout is 10 s.
        CompletableFuture<Long> slowHeaders = CompletableFuture.supplyAsync(this::slowHeadersClosedAfterMillis);
        String headBefore = result(rpc("eth_blockNumber", "[]"));
        idsAndFraming();
        browsers();
        pipelining();
        admission();
        subscriptions();
        deepStackTrace();
        long closedAfter = slowHeaders.get(60, TimeUnit.SECONDS);
        check("a connection that sent half its headers was closed by the header timeout (after " + closedAfter
                + " ms)", closedAfter > 0 && closedAfter < 30_000);
        String headAfter = result(rpc("eth_blockNumber", "[]"));
        check("the idle chain sealed nothing while refused transactions came and went (head " + headBefore + " -> "
                + headAfter + ")", headBefore.equals(headAfter));
    }

    // ---- HTTP and JSON helpers

    private String rpc(String method, String params) throws Exception {
        return post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}").body();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text of a reply's "result" when it is a string, for the few fields these checks read. */
    private static String result(String reply) {
        int i = reply.indexOf("\"result\":\"");
        if (i < 0) return reply;
        int from = i + 10;
        return reply.substring(from, reply.indexOf('"', from));
    }

    private static String postText(String body, String... headers) {
        StringBuilder s = new StringBuilder("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
        for (String h : headers) s.append(h).append("\r\n");
        return s.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
                .append(body).toString();
    }

    private static String call(Object id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    /** One raw HTTP/1.1 connection. */
    private final class Raw implements AutoCloseable {
        final Socket socket = new Socket();
        final InputStream in;
        final OutputStream out;

        Raw() throws IOException {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        Raw send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        /** Status, headers (lower-case names) and body of the next response. */
        Map<String, String> read() throws IOException {
            Map<String, String> r = new HashMap<>();
            String status = line();
            if (status == null) throw new IOException("closed before a response");
            r.put(":status", status.split(" ")[1]);
            String h;
            while (!(h = line()).isEmpty()) {
                int colon = h.indexOf(':');
                r.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            r.put(":body", new String(in.readNBytes(Integer.parseInt(r.getOrDefault("content-length", "0"))),
                    StandardCharsets.UTF_8));
            return r;
        }

        boolean closedByServer() throws IOException {
            try {
                while (in.read() >= 0) {
                    // what the server sends before it closes
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') return b.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- the checks

    private long slowHeadersClosedAfterMillis() {
        try (Raw r = new Raw()) {
            long t0 = System.nanoTime();
            r.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
            return r.closedByServer() ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private void idsAndFraming() throws Exception {
        try (Raw r = new Raw()) {
            String body = r.send(postText(call("1e999999999", "eth_chainId", "[]"))).read().get(":body");
            check("a numeric id comes back as the token it was sent as: " + body,
                    body.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1e999999999,"));
            String garbage = r.send(postText(call(1, "eth_chainId", "[]") + " garbage")).read().get(":body");
            check("bytes after the JSON value are a parse error", garbage.contains("-32700"));
        }
        try (Raw r = new Raw()) {
            Map<String, String> bad = r.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n{}")
                    .read();
            check("a malformed Content-Length gets 400 and the connection closes",
                    bad.get(":status").equals("400") && r.closedByServer());
        }
    }

    private void browsers() throws Exception {
        try (Raw r = new Raw()) {
            String body = call(1, "eth_accounts", "[]");
            Map<String, String> evil = r.send(postText(body, "Origin: https://evil.example")).read();
            check("a foreign page gets 403 and no CORS header", evil.get(":status").equals("403")
                    && !evil.containsKey("access-control-allow-origin"));
            Map<String, String> local = r.send(postText(body, "Origin: http://localhost:5173")).read();
            check("a page on localhost is served with its origin allowed", local.get(":status").equals("200")
                    && "http://localhost:5173".equals(local.get("access-control-allow-origin")));
            Map<String, String> rebound = r.send(postText(body).replace("Host: 127.0.0.1", "Host: rebind.example"))
                    .read();
            check("an unknown Host (DNS rebinding) gets 403", rebound.get(":status").equals("403"));
        }
    }

    private void pipelining() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            all.append(postText(i % 2 == 0
                    ? call(i, "eth_call", "[{\"to\":\"" + LOOP + "\",\"gas\":\"0x30000\"},\"latest\",{\"" + LOOP
                            + "\":{\"code\":\"" + LOOP_CODE + "\"}}]")
                    : call(i, "eth_chainId", "[]")));
        }
        try (Raw r = new Raw()) {
            Thread.ofVirtual().start(() -> {
                try {
                    r.send(all.toString());
                } catch (IOException e) {
                    // the reader reports what came back
                }
            });
            int inOrder = 0;
            for (int i = 0; i < 200; i++) {
                String body = r.read().get(":body");
                if (body.contains("\"id\":" + i + ",")) inOrder++;
            }
            check("200 pipelined requests (slow eth_call, fast eth_chainId) are answered in order (" + inOrder
                    + " in place)", inOrder == 200);
        }
    }

    private String sendRaw(Transaction tx) throws Exception {
        return rpc("eth_sendRawTransaction", "[\"" + Hex.encode(tx.encode()) + "\"]");
    }

    private void admission() throws Exception {
        BigInteger chainId = new BigInteger(result(rpc("eth_chainId", "[]")).substring(2), 16);
        long nonce = Long.decode(result(rpc("eth_getTransactionCount", "[\"" + SUITE.address(KEY.publicKey()).toHex()
                + "\",\"pending\"]")));
        BigInteger gwei = BigInteger.TEN.pow(9);
        Transaction big = new FeeMarketTransaction(chainId, nonce, gwei, gwei.multiply(BigInteger.valueOf(100)),
                5_000_000, Optional.of(TO), BigInteger.ZERO, Bytes.wrap(new byte[130 * 1024]), List.of(),
                TransactionSignature.UNSIGNED).sign(KEY, SUITE);
        check("a raw transaction over 128 KiB is refused", sendRaw(big).contains("oversized data"));
        Transaction unprotected = new LegacyTransaction(nonce, gwei.multiply(BigInteger.valueOf(100)), 21_000,
                Optional.of(TO), BigInteger.ONE, Bytes.EMPTY, Optional.empty(), TransactionSignature.UNSIGNED)
                .sign(KEY, SUITE);
        check("a legacy transaction without EIP-155 replay protection is refused",
                sendRaw(unprotected).contains("only replay-protected (EIP-155) transactions allowed over RPC"));
        Transaction free = new LegacyTransaction(nonce, BigInteger.ZERO, 21_000, Optional.of(TO), BigInteger.ONE,
                Bytes.EMPTY, Optional.of(chainId), TransactionSignature.UNSIGNED).sign(KEY, SUITE);
        check("a gasPrice-0 transaction is refused as underpriced", sendRaw(free).contains("transaction underpriced"));
        Transaction cheap = new LegacyTransaction(nonce, BigInteger.ONE, 21_000, Optional.of(TO), BigInteger.ONE,
                Bytes.EMPTY, Optional.of(chainId), TransactionSignature.UNSIGNED).sign(KEY, SUITE);
        check("a fee that cannot pay the next base fee is refused",
                sendRaw(cheap).contains("max fee per gas less than block base fee"));
    }

    private void subscriptions() throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 100; i++)
            batch.append(i == 0 ? "" : ",").append(call(i, "eth_subscribe", "[\"newHeads\"]"));
        String subscribe = batch.append(']').toString();
        int refused = 0;
        for (int round = 0; round < 10; round++) {
            List<WebSocket> sockets = new ArrayList<>();
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (int c = 0; c < 100; c++) {
                CompletableFuture<String> reply = new CompletableFuture<>();
                replies.add(reply);
                sockets.add(webSocket(reply));
            }
            for (WebSocket ws : sockets) ws.sendText(subscribe, true);
            for (CompletableFuture<String> r : replies) {
                if (r.get(30, TimeUnit.SECONDS).contains("\"error\"")) refused++;
            }
            for (int c = 0; c < sockets.size(); c++) {
                if (c % 2 == 0) sockets.get(c).sendClose(WebSocket.NORMAL_CLOSURE, "");
                else sockets.get(c).abort();
            }
        }
        check("1,000 WebSocket connections each opened 100 subscriptions (" + refused + " refused)", refused == 0);
        boolean zero = await(() -> {
            try {
                return result(rpc("debug_subscriptionCount", "[]")).equals("0x0");
            } catch (Exception e) {
                return false;
            }
        });
        check("after they closed, the node holds no subscription (" + result(rpc("debug_subscriptionCount", "[]"))
                + ")", zero);
        StringBuilder over = new StringBuilder("[");
        for (int i = 0; i < 101; i++) over.append(i == 0 ? "" : ",").append(call(i, "eth_subscribe", "[\"newHeads\"]"));
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket ws = webSocket(reply);
        ws.sendText(over.append(']').toString(), true);
        check("the 101st subscription on one connection is refused clearly",
                reply.get(30, TimeUnit.SECONDS).contains("too many subscriptions on this connection (limit 100)"));
        ws.abort();
    }

    /** A WebSocket whose first whole message completes {@code reply}. */
    private WebSocket webSocket(CompletableFuture<String> reply) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://" + host + ":" + port), new WebSocket.Listener() {
            final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) reply.complete(text.toString());
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return false;
    }

    private void deepStackTrace() throws Exception {
        String overrides = "{\"stateOverrides\":{\"" + LOOP + "\":{\"code\":\"" + LOOP_CODE + "\"}}";
        long t0 = System.nanoTime();
        String deep = rpc("debug_traceCall", "[{\"to\":\"" + LOOP + "\",\"gas\":\"0x7a1200\"},\"latest\"," + overrides
                + "}]");
        check("a 350k-step trace with ~1,000 stack items gets an answer (" + deep.substring(0, Math.min(140,
                deep.length())) + "… in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms)",
                deep.contains("\"result\"") || deep.contains("trace too large"));
        HttpResponse<String> light = post(call(1, "debug_traceCall", "[{\"to\":\"" + LOOP
                + "\",\"gas\":\"0x1e8480\"},\"latest\"," + overrides + ",\"disableStack\":true}]"));
        check("the same loop without stacks streams back whole (" + light.body().length() / (1 << 20) + " MiB)",
                light.body().contains("\"structLogs\":[{") && light.body().endsWith("]}}"));
        check("and the node still serves", result(rpc("eth_chainId", "[]")).startsWith("0x"));
    }
}
