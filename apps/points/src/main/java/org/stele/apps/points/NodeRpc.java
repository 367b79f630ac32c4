package org.stele.apps.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 2.0 to a node over HTTP, shared by many threads at once (the relayer's checks run on each HTTP request's own
 * thread). An error answer keeps its {@code data}, which carries a reverted call's revert bytes.
 */
public final class NodeRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final AtomicLong ids = new AtomicLong();
    // A node limits connections per client: many callers at once (a relayer under load) share this many.
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(48);

    public NodeRpc(String url) {
        try {
            this.uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
    }

    /** The node answered with a JSON-RPC error: {@code data} is its revert data (0x-hex) when a call reverted. */
    public static final class NodeError extends IOException {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final String data;

        NodeError(int code, String message, String data) {
            super(message);
            this.code = code;
            this.data = data;
        }

        public int code() {
            return code;
        }

        public String data() {
            return data;
        }
    }

    public String url() {
        return uri.toString();
    }

    /** Calls {@code method}; params are turned into JSON by Jackson. */
    public JsonNode call(String method, Object... params) throws IOException {
        ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", method);
        var array = req.putArray("params");
        for (Object p : params) array.add(JSON.valueToTree(p));
        HttpResponse<String> resp;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + method);
        }
        try {
            resp = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(req.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + method);
        } finally {
            inFlight.release();
        }
        if (resp.statusCode() != 200) throw new IOException("the node answered HTTP " + resp.statusCode());
        JsonNode answer = JSON.readTree(resp.body());
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            JsonNode data = error.get("data");
            String revert = data == null || data.isNull()
                    ? null
                    : data.isTextual() ? data.asText() : data.path("data").asText(null);
            throw new NodeError(error.path("code").asInt(), error.path("message").asText(), revert);
        }
        return answer.get("result");
    }

    /** {@code eth_call} of {@code data} on {@code to} from {@code from} at the latest block; answers the output. */
    public String ethCall(String from, String to, String data) throws IOException {
        ObjectNode tx = JSON.createObjectNode().put("to", to).put("data", data);
        if (from != null) tx.put("from", from);
        return call("eth_call", tx, "latest").asText();
    }

    /**
     * {@code eth_call} as a contract would make it: {@code from} is given no code for this call only (a state
     * override), since the node, like an EIP-3607 chain, refuses a call whose sender has code.
     */
    public String ethCallAsContract(String from, String to, String data) throws IOException {
        ObjectNode tx = JSON.createObjectNode().put("from", from).put("to", to).put("data", data);
        ObjectNode overrides = JSON.createObjectNode();
        overrides.putObject(from).put("code", "0x");
        return call("eth_call", tx, "latest", overrides).asText();
    }

    /**
     * {@code eth_call} of {@code data} on {@code to}, which runs {@code code} for this call only (a state override):
     * how the relayer runs a contract it never deploys.
     */
    public String ethCallWithCode(String from, String to, String code, String data) throws IOException {
        ObjectNode tx = JSON.createObjectNode().put("from", from).put("to", to).put("data", data);
        ObjectNode overrides = JSON.createObjectNode();
        overrides.putObject(to).put("code", code);
        return call("eth_call", tx, "latest", overrides).asText();
    }

    public long chainId() throws IOException {
        return Long.decode(call("eth_chainId").asText());
    }
}
