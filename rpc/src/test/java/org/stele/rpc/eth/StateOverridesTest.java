package org.stele.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.rpc.RpcChain.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.Evm;
import org.stele.rpc.RpcChain;
import org.stele.rpc.RpcMethod;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestKeys;

/** geth's state overrides on {@code eth_call} and {@code eth_estimateGas}, over a real genesis state on the trie. */
class StateOverridesTest {
    private static final Address ALICE = TestKeys.address(TestKeys.DEV_0);
    private static final Address NOBODY = Address.fromHex("0x00000000000000000000000000000000000000ee");
    /** Returns SLOAD(calldata word 0). Holds slot 0 = 7 and slot 1 = 8. */
    private static final Address STORE = Address.fromHex("0x00000000000000000000000000000000000000cc");
    /** Returns BALANCE(calldata word 0). */
    private static final Address BALANCES = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final String SLOAD_PROBE = "600035546000526020" + "6000f3";
    private static final String BALANCE_PROBE = "600035316000526020" + "6000f3";
    /** Returns 0x2a. */
    private static final String RETURN_42 = "602a60005260206000f3";
    private static final BigInteger ALICE_BALANCE = BigInteger.TEN.pow(21);

    private RpcChain chain;

    @BeforeEach
    void chain() {
        chain = new RpcChain(Map.of(ALICE, TestChain.funded(ALICE_BALANCE), STORE,
                TestChain.contract(SLOAD_PROBE, Map.of(word(0), word(7), word(1), word(8))),
                BALANCES, TestChain.contract(BALANCE_PROBE)));
        List<RpcMethod> methods = new ArrayList<>(StateMethods.all(chain.backend()));
        methods.addAll(CallMethods.all(chain.backend(), new Calls(chain.backend(), 50_000_000)));
        chain.serving(methods);
    }

    @Test
    void aBalanceOverrideIsWhatBalanceReads() throws Exception {
        String override = "{\"" + ALICE.toHex() + "\":{\"balance\":\"0x1234\"}}";
        assertThat(call("eth_call", probe(BALANCES, word(ALICE)), q("latest"), override).asText())
                .isEqualTo(word(0x1234).toHex());
        assertThat(call("eth_call", probe(BALANCES, word(ALICE)), q("latest")).asText())
                .isEqualTo(Bytes32.leftPad(ALICE_BALANCE.toByteArray()).toHex());
    }

    @Test
    void aNonceOverrideMovesTheAddressACreationGets() throws Exception {
        // Init code that reverts with its own address: the revert data shows where the creation landed.
        String create = "{\"from\":\"" + ALICE.toHex() + "\",\"data\":\"0x3060005260206000fd\"}";
        String override = "{\"" + ALICE.toHex() + "\":{\"nonce\":\"0x5\"}}";
        assertThat(send("eth_call", create, q("latest"), override).get("error").get("data").asText())
                .isEqualTo(word(Evm.createAddress(ALICE, 5)).toHex());
        assertThat(send("eth_call", create, q("latest")).get("error").get("data").asText())
                .isEqualTo(word(Evm.createAddress(ALICE, 0)).toHex());
    }

    @Test
    void aCodeOverrideRunsInPlaceOfTheStoredCodeOrOfNone() throws Exception {
        String override = "{\"" + NOBODY.toHex() + "\":{\"code\":\"0x" + RETURN_42 + "\"},\"" + STORE.toHex()
                + "\":{\"code\":\"0x" + RETURN_42 + "\"}}";
        assertThat(call("eth_call", "{\"to\":\"" + NOBODY.toHex() + "\"}", q("latest"), override).asText())
                .isEqualTo(word(42).toHex());
        assertThat(call("eth_call", probe(STORE, word(0)), q("latest"), override).asText())
                .isEqualTo(word(42).toHex());
        assertThat(call("eth_call", "{\"to\":\"" + NOBODY.toHex() + "\"}", q("latest")).asText()).isEqualTo("0x");
    }

    @Test
    void stateReplacesAllStorageWhileStateDiffReplacesOnlyTheSlotsItNames() throws Exception {
        String slot1 = "{\"" + word(1).toHex() + "\":\"" + word(9).toHex() + "\"}";
        String state = "{\"" + STORE.toHex() + "\":{\"state\":" + slot1 + "}}";
        String diff = "{\"" + STORE.toHex() + "\":{\"stateDiff\":" + slot1 + "}}";
        assertThat(read(0, state)).isEqualTo(word(0).toHex());
        assertThat(read(1, state)).isEqualTo(word(9).toHex());
        assertThat(read(0, diff)).isEqualTo(word(7).toHex());
        assertThat(read(1, diff)).isEqualTo(word(9).toHex());
    }

    @Test
    void overridesLastOnlyForTheCallThatGivesThem() throws Exception {
        String override = "{\"" + STORE.toHex() + "\":{\"balance\":\"0x99\",\"nonce\":\"0x9\",\"code\":\"0x"
                + RETURN_42 + "\",\"state\":{}},\"" + ALICE.toHex() + "\":{\"balance\":\"0x0\"}}";
        assertThat(call("eth_call", probe(STORE, word(0)), q("latest"), override).asText())
                .isEqualTo(word(42).toHex());
        assertThat(read(0, null)).isEqualTo(word(7).toHex());
        assertThat(call("eth_getBalance", q(STORE.toHex()), q("latest")).asText()).isEqualTo("0x0");
        assertThat(call("eth_getBalance", q(ALICE.toHex()), q("latest")).asText())
                .isEqualTo("0x" + ALICE_BALANCE.toString(16));
        assertThat(call("eth_getTransactionCount", q(STORE.toHex()), q("latest")).asText()).isEqualTo("0x1");
        assertThat(call("eth_getCode", q(STORE.toHex()), q("latest")).asText()).isEqualTo("0x" + SLOAD_PROBE);
        assertThat(call("eth_getStorageAt", q(STORE.toHex()), q("0x1"), q("latest")).asText())
                .isEqualTo(word(8).toHex());
    }

    @Test
    void gasIsEstimatedOnTheOverriddenState() throws Exception {
        String transfer = "{\"from\":\"" + NOBODY.toHex() + "\",\"to\":\"" + ALICE.toHex()
                + "\",\"value\":\"0xde0b6b3a7640000\",\"gasPrice\":\"0x3b9aca00\"}";
        assertThat(send("eth_estimateGas", transfer, q("latest")).get("error").get("message").asText())
                .startsWith("insufficient funds");
        String rich = "{\"" + NOBODY.toHex() + "\":{\"balance\":\"0x56bc75e2d63100000\"}}";
        assertThat(call("eth_estimateGas", transfer, q("latest"), rich).asText()).isEqualTo("0x5208");
        String coded = "{\"" + ALICE.toHex() + "\":{\"code\":\"0x" + RETURN_42 + "\"}}";
        assertThat(call("eth_estimateGas", "{\"to\":\"" + ALICE.toHex() + "\"}", q("latest"), coded).asText())
                .as("21000 plus the probe's 18 gas").isEqualTo("0x" + Long.toHexString(21_000 + 18));
    }

    @Test
    void stateTogetherWithStateDiffIsRefused() throws Exception {
        JsonNode e = error("{\"" + STORE.toHex() + "\":{\"state\":{},\"stateDiff\":{}}}");
        assertThat(e.get("code").asInt()).isEqualTo(-32602);
        assertThat(e.get("message").asText())
                .isEqualTo("invalid argument 2 (state overrides[" + STORE.toHex()
                        + "]): has both 'state' and 'stateDiff'");
    }

    @Test
    void malformedOverridesAreInvalidParamsNamingTheField() throws Exception {
        String a = "\"" + STORE.toHex() + "\"";
        Map<String, String> cases = Map.ofEntries(
                Map.entry("[]", "(state overrides): want an object"),
                Map.entry("{\"0x12\":{}}", "(state overrides address 0x12): an address is 40 hex digits"),
                Map.entry("{" + a + ":5}", "want an object"),
                Map.entry("{" + a + ":{\"balance\":\"0xzz\"}}", ".balance): invalid hex quantity"),
                Map.entry("{" + a + ":{\"balance\":\"0x1" + "0".repeat(64) + "\"}}",
                        ".balance): hex quantity larger than 256 bits"),
                Map.entry("{" + a + ":{\"nonce\":\"0x10000000000000000\"}}", ".nonce): nonce larger than 64 bits"),
                Map.entry("{" + a + ":{\"code\":\"0x123\"}}", ".code):"),
                Map.entry("{" + a + ":{\"stateDiff\":{\"0x01\":\"" + word(1).toHex() + "\"}}}",
                        ".stateDiff key 0x01): hex string has 1 bytes, want 32"),
                Map.entry("{" + a + ":{\"state\":{\"" + word(1).toHex() + "\":\"0x01\"}}}",
                        ".state[" + word(1).toHex() + "]): hex string has 1 bytes, want 32"),
                Map.entry("{" + a + ":{\"state\":[]}}", ".state): want an object"),
                Map.entry("{" + a + ":{\"balanse\":\"0x1\"}}", "unknown field 'balanse'"),
                Map.entry("{" + a + ":{\"movePrecompileToAddress\":\"" + ALICE.toHex() + "\"}}",
                        ".movePrecompileToAddress): moving precompiles is not supported"));
        cases.forEach((override, message) -> {
            JsonNode e = error(override);
            assertThat(e.get("code").asInt()).as(override).isEqualTo(-32602);
            assertThat(e.get("message").asText()).as(override).startsWith("invalid argument 2 ").contains(message);
        });
        JsonNode estimate = send("eth_estimateGas", "{\"to\":" + a + "}", q("latest"), "{" + a + ":{\"nonce\":1}}")
                .get("error");
        assertThat(estimate.get("code").asInt()).isEqualTo(-32602);
        assertThat(estimate.get("message").asText()).contains(".nonce): want a hex string");
    }

    private String read(int slot, String overrides) throws Exception {
        return overrides == null
                ? call("eth_call", probe(STORE, word(slot)), q("latest")).asText()
                : call("eth_call", probe(STORE, word(slot)), q("latest"), overrides).asText();
    }

    private JsonNode error(String overrides) {
        try {
            JsonNode r = send("eth_call", probe(STORE, word(0)), q("latest"), overrides);
            assertThat(r.has("error")).as("result: %s", r.get("result")).isTrue();
            return r.get("error");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String probe(Address to, Bytes32 argument) {
        return "{\"to\":\"" + to.toHex() + "\",\"data\":\"" + argument.toHex() + "\"}";
    }

    private static Bytes32 word(long v) {
        return Bytes32.leftPad(BigInteger.valueOf(v).toByteArray());
    }

    private static Bytes32 word(Address a) {
        return Bytes32.leftPad(a.toArray());
    }

    private JsonNode call(String method, String... params) {
        return chain.call(method, params);
    }

    private JsonNode send(String method, String... params) {
        return chain.send(method, params);
    }

}
