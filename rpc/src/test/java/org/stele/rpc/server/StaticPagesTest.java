package org.stele.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethodRegistry;

class StaticPagesTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StaticPages pages = StaticPages.classpath(getClass().getClassLoader(), "pages-test");
    private RpcServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(List.of()), new RpcLimits(4096, 10)),
                new RpcServerConfig("127.0.0.1", 0, new RpcLimits(4096, 10), ""), pages);
        base = "http://127.0.0.1:" + server.start().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aFolderIsAnsweredWithItsIndexPageAndAPolicyThatKeepsThePageToTheNode() throws Exception {
        HttpResponse<String> r = get("/app/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<title>app</title>");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("content-security-policy").orElseThrow())
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void aModuleScriptIsServedAsJavaScriptAndTheQueryIsIgnored() throws Exception {
        HttpResponse<String> r = get("/app/main.js?v=3");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("export const answer = 42;\n");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    }

    @Test
    void aFolderAskedWithoutItsSlashIsRedirectedToIt() throws Exception {
        HttpResponse<String> r = get("/app");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("location")).hasValue("/app/");
    }

    @Test
    void aPageTheBrowserAlreadyHoldsIsNotSentAgain() throws Exception {
        String etag = get("/app/main.js").headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = get("/app/main.js", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/app/main.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/docs/readme.txt"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValueAsLong("content-length")).hasValue(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/secret.properties", "/app/missing.js", "/docs/", "/app/../app/main.js",
            "/app/%2e%2e/app/main.js", "/app//main.js", "/app/.%2Fmain.js", "/app/main.js%00.html",
            "/org/stele/rpc/server/StaticPages.class"})
    void nothingOutsideThePagesOrOfAnUnlistedTypeIsServed(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(r.body()).doesNotContain("answer");
    }

    @Test
    void theRootStillTellsHowToCallJsonRpc() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(405);
    }

    @Test
    void aNodeWithoutPagesServesNone() {
        assertThat(StaticPages.NONE.find("/app/")).isInstanceOf(StaticPages.Lookup.Missing.class);
        assertThat(pages.find("/app/")).isInstanceOf(StaticPages.Lookup.Found.class);
    }
}
