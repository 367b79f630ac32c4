package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** JSON-RPC over HTTP POST to a node. */
public final class HttpJsonRpc implements JsonRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    /** @throws IllegalArgumentException when {@code endpoint} is not an http:// or https:// URL with a host */
    public HttpJsonRpc(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || endpoint.getHost() == null)
            throw new IllegalArgumentException("not an http:// or https:// URL of a node: " + endpoint);
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
            throw new VcException("cannot reach the node at " + endpoint + " (" + why(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VcException("interrupted while calling " + endpoint);
        }
        return answer(method, r.body(), endpoint + " (HTTP " + r.statusCode() + ")");
    }

    /** Why a request failed, in a few words: the JDK's client often throws without a message. */
    private String why(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException)
                return "unknown host " + endpoint.getHost();
            if (t instanceof HttpTimeoutException)
                return "no answer in time";
        }
        if (e instanceof ConnectException)
            return "connection refused";
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The result of a JSON-RPC response body, or a {@link VcException} with its error ({@link RpcErrorAnswer}). */
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
            throw new RpcErrorAnswer(method, err.path("message").asText(),
                    err.hasNonNull("data") ? err.get("data").asText() : "");
        }
        return n.get("result");
    }
}
