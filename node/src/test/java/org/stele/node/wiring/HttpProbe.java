package org.stele.node.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON-RPC calls and metric scrapes over real HTTP, for the operator-facing tests. */
final class HttpProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int rpcPort;

    HttpProbe(int rpcPort) {
        this.rpcPort = rpcPort;
    }

    /** The whole response to {@code method}, {@code params} being a JSON array as text. */
    JsonNode send(String method, String params) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpcPort))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /** The result of a call that must succeed. */
    JsonNode call(String method, String params) throws IOException, InterruptedException {
        JsonNode n = send(method, params);
        if (n.has("error")) throw new AssertionError(method + " failed: " + n.get("error"));
        return n.get("result");
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
