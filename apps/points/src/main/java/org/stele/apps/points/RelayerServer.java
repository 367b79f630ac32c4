package org.stele.apps.points;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The relayer over HTTP with JSON, for pages and programs: {@code GET /relay/config} says which chain, token,
 * forwarder and EIP-712 domain to sign for; {@code POST /relay} takes {@code {"request": {from, to, value, gas,
 * nonce, deadline, data}, "signature": "0x…"}} and answers, once mined, {@code {"transaction", "block"}}. Every error
 * is {@code {"error": {"code", "message"}}} with a fitting HTTP status. The pages are served by the node on another
 * origin, so answers carry CORS headers for the configured origin (docs/points.md).
 */
public final class RelayerServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;
    private final Relayer relayer;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final String allowOrigin;

    /** Listens on {@code host:port} (port 0: any free port); {@code allowOrigin} is the CORS origin, "*" for any. */
    public RelayerServer(Relayer relayer, String host, int port, String allowOrigin) throws IOException {
        this.relayer = relayer;
        this.allowOrigin = allowOrigin;
        // The JDK server closes idle keep-alive connections beyond 200, racing clients that reuse them ("no bytes"):
        // a relayer has a connection per active wallet, so it keeps more. Read once, when the first server starts.
        System.getProperties().putIfAbsent("sun.net.httpserver.maxIdleConnections", "10000");
        // Wallets that send several requests at once open that many connections together: a backlog of 1024 dropped
        // connects of a 1,000-wallet run (refused after the client's 5 s connect timeout). Linux caps it at somaxconn.
        this.server = HttpServer.create(new InetSocketAddress(host, port), 8192);
        server.setExecutor(threads);
        server.createContext("/relay", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("Access-Control-Allow-Origin", allowOrigin);
            headers.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            headers.set("Access-Control-Allow-Headers", "content-type");
            headers.set("Access-Control-Max-Age", "600");
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("OPTIONS")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (path.equals("/relay/config") && method.equals("GET")) {
                answer(exchange, 200, config());
            } else if (path.equals("/relay") && method.equals("POST")) {
                relay(exchange);
            } else {
                answer(exchange, 404, error("NotFound", "the relayer serves GET /relay/config and POST /relay"));
            }
        }
    }

    private ObjectNode config() {
        ObjectNode c = JSON.createObjectNode();
        c.put("chainId", relayer.chainId()).put("token", relayer.config().token())
                .put("forwarder", relayer.config().forwarder()).put("operator", relayer.operator())
                .put("maxGas", relayer.config().maxGasPerRequest().toString());
        c.putObject("domain").put("name", ForwardRequest.DOMAIN_NAME).put("version", ForwardRequest.DOMAIN_VERSION)
                .put("chainId", relayer.chainId()).put("verifyingContract", relayer.config().forwarder());
        c.putObject("rate").put("burst", relayer.limits().capacity()).put("perSecond", relayer.limits().perSecond());
        return c;
    }

    private void relay(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            answer(exchange, 413, error("TooLarge", "a request body is at most " + MAX_BODY + " bytes"));
            return;
        }
        ForwardRequest.Signed signed;
        try {
            signed = parse(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            answer(exchange, 400, error("BadJson", "the body is not JSON: " + e.getOriginalMessage()));
            return;
        } catch (IllegalArgumentException e) {
            answer(exchange, 400, error("BadRequest", e.getMessage()));
            return;
        }
        try {
            Relayer.Relayed done = relayer.relay(signed);
            answer(exchange, 200,
                    JSON.createObjectNode().put("transaction", done.transaction()).put("block", done.block()));
        } catch (RelayRefusal r) {
            answer(exchange, r.status(), error(r.code(), r.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 503, error("Closed", "the relayer is stopping"));
        }
    }

    /** A signed request from its JSON; numbers as JSON numbers, decimal strings or 0x-hex strings. */
    public static ForwardRequest.Signed parse(JsonNode json) {
        if (json == null || !json.isObject()) throw new IllegalArgumentException("the body must be a JSON object");
        JsonNode r = json.get("request");
        if (r == null || !r.isObject())
            throw new IllegalArgumentException("give \"request\": {from, to, value, gas, nonce, deadline, data}");
        String from = text(r, "from");
        String to = text(r, "to");
        BigInteger value = number(r, "value");
        BigInteger gas = number(r, "gas");
        BigInteger nonce = number(r, "nonce");
        BigInteger deadline = number(r, "deadline");
        if (deadline.bitLength() > 48) throw new IllegalArgumentException("deadline is not a uint48 timestamp");
        String data = text(r, "data");
        return new ForwardRequest.Signed(
                new ForwardRequest(from, to, value, gas, nonce, deadline.longValueExact(), data),
                text(json, "signature"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("\"" + field + "\" must be a string");
        return v.asText();
    }

    private static BigInteger number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        try {
            if (v != null && v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0) return v.bigIntegerValue();
            if (v != null && v.isTextual()) {
                String t = v.asText();
                BigInteger n = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
                if (n.signum() >= 0 && n.bitLength() <= 256) return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the one error below
        }
        throw new IllegalArgumentException("\"" + field + "\" must be an unsigned integer (number, decimal or 0x-hex)");
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("code", code).put("message", message);
        return e;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
