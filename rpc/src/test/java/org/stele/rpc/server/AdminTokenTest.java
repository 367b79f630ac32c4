package org.stele.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.rpc.AdminAccess;
import org.stele.rpc.CallObserver;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.SimpleMethod;

/**
 * The admin token rule over real sockets. The server listens on loopback (a test opens nothing to the network) with
 * the rule of a server bound beyond it, which is what {@link AdminAccess#forHost} gives for such a host.
 */
class AdminTokenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<RpcMethod> METHODS = List.of(
            new SimpleMethod("admin_peers", () -> TextNode.valueOf("peers")),
            new SimpleMethod("eth_chainId", () -> TextNode.valueOf("0x1")));
    private final HttpClient http = HttpClient.newHttpClient();
    private RpcServer server;
    private int port;

    private void serve(AdminAccess access) throws InterruptedException {
        server = new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(METHODS), RpcLimits.DEFAULT, access,
                CallObserver.NONE), RpcServerConfig.localhost(0));
        port = server.start().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private JsonNode post(String method, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}"));
        if (authorization != null) b.header("Authorization", authorization);
        return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void onLoopbackAdminMethodsNeedNoToken() throws Exception {
        assertThat(AdminAccess.forHost("127.0.0.1", Optional.empty()).requiresToken()).isFalse();
        assertThat(AdminAccess.forHost("::1", Optional.empty()).requiresToken()).isFalse();
        assertThat(AdminAccess.forHost("localhost", Optional.empty()).requiresToken()).isFalse();
        serve(AdminAccess.forHost("127.0.0.1", Optional.empty()));
        assertThat(post("admin_peers", null).get("result").asText()).isEqualTo("peers");
    }

    @Test
    void beyondLoopbackAnAdminCallWithoutTheRightBearerTokenIsRefusedAndOtherMethodsAreNot() throws Exception {
        serve(AdminAccess.forHost("0.0.0.0", Optional.of("s3cret")));
        JsonNode none = post("admin_peers", null).get("error");
        assertThat(none.get("code").asInt()).isEqualTo(AdminAccess.UNAUTHORIZED);
        assertThat(none.get("message").asText()).contains("Authorization: Bearer");
        assertThat(post("admin_peers", "Bearer wrong").get("error").get("message").asText())
                .isEqualTo("the admin token is wrong");
        assertThat(post("admin_peers", "Basic czNjcmV0").get("error").get("code").asInt())
                .isEqualTo(AdminAccess.UNAUTHORIZED);
        assertThat(post("admin_peers", "Bearer s3cret").get("result").asText()).isEqualTo("peers");
        assertThat(post("eth_chainId", null).get("result").asText()).isEqualTo("0x1");
    }

    @Test
    void beyondLoopbackWithNoTokenConfiguredAdminMethodsAreRefusedOutright() throws Exception {
        serve(AdminAccess.forHost("192.0.2.10", Optional.empty()));
        JsonNode error = post("admin_peers", "Bearer anything").get("error");
        assertThat(error.get("code").asInt()).isEqualTo(AdminAccess.UNAUTHORIZED);
        assertThat(error.get("message").asText()).contains("rpc-http-admin-token-file");
    }

    @Test
    void aWebSocketPresentsItsTokenInTheHandshake() throws Exception {
        serve(AdminAccess.forHost("0.0.0.0", Optional.of("s3cret")));
        assertThat(wsCall("Bearer s3cret").get("result").asText()).isEqualTo("peers");
        assertThat(wsCall(null).get("error").get("code").asInt()).isEqualTo(AdminAccess.UNAUTHORIZED);
    }

    private JsonNode wsCall(String authorization) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket.Builder b = http.newWebSocketBuilder();
        if (authorization != null) b.header("Authorization", authorization);
        WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) answer.complete(text.toString());
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"admin_peers\"}", true);
        try {
            return JSON.readTree(answer.get(10, TimeUnit.SECONDS));
        } finally {
            ws.abort();
        }
    }

    @Test
    void theTokenFileIsReadFromTheServerConfigurationAndAnEmptyOneIsAnError(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("admin.token"), "s3cret\n");
        RpcServerConfig open = RpcServerConfig.localhost(0);
        RpcServerConfig beyond = new RpcServerConfig("0.0.0.0", 0, open.limits(), open.browsers(), open.connections(),
                token);
        assertThat(beyond.adminAccess().requiresToken()).isTrue();
        serve(beyond.adminAccess());
        assertThat(post("admin_peers", "Bearer s3cret").get("result").asText()).isEqualTo("peers");
        Path empty = Files.writeString(dir.resolve("empty.token"), " \n");
        assertThatThrownBy(() -> new RpcServerConfig("0.0.0.0", 0, open.limits(), open.browsers(),
                open.connections(), empty).adminAccess()).hasMessageContaining("is empty");
        assertThatThrownBy(() -> new RpcServerConfig("0.0.0.0", 0, open.limits(), open.browsers(),
                open.connections(), dir.resolve("missing")).adminAccess())
                .hasMessageContaining("cannot read the admin token file");
    }
}
