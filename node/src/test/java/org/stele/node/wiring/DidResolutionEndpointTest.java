package org.stele.node.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Address;
import org.stele.node.config.ConfigSource;
import org.stele.node.devnode.DevConfig;
import org.stele.node.devnode.DevNode;

/**
 * {@code GET /1.0/identifiers/{did}} on a real dev node's HTTP port: the binding's media type and statuses, the DID and
 * its options raw or percent-encoded, HEAD, and JSON-RPC still answered on the same port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DidResolutionEndpointTest {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    private DevNode node;
    private String base;
    private String did;

    @BeforeAll
    void start() throws Exception {
        Map<String, JsonNode> values = Map.of("data-path", TextNode.valueOf(dir.resolve("data").toString()),
                "rpc-http-port", IntNode.valueOf(0), "accounts", IntNode.valueOf(1));
        node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))),
                InstantSource.system());
        base = "http://127.0.0.1:" + node.start().getPort();
        did = "did:ethr:0x7a69:" + node.accounts().get(0).address().toChecksumHex();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/1.0/identifiers/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDidResolvesToItsResultAsADidResolutionDocument() throws Exception {
        HttpResponse<String> r = get(did);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue(
                "application/ld+json;profile=\"https://w3id.org/did-resolution\"");
        JsonNode body = json.readTree(r.body());
        assertThat(body.at("/didDocument/id").asText()).isEqualTo(did);
        assertThat(body.at("/didDocument/verificationMethod/0/blockchainAccountId").asText())
                .isEqualTo("eip155:31337:" + node.accounts().get(0).address().toChecksumHex());
        assertThat(body.at("/didResolutionMetadata/contentType").asText()).isEqualTo("application/did+ld+json");
    }

    @Test
    void aClientThatAcceptsOnlyADocumentGetsTheDocumentAlone() throws Exception {
        JsonNode result = json.readTree(get(did).body());
        for (String type : List.of("application/did+ld+json", "application/did+json")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/1.0/identifiers/" + did))
                    .header("accept", type).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValue(type);
            JsonNode expected = result.get("didDocument").deepCopy();
            if (type.equals("application/did+json"))
                ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("@context");
            assertThat(json.readTree(r.body())).isEqualTo(expected);
        }
        HttpResponse<String> error = http.send(HttpRequest.newBuilder(URI.create(base + "/1.0/identifiers/did:web:x"))
                .header("accept", "application/did+ld+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error.statusCode()).isEqualTo(501);
        assertThat(json.readTree(error.body()).at("/didResolutionMetadata/error").asText())
                .isEqualTo("methodNotSupported");
    }

    @Test
    void theDidAndItsOptionsMayComePercentEncoded() throws Exception {
        JsonNode raw = json.readTree(get(did + "?versionId=0").body());
        JsonNode encoded = json.readTree(
                get(URLEncoder.encode(did + "?versionId=0", StandardCharsets.UTF_8)).body());
        JsonNode query = json.readTree(get(URLEncoder.encode(did, StandardCharsets.UTF_8) + "?versionId=0").body());

        assertThat(raw.at("/didDocument/id").asText()).isEqualTo(did);
        assertThat(encoded).isEqualTo(raw);
        assertThat(query).isEqualTo(raw);
    }

    @Test
    void eachErrorHasTheBindingsStatusAndName() throws Exception {
        Map<String, List<Object>> cases = Map.of(
                "did:web:example.org", List.of(501, "methodNotSupported"),
                "did:ethr:0x7a69:0x12", List.of(400, "invalidDid"),
                "not-a-did", List.of(400, "invalidDid"),
                "did:ethr:0x1:" + Address.ZERO.toHex(), List.of(404, "notFound"),
                did + "?versionId=999999", List.of(404, "notFound"),
                did + "?versionTime=soon", List.of(400, "invalidOptions"));
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue().get(0));
            JsonNode body = json.readTree(r.body());
            assertThat(body.get("didDocument").isNull()).as(c.getKey()).isTrue();
            assertThat(body.at("/didResolutionMetadata/error").asText()).as(c.getKey())
                    .isEqualTo(c.getValue().get(1));
        }
    }

    @Test
    void jsonRpcAndOtherPathsAreAnsweredAsBefore() throws Exception {
        HttpResponse<String> rpc = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(rpc.body()).get("result").asText()).isEqualTo("0x7a69");
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base + "/1.0/other")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(base + "/1.0/identifiers/" + did))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
    }
}
