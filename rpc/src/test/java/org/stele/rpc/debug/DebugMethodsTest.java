package org.stele.rpc.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestKeys.DEV_0;
import static org.stele.testkit.TestKeys.SUITE;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.execution.block.BlockExecutor;
import org.stele.rpc.RpcChain;
import org.stele.rpc.eth.Calls;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestContracts;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/** Tracing a mined transaction and a call, in struct logs and as a call tree. */
class DebugMethodsTest {
    private static final Address ALICE = TestKeys.address(DEV_0);
    private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000cc");
    private static final String CODE = TestContracts.ANSWER_OR_NOPE;

    private RpcChain chain;
    private Transaction mined;

    @BeforeEach
    void chain() {
        chain = new RpcChain(Map.of(ALICE, TestChain.funded(BigInteger.TEN.pow(21)), CONTRACT,
                TestChain.contract(CODE)));
        mined = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).fees(BigInteger.TEN.pow(10), BigInteger.ONE)
                .gasLimit(100_000).to(CONTRACT).signedBy(DEV_0);
        chain.mine(List.of(new BlockExecutor.Candidate(mined, ALICE)));
        chain.serving(DebugMethods.all(chain.backend(), new Calls(chain.backend(), 50_000_000)));
    }

    @Test
    void aMinedTransactionReplaysIntoStructLogs() throws Exception {
        JsonNode trace = call("debug_traceTransaction", "\"" + mined.hash(SUITE).toHex() + "\"");
        assertThat(trace.get("failed").asBoolean()).isFalse();
        assertThat(trace.get("gas").asLong()).isEqualTo(21_033);
        assertThat(trace.get("returnValue").asText()).endsWith("2a");
        JsonNode logs = trace.get("structLogs");
        assertThat(logs.get(0).get("op").asText()).isEqualTo("CALLDATASIZE");
        assertThat(logs.get(0).get("depth").asInt()).isEqualTo(1);
        assertThat(logs.get(0).get("gasCost").asLong()).isEqualTo(2);
        assertThat(logs.get(1).get("stack").get(0).asText()).isEqualTo("0x0");
        assertThat(logs.get(logs.size() - 1).get("op").asText()).isEqualTo("RETURN");
    }

    @Test
    void theCallTracerGivesTheCallTreeWithErrors() throws Exception {
        JsonNode tree = call("debug_traceTransaction", "\"" + mined.hash(SUITE).toHex() + "\"",
                "{\"tracer\":\"callTracer\"}");
        assertThat(tree.get("type").asText()).isEqualTo("CALL");
        assertThat(tree.get("to").asText()).isEqualTo(CONTRACT.toHex());
        JsonNode reverted = call("debug_traceCall", "{\"to\":\"" + CONTRACT.toHex() + "\",\"data\":\"0x01\"}",
                "\"latest\"",
                "{\"tracer\":\"callTracer\"}");
        assertThat(reverted.get("error").asText()).isEqualTo("execution reverted");
        assertThat(reverted.get("output").asText()).startsWith("0x08c379a0");
    }

    @Test
    void unknownTracersAndTransactionsAreClearErrors() throws Exception {
        JsonNode bad = send("debug_traceCall", "{\"to\":\"" + CONTRACT.toHex() + "\"}", "\"latest\"",
                "{\"tracer\":\"prestateTracer\"}");
        assertThat(bad.get("error").get("code").asInt()).isEqualTo(-32602);
        JsonNode missing = send("debug_traceTransaction", "\"0x" + "11".repeat(32) + "\"");
        assertThat(missing.get("error").get("message").asText()).isEqualTo("transaction not found");
    }

    /** MSTORE 0x2a at 0, SLOAD slot 0 (then POP), SSTORE slot 1 = 5 (the end of the code): run through an override. */
    private static final String TRACED_CODE = "602a600052" + "60005450" + "6005600155";
    private static final Address TRACED = Address.fromHex("0x00000000000000000000000000000000000000dd");
    private static final String ZERO = "0".repeat(64);

    private JsonNode traceOverridden(String options) throws Exception {
        String overrides = "\"stateOverrides\":{\"" + TRACED.toHex() + "\":{\"code\":\"0x" + TRACED_CODE
                + "\",\"stateDiff\":{\"0x" + ZERO + "\":\"0x" + word(7) + "\"}}}";
        JsonNode trace = call("debug_traceCall", "{\"to\":\"" + TRACED.toHex() + "\"}", "\"latest\"",
                "{" + overrides + (options.isEmpty() ? "" : "," + options) + "}");
        assertThat(trace.get("failed").asBoolean()).isFalse();
        return trace.get("structLogs");
    }

    private static String word(int v) {
        return String.format("%064x", v);
    }

    private static JsonNode step(JsonNode logs, String op) {
        for (JsonNode l : logs) {
            if (l.get("op").asText().equals(op)) return l;
        }
        throw new AssertionError("no " + op + " in " + logs);
    }

    @Test
    void traceCallRunsOnItsStateOverridesAndStructLogsShowStorageByDefault() throws Exception {
        JsonNode logs = traceOverridden("");
        assertThat(logs.get(0).get("op").asText()).isEqualTo("PUSH1");
        assertThat(logs.get(0).has("stack")).isTrue();
        assertThat(logs.get(0).has("memory")).as("memory is off unless asked for").isFalse();
        assertThat(logs.get(0).has("storage")).as("storage shows at SLOAD and SSTORE only").isFalse();
        assertThat(step(logs, "SLOAD").get("storage").toString())
                .isEqualTo("{\"" + ZERO + "\":\"" + word(7) + "\"}");
        assertThat(step(logs, "SSTORE").get("storage").toString())
                .isEqualTo("{\"" + ZERO + "\":\"" + word(7) + "\",\"" + word(1) + "\":\"" + word(5) + "\"}");
        assertThat(step(logs, "SSTORE").get("stack").toString()).isEqualTo("[\"0x5\",\"0x1\"]");
        assertThat(step(logs, "SSTORE").get("gasCost").asLong()).as("a frame's last step is costed too")
                .isEqualTo(22_100);
        JsonNode plain = call("debug_traceCall", "{\"to\":\"" + TRACED.toHex() + "\"}", "\"latest\"");
        assertThat(plain.get("structLogs").size()).as("without overrides the address has no code").isZero();
    }

    @Test
    void structLogOptionsAddMemoryAndDropStackOrStorage() throws Exception {
        JsonNode withMemory = traceOverridden("\"enableMemory\":true");
        assertThat(withMemory.get(0).get("memory").size()).isZero();
        assertThat(step(withMemory, "SLOAD").get("memory").toString()).isEqualTo("[\"" + word(0x2a) + "\"]");
        JsonNode bare = traceOverridden("\"disableStack\":true,\"disableStorage\":true");
        for (JsonNode l : bare) {
            assertThat(l.has("stack")).isFalse();
            assertThat(l.has("storage")).isFalse();
            assertThat(l.has("memory")).isFalse();
        }
        assertThat(traceOverridden("\"limit\":3").size()).isEqualTo(3);
    }

    @Test
    void badTraceOptionsAreInvalidParams() throws Exception {
        JsonNode notBool = send("debug_traceCall", "{\"to\":\"" + CONTRACT.toHex() + "\"}", "\"latest\"",
                "{\"enableMemory\":\"yes\"}").get("error");
        assertThat(notBool.get("code").asInt()).isEqualTo(-32602);
        assertThat(notBool.get("message").asText()).contains("(trace options.enableMemory)");
        JsonNode badOverride = send("debug_traceCall", "{\"to\":\"" + CONTRACT.toHex() + "\"}", "\"latest\"",
                "{\"stateOverrides\":{\"" + CONTRACT.toHex() + "\":{\"state\":{},\"stateDiff\":{}}}}")
                .get("error");
        assertThat(badOverride.get("message").asText()).isEqualTo("invalid argument 2 (trace options.stateOverrides["
                + CONTRACT.toHex() + "]): has both 'state' and 'stateDiff'");
        JsonNode onReplay = send("debug_traceTransaction", "\"" + mined.hash(SUITE).toHex() + "\"",
                "{\"stateOverrides\":{}}").get("error");
        assertThat(onReplay.get("code").asInt()).isEqualTo(-32602);
        assertThat(onReplay.get("message").asText()).contains("debug_traceCall only");
    }

    private JsonNode call(String method, String... params) {
        return chain.call(method, params);
    }

    private JsonNode send(String method, String... params) {
        return chain.send(method, params);
    }

}
