package org.stele.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.Params;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.RpcSession;

class RpcServerTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RpcServer server;
    private String url;

    @BeforeEach
    void start() throws Exception {
        RpcMethod hello = new RpcMethod() {
            @Override
            public String name() {
                return "test_hello";
            }

            @Override
            public JsonNode execute(Params params, RpcSession session) {
                return TextNode.valueOf(session.canPush() ? "hello websocket" : "hello http");
            }
        };
        server = new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(List.of(hello)), new RpcLimits(4096, 10)),
                new RpcServerConfig("127.0.0.1", 0, new RpcLimits(4096, 10), ""));
        url = "127.0.0.1:" + server.start().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersJsonRpcPostedOverHttp() throws Exception {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_hello\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("application/json");
        assertThat(json.readTree(r.body()).get("result").asText()).isEqualTo("hello http");
    }

    @Test
    void answersJsonRpcOverAWebSocketOnTheSamePort() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                reply.complete(data.toString());
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_hello\"}", true);
        assertThat(json.readTree(reply.get(5, TimeUnit.SECONDS)).get("result").asText()).isEqualTo("hello websocket");
        ws.abort();
    }

    @Test
    void anOversizedBodyIsRefusedAndTheServerKeepsServing() throws Exception {
        HttpResponse<String> big = post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_hello\",\"params\":[\"" + "x".repeat(10_000) + "\"]}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_hello\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void aGetIsToldHowToCall() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
