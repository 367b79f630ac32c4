package org.stele.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonRpcDispatcherTest {
    private final AtomicInteger notified = new AtomicInteger();
    private final JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(RpcMethodRegistry.of(List.of(
            method("echo_address", (p, s) -> new TextNode(p.atMost(1).address(0, "address").toChecksumHex())),
            method("test_count", (p, s) -> {
                notified.incrementAndGet();
                return TextNode.valueOf("counted");
            }),
            method("test_revert", (p, s) -> {
                throw new JsonRpcException(JsonRpcError.EXECUTION_REVERTED, "execution reverted",
                        TextNode.valueOf("0x08c379a0"));
            }),
            method("test_crash", (p, s) -> {
                throw new IllegalStateException("bug");
            }))), new RpcLimits(1024, 3));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCallIsAnsweredWithItsIdAndResult() throws Exception {
        JsonNode r = call(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"echo_address\",\"params\":[\"0x5aaeb6053f3e94c9b9a09f3"
                        + "3669435e7ef1beaed\"]}");
        assertThat(r.get("id").asInt()).isEqualTo(7);
        assertThat(r.get("result").asText()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void malformedJsonIsAParseErrorWithANullId() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(r.get("id").isNull()).isTrue();
    }

    @Test
    void anUnknownMethodIsMethodNotFound() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_nope\",\"params\":[]}");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(r.get("error").get("message").asText()).contains("eth_nope");
    }

    @Test
    void aBadParameterIsInvalidParamsNamingIt() throws Exception {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo_address\",\"params\":[\"0x1234\"]}");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(r.get("error").get("message").asText()).contains("argument 0 (address)");
    }

    @Test
    void aCallWithoutVersionOrMethodIsAnInvalidRequest() throws Exception {
        assertThat(call("{\"id\":1,\"method\":\"echo_address\"}").get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").get("error").get("code").asInt())
                .isEqualTo(-32600);
        assertThat(call("[1]").get(0).get("error").get("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void aBatchIsAnsweredCallByCallAndNotificationsGetNoAnswer() throws Exception {
        JsonNode r = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_count\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"eth_nope\"}]");
        assertThat(r.isArray()).isTrue();
        assertThat(r).hasSize(2);
        assertThat(r.get(0).get("result").asText()).isEqualTo("counted");
        assertThat(r.get(1).get("id").asText()).isEqualTo("b");
        assertThat(notified).hasValue(2);
    }

    @Test
    void aBatchOfOnlyNotificationsHasNoAnswerAtAll() {
        byte[] body = "[{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(dispatcher.handle(body, RpcSession.HTTP)).isEmpty();
    }

    @Test
    void batchesAndBodiesOverTheLimitsAreRefusedWithAClearError() throws Exception {
        String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_count\"}";
        JsonNode r = call("[" + String.join(",", one, one, one, one) + "]");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(r.get("error").get("message").asText()).contains("limit of 3");
        JsonNode big = call(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_count\",\"params\":[\"" + "a".repeat(2000) + "\"]}");
        assertThat(big.get("error").get("message").asText()).contains("exceeds the limit of 1024");
        assertThat(call("[]").get("error").get("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void aRevertCarriesCodeThreeAndItsData() throws Exception {
        JsonNode e = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_revert\"}").get("error");
        assertThat(e.get("code").asInt()).isEqualTo(3);
        assertThat(e.get("data").asText()).isEqualTo("0x08c379a0");
    }

    @Test
    void aBugInAMethodIsAnInternalErrorNotACrash() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_crash\"}").get("error").get("code").asInt())
                .isEqualTo(-32603);
    }

    @Property(tries = 300)
    void anyBodyGetsAWellFormedAnswerOrNone(@ForAll byte[] body) throws Exception {
        var out = dispatcher.handle(body, RpcSession.HTTP);
        if (out.isPresent()) assertThat(json.readTree(out.get())).isNotNull();
    }

    /**
     * Whatever the params (strings with escapes and any character, numbers, nested arrays and objects), a batch's
     * answer is written byte for byte as Jackson writes the answer's tree, and the params reach the method as Jackson
     * reads them.
     */
    @Property(tries = 200)
    void answersAreWrittenAsJacksonWritesTheirTreesAndParamsReadAsItReadsThem(
            @ForAll("params") List<Object> params, @ForAll boolean batch) throws Exception {
        JsonRpcDispatcher echo = new JsonRpcDispatcher(RpcMethodRegistry.of(List.of(
                method("test_echo", (p, s) -> {
                    var out = json.createArrayNode();
                    for (int i = 0; i < p.size(); i++)
                        out.add(p.optional(i).orElse(com.fasterxml.jackson.databind.node.NullNode.instance));
                    return out;
                }),
                method("test_text", (p, s) -> TextNode.valueOf(p.required(0, "text").toString())))),
                RpcLimits.DEFAULT);
        var calls = json.createArrayNode();
        calls.addObject().put("jsonrpc", "2.0").put("id", 7).put("method", "test_echo").set("params",
                json.valueToTree(params));
        calls.addObject().put("jsonrpc", "2.0").put("id", "x\"y").put("method", "test_text").set("params",
                json.valueToTree(params.isEmpty() ? List.of("") : params));
        calls.addObject().put("jsonrpc", "2.0").putNull("id").put("method", "test_nope");
        JsonNode request = batch ? calls : calls.get(0);
        byte[] body = json.writeValueAsBytes(request);

        byte[] answer = echo.handle(body, RpcSession.HTTP).orElseThrow();

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo(
                json.writeValueAsString(echo.handle(json.readTree(body), RpcSession.HTTP)));
        JsonNode echoed = json.readTree(answer);
        assertThat(json.writeValueAsString((batch ? echoed.get(0) : echoed).get("result")))
                .isEqualTo(json.writeValueAsString(params));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Object>> params() {
        net.jqwik.api.Arbitrary<Object> leaf = net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.strings().ofMaxLength(20).map(x -> (Object) x),
                net.jqwik.api.Arbitraries.strings().withCharRange('0', 'f').ofMaxLength(300)
                        .map(x -> (Object) ("0x" + x)),
                net.jqwik.api.Arbitraries.longs().map(x -> (Object) x),
                net.jqwik.api.Arbitraries.of(true, false).map(x -> (Object) x),
                net.jqwik.api.Arbitraries.just(null));
        net.jqwik.api.Arbitrary<Object> nested = net.jqwik.api.Arbitraries.oneOf(leaf,
                leaf.list().ofMaxSize(3).map(x -> (Object) x),
                net.jqwik.api.Arbitraries.maps(net.jqwik.api.Arbitraries.strings().alpha().ofMaxLength(5), leaf)
                        .ofMaxSize(3).map(x -> (Object) x));
        return nested.list().ofMaxSize(4);
    }

    private JsonNode call(String body) throws Exception {
        return json.readTree(dispatcher.handle(body.getBytes(StandardCharsets.UTF_8), RpcSession.HTTP).orElseThrow());
    }

    static RpcMethod method(String name, java.util.function.BiFunction<Params, RpcSession, JsonNode> body) {
        return RpcMethod.of(name, body);
    }
}
