package org.stele.apps.identity.vc;

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

/** JSON-RPC over HTTP POST to a node. */
public final class HttpJsonRpc implements JsonRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    public HttpJsonRpc(URI endpoint) {
        this.endpoint = endpoint;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public JsonNode call(String method, Object... params) {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        ArrayNode p = body.putArray("params");
        for (Object o : params)
            p.add(JSON.valueToTree(o));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VcException("cannot reach the node at " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VcException("interrupted while calling " + endpoint);
        }
        return answer(method, r.body(), endpoint + " (HTTP " + r.statusCode() + ")");
    }

    /** The result of a JSON-RPC response body, or a {@link VcException} with its error. */
    public static JsonNode answer(String method, String responseBody, String from) {
        JsonNode n;
        try {
            n = JSON.readTree(responseBody);
        } catch (IOException e) {
            throw new VcException(from + " did not answer JSON-RPC");
        }
        if (n == null || !n.isObject()) throw new VcException(from + " did not answer JSON-RPC");
        if (n.has("error")) {
            JsonNode err = n.get("error");
            String data = err.hasNonNull("data") ? " " + err.get("data").asText() : "";
            throw new VcException(method + ": " + err.path("message").asText() + data);
        }
        return n.get("result");
    }
}
