package org.stele.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * JSON-RPC 2.0 over HTTP with {@link HttpClient}. Single calls throw {@link RpcException} for an error answer;
 * batches return one {@link Response} per request, in request order, so the caller decides what an error means.
 */
public final class JsonRpcClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI uri;
    private long nextId = 1;

    public JsonRpcClient(URI uri, Executor executor) {
        this.uri = uri;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    /** The node answered a call with a JSON-RPC error object, or with something that is not JSON-RPC. */
    public static final class RpcException extends IOException {
        public RpcException(String message) {
            super(message);
        }
    }

    /** One answer of a batch: a result, or an error message. */
    public record Response(long id, JsonNode result, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static ObjectNode request(long id, String method, Object... params) {
        ObjectNode req = JSON.createObjectNode();
        req.put("jsonrpc", "2.0").put("id", id).put("method", method);
        ArrayNode p = req.putArray("params");
        for (Object o : params)
            p.add(JSON.valueToTree(o));
        return req;
    }

    public synchronized JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        ObjectNode req = request(nextId++, method, params);
        HttpResponse<String> resp = http.send(post(req.toString()), HttpResponse.BodyHandlers.ofString());
        JsonNode body = parse(resp);
        if (!body.isObject())
            throw new RpcException(method + ": expected a JSON-RPC object, got " + abbreviate(body.toString()));
        Response r = toResponse(body);
        if (!r.ok())
            throw new RpcException(method + ": " + r.error());
        return r.result();
    }

    /** Sends {@code requests} as one JSON-RPC batch and waits for the answers. */
    public List<Response> batch(List<ObjectNode> requests) throws IOException, InterruptedException {
        ArrayNode arr = JSON.createArrayNode();
        requests.forEach(arr::add);
        HttpResponse<String> resp = http.send(post(arr.toString()), HttpResponse.BodyHandlers.ofString());
        return ordered(parseResponses(parse(resp)), requests.stream().map(r -> r.get("id").asLong()).toList());
    }

    /**
     * Posts a pre-serialised body (a single request or a batch) without waiting; the future yields the answers,
     * one per request found in the body, in the order the node sent them.
     */
    public CompletableFuture<List<Response>> postAsync(String body) {
        return http.sendAsync(post(body), HttpResponse.BodyHandlers.ofString()).thenApply(resp -> {
            try {
                return parseResponses(parse(resp));
            } catch (RpcException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode parse(HttpResponse<String> resp) throws RpcException {
        if (resp.statusCode() != 200 && resp.body().isEmpty())
            throw new RpcException("HTTP " + resp.statusCode());
        try {
            return JSON.readTree(resp.body());
        } catch (IOException e) {
            throw new RpcException("HTTP " + resp.statusCode() + ", not JSON: " + abbreviate(resp.body()));
        }
    }

    static List<Response> parseResponses(JsonNode body) throws RpcException {
        List<Response> out = new ArrayList<>();
        if (body.isArray()) {
            for (JsonNode n : body)
                out.add(toResponse(n));
        } else if (body.isObject()) {
            out.add(toResponse(body));
        } else {
            throw new RpcException("expected a JSON-RPC answer, got " + abbreviate(body.toString()));
        }
        return out;
    }

    static Response toResponse(JsonNode n) throws RpcException {
        if (!n.isObject())
            throw new RpcException("expected a JSON-RPC object, got " + abbreviate(n.toString()));
        long id = n.path("id").asLong(-1);
        JsonNode err = n.get("error");
        if (err != null && !err.isNull()) {
            String msg = err.path("message").asText(err.toString());
            return new Response(id, null, msg.isEmpty() ? err.toString() : msg);
        }
        if (!n.has("result"))
            throw new RpcException("JSON-RPC answer with neither result nor error: " + abbreviate(n.toString()));
        return new Response(id, n.get("result"), null);
    }

    private static List<Response> ordered(List<Response> answers, List<Long> ids) throws RpcException {
        java.util.Map<Long, Response> byId = new java.util.HashMap<>();
        for (Response r : answers)
            byId.put(r.id(), r);
        List<Response> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            Response r = byId.get(id);
            if (r == null)
                throw new RpcException("batch answer lacks id " + id);
            out.add(r);
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    public synchronized long nextIds(int count) {
        long first = nextId;
        nextId += count;
        return first;
    }
}
