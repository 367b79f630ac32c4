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

    private JsonNode call(String body) throws Exception {
        return json.readTree(dispatcher.handle(body.getBytes(StandardCharsets.UTF_8), RpcSession.HTTP).orElseThrow());
    }

    static RpcMethod method(String name, java.util.function.BiFunction<Params, RpcSession, JsonNode> body) {
        return RpcMethod.of(name, body);
    }
}
