package org.stele.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.RpcChain;
import org.stele.rpc.eth.FilterManager;
import org.stele.rpc.eth.FilterMethods;
import org.stele.rpc.eth.LogQuery;
import org.stele.rpc.eth.SubscriptionManager;

/** The server against hostile and careless clients, over real sockets: every limit and policy of issue 13. */
class RpcServerHardeningTest {
    private static final RpcLimits LIMITS = new RpcLimits(64 * 1024, 10, 5, 1 << 20);
    private static final ConnectionLimits CONNECTIONS = new ConnectionLimits(64, Duration.ofSeconds(10),
            Duration.ofSeconds(60), 16);
    private final ObjectMapper json = new ObjectMapper();
    private final List<RpcServer> servers = new ArrayList<>();
    private SubscriptionManager subscriptions;

    @AfterEach
    void stop() {
        servers.forEach(RpcServer::close);
    }

    private int start(BrowserPolicy browsers, ConnectionLimits connections) throws Exception {
        RpcChain chain = new RpcChain(Map.of());
        LogQuery logs = new LogQuery(chain.backend().blocks(), chain.backend().json(), 100, 100);
        subscriptions = new SubscriptionManager(chain.backend().json(), logs, LIMITS.maxSubscriptionsPerConnection());
        FilterManager filters = new FilterManager(logs, chain.backend().json(), InstantSource.system(),
                Duration.ofMinutes(1), 10);
        List<RpcMethod> methods = new ArrayList<>(FilterMethods.all(filters, subscriptions));
        methods.add(RpcMethod.of("test_echo", (p, s) -> p.required(0, "value")));
        methods.add(RpcMethod.of("test_slow", (p, s) -> {
            long ms = p.required(0, "ms").asLong();
            try {
                Thread.sleep(ms); // a slow eth_call stands in here; nothing waits on this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TextNode.valueOf("slow");
        }));
        methods.add(RpcMethod.of("test_outOfMemory", (p, s) -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        RpcServer server = new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(methods), LIMITS),
                new RpcServerConfig("127.0.0.1", 0, LIMITS, browsers, connections));
        servers.add(server);
        return server.start().getPort();
    }

    private int start() throws Exception {
        return start(BrowserPolicy.DEFAULT, CONNECTIONS);
    }

    private static String call(Object id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":[" + params + "]}";
    }

    /** A WebSocket that puts every message it receives into {@code replies}. */
    private static WebSocket webSocket(int port, LinkedBlockingQueue<String> replies) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        replies.add(data.toString());
                        w.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void subscriptionsEndWithTheirWebSocketHoweverItCloses() throws Exception {
        int port = start();
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        List<CompletableFuture<Void>> subscribed = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            CompletableFuture<Void> all = new CompletableFuture<>();
            subscribed.add(all);
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port),
                    new WebSocket.Listener() {
                        int replies;

                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            if (++replies == 5) all.complete(null);
                            w.request(1);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 5; i++) ws.sendText(call(i, "eth_subscribe", "\"newHeads\""), true).join();
            sockets.add(ws);
        }
        CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(subscriptions.count()).isEqualTo(100);
        for (int c = 0; c < sockets.size(); c++) {
            if (c % 2 == 0) sockets.get(c).sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            else
                sockets.get(c).abort();
        }
        await("every subscription of the closed connections is gone", () -> subscriptions.count() == 0);
    }

    @Test
    void theSubscriptionPastTheLimitIsRefusedClearly() throws Exception {
        int port = start();
        LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
        WebSocket ws = webSocket(port, replies);
        for (int i = 0; i < 6; i++) {
            ws.sendText(call(i, "eth_subscribe", "\"newHeads\""), true).join();
            JsonNode r = json.readTree(replies.poll(5, TimeUnit.SECONDS));
            if (i < 5) {
                assertThat(r.has("result")).as("subscription %d: %s", i, r).isTrue();
            } else {
                assertThat(r.get("error").get("code").asInt()).isEqualTo(-32005);
                assertThat(r.get("error").get("message").asText())
                        .isEqualTo("too many subscriptions on this connection (limit 5)");
            }
        }
        ws.abort();
    }

    /** Sends {@code count} pipelined requests, alternating slow and fast calls, from another thread. */
    private static RawHttp pipeline(int port, int count) throws Exception {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String body = i % 2 == 0 ? call(i, "test_slow", String.valueOf((i % 7) * 5)) : call(i, "test_echo", "1");
            requests.append(RawHttp.post(body));
        }
        RawHttp c = new RawHttp(port);
        Thread.ofVirtual().start(() -> {
            try {
                c.send(requests.toString());
            } catch (java.io.IOException e) {
                // the server closed the connection: what it answered is checked by the reader
            }
        });
        return c;
    }

    @Test
    void pipelinedRepliesComeBackInRequestOrder() throws Exception {
        int port = start(BrowserPolicy.DEFAULT, new ConnectionLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(60),
                32));
        try (RawHttp c = pipeline(port, 200)) {
            for (int i = 0; i < 200; i++) {
                RawHttp.Response r = c.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(json.readTree(r.body()).get("id").asInt()).isEqualTo(i);
            }
        }
    }

    @Test
    void pipelinedRequestsPastTheLimitAreAnsweredInOrderAndNeverDroppedSilently() throws Exception {
        int port = start(BrowserPolicy.DEFAULT, new ConnectionLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(60),
                4));
        try (RawHttp c = pipeline(port, 300)) {
            int i = 0;
            for (; i < 300; i++) {
                RawHttp.Response r = c.read();
                if (r.status() == 503) {
                    assertThat(r.headers().get("connection")).isEqualTo("close");
                    assertThat(r.body()).contains("too many pipelined requests");
                    assertThat(c.closedByServer()).isTrue();
                    break;
                }
                assertThat(r.status()).isEqualTo(200);
                assertThat(json.readTree(r.body()).get("id").asInt()).isEqualTo(i);
            }
            assertThat(i).as("answered before a 503, if any").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void aNumericIdIsEchoedAsTheTokenItArrivedAs() throws Exception {
        int port = start();
        try (RawHttp c = new RawHttp(port)) {
            for (String id : List.of("1e999999999", "-0.50", "123456789012345678901234567890", "7", "\"seven\"",
                    "null")) {
                String body = c.send(RawHttp.post(call(id, "test_echo", "1"))).read().body();
                assertThat(body).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":1}");
            }
        }
    }

    @Test
    void anErrorInAMethodIsAnErrorReplyAndTheServerKeepsServing() throws Exception {
        int port = start();
        try (RawHttp c = new RawHttp(port)) {
            JsonNode r = json.readTree(c.send(RawHttp.post(call(1, "test_outOfMemory", ""))).read().body());
            assertThat(r.get("id").asInt()).isEqualTo(1);
            assertThat(r.get("error").get("code").asInt()).isEqualTo(-32603);
            assertThat(r.get("error").get("message").asText()).isEqualTo("internal error: OutOfMemoryError");
            assertThat(c.send(RawHttp.post(call(2, "test_echo", "3"))).read().body()).contains("\"result\":3");
        }
    }

    @Test
    void aMalformedContentLengthIsABadRequest() throws Exception {
        int port = start();
        try (RawHttp c = new RawHttp(port)) {
            c.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n"
                    + call(1, "test_echo", "1"));
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.headers().get("connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void bytesAfterTheJsonValueAreAParseError() throws Exception {
        int port = start();
        try (RawHttp c = new RawHttp(port)) {
            JsonNode r = json.readTree(c.send(RawHttp.post(call(1, "test_echo", "1") + " garbage")).read().body());
            assertThat(r.get("error").get("code").asInt()).isEqualTo(-32700);
            assertThat(r.get("id").isNull()).isTrue();
            JsonNode two = json.readTree(c.send(RawHttp.post(call(1, "test_echo", "1") + "{}")).read().body());
            assertThat(two.get("error").get("code").asInt()).isEqualTo(-32700);
        }
    }

    @Test
    void aConnectionThatSendsHalfItsHeadersIsClosedByTheHeaderTimeout() throws Exception {
        int port = start(BrowserPolicy.DEFAULT, new ConnectionLimits(64, Duration.ofMillis(300), Duration.ofSeconds(60),
                16));
        try (RawHttp slow = new RawHttp(port); RawHttp fine = new RawHttp(port)) {
            long t0 = System.nanoTime();
            slow.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
            assertThat(slow.closedByServer()).isTrue();
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
            assertThat(fine.send(RawHttp.post(call(1, "test_echo", "1"))).read().status())
                    .as("a connection that has sent nothing yet is not timed out by the header timeout").isEqualTo(200);
        }
    }

    @Test
    void anIdleConnectionIsClosedButNotWhileItsReplyIsOwed() throws Exception {
        int port = start(BrowserPolicy.DEFAULT, new ConnectionLimits(64, Duration.ofSeconds(10), Duration.ofMillis(300),
                16));
        try (RawHttp idle = new RawHttp(port); RawHttp waiting = new RawHttp(port)) {
            waiting.send(RawHttp.post(call(1, "test_slow", "800")));
            assertThat(idle.closedByServer()).isTrue();
            assertThat(waiting.read().body()).contains("\"result\":\"slow\"");
            assertThat(waiting.closedByServer()).as("idle once its reply went out").isTrue();
        }
    }

    @Test
    void aWebSocketOutlivesTheHttpTimeoutsItsSubscriptionsNeedItOpen() throws Exception {
        int port = start(BrowserPolicy.DEFAULT, new ConnectionLimits(64, Duration.ofMillis(200), Duration.ofMillis(200),
                16));
        LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
        WebSocket ws = webSocket(port, replies);
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subsc", false).join();
        Thread.sleep(600); // three timeouts' worth of silence, mid-message and then idle
        ws.sendText("ribe\",\"params\":[\"newHeads\"]}", true).join();
        assertThat(replies.poll(5, TimeUnit.SECONDS)).contains("\"result\"");
        Thread.sleep(600);
        ws.sendText(call(2, "test_echo", "2"), true).join();
        assertThat(replies.poll(5, TimeUnit.SECONDS)).contains("\"result\":2");
        ws.abort();
    }

    @Test
    void aConnectionPastTheLimitIsClosedAndASlotFreesWhenOneCloses() throws Exception {
        int port = start(BrowserPolicy.DEFAULT, new ConnectionLimits(3, Duration.ofSeconds(10), Duration.ofSeconds(60),
                16));
        List<RawHttp> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RawHttp c = new RawHttp(port);
            assertThat(c.send(RawHttp.post(call(i, "test_echo", "1"))).read().status()).isEqualTo(200);
            open.add(c);
        }
        try (RawHttp extra = new RawHttp(port)) {
            assertThat(extra.closedByServer()).isTrue();
        }
        open.remove(0).close();
        await("a slot is free again", () -> {
            try (RawHttp again = new RawHttp(port)) {
                return again.send(RawHttp.post(call(9, "test_echo", "1"))).read().status() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        for (RawHttp c : open) c.close();
    }

    @Test
    void anUnknownHostNameIsForbiddenWhileIpAddressesAndLocalhostAreServed() throws Exception {
        int port = start();
        try (RawHttp c = new RawHttp(port)) {
            String body = call(1, "test_echo", "1");
            for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST")) {
                assertThat(c.send(RawHttp.post(body).replace("Host: 127.0.0.1", "Host: " + host)).read().status())
                        .as(host).isEqualTo(200);
            }
            RawHttp.Response rebound = c
                    .send(RawHttp.post(body).replace("Host: 127.0.0.1", "Host: attacker.example:" + port)).read();
            assertThat(rebound.status()).isEqualTo(403);
            assertThat(rebound.body()).contains("invalid host specified");
        }
        int open = start(BrowserPolicy.ANY, CONNECTIONS);
        try (RawHttp c = new RawHttp(open)) {
            assertThat(c.send(RawHttp.post(call(1, "test_echo", "1")).replace("Host: 127.0.0.1", "Host: node.example"))
                    .read().status()).as("--http.vhosts=*").isEqualTo(200);
        }
    }

    @Test
    void aForeignPageIsForbiddenWhileLocalPagesAndTheNodesOwnAreServed() throws Exception {
        int port = start();
        String body = call(1, "test_echo", "1");
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response evil = c.send(RawHttp.post(body, "Origin: https://evil.example")).read();
            assertThat(evil.status()).isEqualTo(403);
            assertThat(evil.headers()).doesNotContainKey("access-control-allow-origin");
            RawHttp.Response preflight = c.send("OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example"
                    + "\r\nAccess-Control-Request-Method: POST\r\n\r\n").read();
            assertThat(preflight.status()).isEqualTo(403);
            RawHttp.Response dapp = c.send(RawHttp.post(body, "Origin: http://localhost:3000")).read();
            assertThat(dapp.status()).isEqualTo(200);
            assertThat(dapp.headers().get("access-control-allow-origin")).isEqualTo("http://localhost:3000");
            RawHttp.Response own = c.send(RawHttp.post(body, "Origin: http://127.0.0.1:" + port)
                    .replace("Host: 127.0.0.1", "Host: 127.0.0.1:" + port)).read();
            assertThat(own.status()).isEqualTo(200);
        }
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + port), new WebSocket.Listener() {
                }).handle((ws, e) -> e != null).get(5, TimeUnit.SECONDS))
                .as("a foreign page cannot open a WebSocket either").isTrue();
        int open = start(new BrowserPolicy(List.of("*"), List.of("localhost")), CONNECTIONS);
        try (RawHttp c = new RawHttp(open)) {
            RawHttp.Response any = c.send(RawHttp.post(body, "Origin: https://evil.example")).read();
            assertThat(any.status()).as("--http.corsdomain=*").isEqualTo(200);
            assertThat(any.headers().get("access-control-allow-origin")).isEqualTo("https://evil.example");
        }
    }
}
