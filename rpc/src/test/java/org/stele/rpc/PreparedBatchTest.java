package org.stele.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batches whose calls are prepared ahead in parallel and executed in order, through the dispatcher. */
class PreparedBatchTest {
    /** {@code test_square [n]}: prepares n², executes by recording n; "crash" is a bug in preparing. */
    private final List<Long> executed = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> preparedOn = ConcurrentHashMap.newKeySet();
    private final PreparedRpcMethod<Long> square = new PreparedRpcMethod<>() {
        @Override
        public String name() {
            return "test_square";
        }

        @Override
        public Long prepare(Params params) {
            preparedOn.add(Thread.currentThread().getName());
            if (params.required(0, "n").asText().equals("crash")) throw new IllegalStateException("bug");
            long n = params.required(0, "n").asLong(-1);
            if (n < 0) throw JsonRpcException.invalidParams("invalid argument 0 (n): not a count");
            if (n >= SLOW) pause();
            return n * n;
        }

        @Override
        public JsonNode execute(Params params, RpcSession session, Long prepared) {
            executed.add(params.required(0, "n").asLong());
            return LongNode.valueOf(prepared);
        }
    };
    private final JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(RpcMethodRegistry.of(List.of(square)),
            RpcLimits.DEFAULT);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBatchIsExecutedInTheOrderSentEachCallWithWhatWasPreparedForIt() throws Exception {
        List<String> calls = IntStream.range(0, 200).mapToObj(i -> call(i, String.valueOf(i))).toList();
        JsonNode answers = batch(calls);
        assertThat(executed).containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> (long) i).toList());
        for (int i = 0; i < 200; i++) {
            assertThat(answers.get(i).get("id").asInt()).isEqualTo(i);
            assertThat(answers.get(i).get("result").asLong()).isEqualTo((long) i * i);
        }
    }

    @Test
    void whatPreparingThrowsIsTheAnswerOfThatCallAloneAndOnlyAtItsTurn() throws Exception {
        JsonNode answers = batch(List.of(call(0, "3"), call(1, "\"x\""), call(2, "\"crash\""), call(3, "4")));
        assertThat(answers.get(0).get("result").asLong()).isEqualTo(9);
        assertThat(answers.get(1).get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(answers.get(1).get("error").get("message").asText()).contains("argument 0 (n)");
        assertThat(answers.get(2).get("error").get("code").asInt()).isEqualTo(-32603);
        assertThat(answers.get(3).get("result").asLong()).isEqualTo(16);
        assertThat(executed).containsExactly(3L, 4L);
    }

    @Test
    void aMalformedCallIsRefusedForItsEnvelopeWhateverPreparingFound() throws Exception {
        JsonNode answers = batch(List.of(
                "{\"jsonrpc\":\"1.0\",\"id\":0,\"method\":\"test_square\",\"params\":[\"x\"]}", call(1, "2")));
        assertThat(answers.get(0).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(answers.get(1).get("result").asLong()).isEqualTo(4);
    }

    @Test
    void aBatchIsPreparedByTheCallerAndTheVerificationThreadsTogetherAndASingleCallByTheCallerAlone()
            throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: batches are prepared in line");
        String caller = Thread.currentThread().getName();
        // each call takes 2 ms, so a helper starts long before the caller alone could have claimed all 64
        JsonNode answers = batch(IntStream.range(0, 64).mapToObj(i -> call(i, String.valueOf(SLOW + i))).toList());
        for (int i = 0; i < 64; i++)
            assertThat(answers.get(i).get("result").asLong()).isEqualTo((SLOW + i) * (SLOW + i));
        assertThat(preparedOn).contains(caller).anyMatch(name -> name.startsWith("rpc-verify-"))
                .allMatch(name -> name.equals(caller) || name.startsWith("rpc-verify-"));
        preparedOn.clear();
        single(call(1, "5"));
        assertThat(preparedOn).containsExactly(caller);
    }

    /** Counts from here take a while to prepare. */
    private static final long SLOW = 1_000_000;

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String call(int id, String param) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"test_square\",\"params\":[" + param + "]}";
    }

    private JsonNode batch(List<String> calls) throws Exception {
        return single("[" + String.join(",", calls) + "]");
    }

    private JsonNode single(String body) throws Exception {
        return json.readTree(dispatcher.handle(body.getBytes(StandardCharsets.UTF_8), RpcSession.HTTP).orElseThrow());
    }
}
