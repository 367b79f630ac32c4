package org.stele.apps.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC 2.0 to a node over HTTP, shared by many threads at once (the relayer's checks run on each HTTP request's own
 * thread). An error answer keeps its {@code data}, which carries a reverted call's revert bytes.
 */
public final class NodeRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NodeHttp http;
    private final URI uri;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong exchanges = new AtomicLong();
    /**
     * Posts on their way at once: a node limits connections per client, and more calls than this at once go
     * together in batches instead (a node runs a batch's calls one after the other, so a few posts keep its cores
     * busy).
     */
    private static final int POSTS = 4;
    /** The most calls in one batch. */
    private static final int MAX_BATCH = 100;
    private final Semaphore posts = new Semaphore(POSTS);
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();

    /** A call waiting to be posted, and where its answer (the JSON-RPC response object) goes. */
    private record Waiting(ObjectNode request, CompletableFuture<JsonNode> answer) {}

    public NodeRpc(String url) {
        try {
            this.uri = URI.create(url);
            this.http = new NodeHttp(uri);
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

        /** The node's answer says what went wrong; where the relayer asked (a deep virtual thread's stack) does not. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Calls made so far. */
    public long calls() {
        return ids.get();
    }

    /** HTTP exchanges made so far: fewer than {@link #calls()} when calls went together in batches. */
    public long exchanges() {
        return exchanges.get();
    }

    public String url() {
        return uri.toString();
    }

    /**
     * Calls {@code method}; params are turned into JSON by Jackson. Calls made while {@link #POSTS} others are on their
     * way wait and then go together, as one JSON-RPC batch: a relayer under load checks many requests at once, and one
     * HTTP exchange for many calls costs both sides far less CPU than one each. A call made alone goes at once.
     */
    public JsonNode call(String method, Object... params) throws IOException {
        Waiting call = request(method, params);
        waiting.add(call);
        post();
        JsonNode answer = answerOf(call, method);
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

    /**
     * Calls {@code method} once for each of {@code params}, all queued before any is posted, so they go together in
     * JSON-RPC batches of up to {@link #MAX_BATCH}: each call's result, in order, or null where the node answered
     * that call with an error.
     */
    public List<JsonNode> callEach(String method, List<Object[]> params) throws IOException {
        List<Waiting> calls = new ArrayList<>(params.size());
        for (Object[] p : params) calls.add(request(method, p));
        waiting.addAll(calls);
        post();
        List<JsonNode> results = new ArrayList<>(calls.size());
        for (Waiting call : calls) {
            JsonNode answer = answerOf(call, method);
            JsonNode error = answer.get("error");
            results.add(error != null && !error.isNull() ? null : answer.get("result"));
        }
        return results;
    }

    /** A JSON-RPC call of {@code method} with the next id, not yet queued. */
    private Waiting request(String method, Object[] params) {
        ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", method);
        var array = req.putArray("params");
        for (Object p : params) array.add(json(p));
        return new Waiting(req, new CompletableFuture<>());
    }

    /**
     * A parameter as JSON: strings, numbers, booleans, trees and maps of them directly (the relayer's calls), anything
     * else through Jackson's data binding, which costs more than the rest of building a call.
     */
    private static JsonNode json(Object p) {
        return switch (p) {
            case null -> JSON.nullNode();
            case JsonNode n -> n;
            case String t -> JSON.getNodeFactory().textNode(t);
            case Boolean b -> JSON.getNodeFactory().booleanNode(b);
            case Long l -> JSON.getNodeFactory().numberNode(l);
            case Integer i -> JSON.getNodeFactory().numberNode(i);
            case Map<?, ?> m -> {
                ObjectNode o = JSON.createObjectNode();
                m.forEach((k, v) -> o.set(String.valueOf(k), json(v)));
                yield o;
            }
            default -> JSON.valueToTree(p);
        };
    }

    /** The node's whole answer to {@code call} (result or error), once its post has come back. */
    private static JsonNode answerOf(Waiting call, String method) throws IOException {
        try {
            return call.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + method);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /**
     * Starts a post of what waits, on a virtual thread of its own, while fewer than {@link #POSTS} are on their way.
     * Each post looks again when it ends, so a call that found every post taken goes with the next one.
     */
    private void post() {
        while (!waiting.isEmpty() && posts.tryAcquire()) {
            Thread.ofVirtual().name("node-rpc-post").start(() -> {
                List<Waiting> batch = new ArrayList<>();
                try {
                    for (Waiting w; batch.size() < MAX_BATCH && (w = waiting.poll()) != null;) batch.add(w);
                    if (!batch.isEmpty()) exchange(batch);
                } finally {
                    posts.release();
                }
                post();
            });
        }
    }

    /** One HTTP exchange: a single call as itself, several as a JSON-RPC batch; completes each call's answer. */
    private void exchange(List<Waiting> batch) {
        exchanges.incrementAndGet();
        try {
            byte[] body;
            if (batch.size() == 1) {
                body = JSON.writeValueAsBytes(batch.get(0).request());
            } else {
                ArrayNode all = JSON.createArrayNode();
                for (Waiting w : batch) all.add(w.request());
                body = JSON.writeValueAsBytes(all);
            }
            JsonNode answer = JSON.readTree(http.post(body));
            if (batch.size() == 1 && answer.isObject()) {
                batch.get(0).answer().complete(answer);
                return;
            }
            Map<Long, JsonNode> byId = new HashMap<>();
            if (answer.isArray())
                for (JsonNode a : answer) byId.put(a.path("id").asLong(-1), a);
            for (Waiting w : batch) {
                JsonNode a = byId.get(w.request().get("id").asLong());
                if (a != null) w.answer().complete(a);
                else
                    w.answer().completeExceptionally(new IOException("the node's answer to a batch of "
                            + batch.size() + " calls lacks the answer to " + w.request().get("method").asText()
                            + (answer.isObject() ? ": " + answer.path("error").path("message").asText() : "")));
            }
        } catch (IOException | RuntimeException e) {
            IOException failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            for (Waiting w : batch) w.answer().completeExceptionally(failure);
        }
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
