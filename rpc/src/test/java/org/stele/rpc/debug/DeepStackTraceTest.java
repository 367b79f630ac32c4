package org.stele.rpc.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.RpcChain;
import org.stele.rpc.eth.Calls;
import org.stele.rpc.server.RpcServer;
import org.stele.rpc.server.RpcServerConfig;

/**
 * A loop that keeps a thousand items on the stack: the trace that filled a 6 GiB heap. Its struct logs stop at the
 * trace limit with a clear error, and the lighter forms of the same trace still come back, over a real socket.
 */
class DeepStackTraceTest {
    private static final long TRACE_LIMIT = 4L << 20;
    private static final Address LOOP = Address.fromHex("0x00000000000000000000000000000000000000aa");
    /** 1,000 × PUSH1 1, then JUMPDEST PUSH1 1 PUSH1 1 ADD POP PUSH2 0x07d0 JUMP until the gas runs out. */
    private static final String CODE = "6001".repeat(1000) + "5b600160010150" + "6107d0" + "56";
    private final ObjectMapper json = new ObjectMapper();
    private RpcServer server;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        RpcChain chain = new RpcChain(Map.of());
        RpcLimits limits = new RpcLimits(1 << 20, 10, 10, TRACE_LIMIT);
        var methods = DebugMethods.all(chain.backend(), new Calls(chain.backend(), 50_000_000), TRACE_LIMIT);
        server = new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(methods), limits),
                new RpcServerConfig("127.0.0.1", 0, limits, ""));
        uri = URI.create("http://127.0.0.1:" + server.start().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> trace(String options) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_traceCall\",\"params\":[{\"to\":\""
                + LOOP.toHex()
                + "\",\"gas\":\"0x186a0\"},\"latest\",{\"stateOverrides\":{\"" + LOOP.toHex() + "\":{\"code\":\"0x"
                + CODE + "\"}}" + options + "}]}";
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTraceThatWouldPassTheLimitIsRefusedWithAClearError() throws Exception {
        JsonNode error = json.readTree(trace("").body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32005);
        assertThat(error.get("message").asText())
                .isEqualTo("trace too large: struct logs past 4 MiB; use disableStack, a \"limit\" or a tracer such"
                        + " as {\"tracer\":\"callTracer\"}");
    }

    @Test
    void theSameTraceWithoutStacksStreamsBackWhole() throws Exception {
        HttpResponse<String> r = trace(",\"disableStack\":true");
        JsonNode result = json.readTree(r.body()).get("result");
        assertThat(result.get("failed").asBoolean()).as("the loop runs until its gas is gone").isTrue();
        JsonNode logs = result.get("structLogs");
        assertThat(logs.size()).isGreaterThan(20_000);
        assertThat(logs.get(1000).get("op").asText()).isEqualTo("JUMPDEST");
        assertThat(logs.get(1000).get("gasCost").asLong()).isEqualTo(1);
        assertThat(logs.get(1000).has("stack")).isFalse();
        assertThat(r.body().length()).isLessThan((int) TRACE_LIMIT + 1024);
    }

    @Test
    void aLimitOrTheCallTracerAnswerTheDeepTraceToo() throws Exception {
        JsonNode limited = json.readTree(trace(",\"limit\":1001").body()).get("result").get("structLogs");
        assertThat(limited.size()).isEqualTo(1001);
        assertThat(limited.get(1000).get("stack").size()).isEqualTo(1000);
        JsonNode tree = json.readTree(trace(",\"tracer\":\"callTracer\"").body()).get("result");
        assertThat(tree.get("to").asText()).isEqualTo(LOOP.toHex());
    }
}
