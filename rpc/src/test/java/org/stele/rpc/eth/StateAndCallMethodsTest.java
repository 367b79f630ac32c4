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
import org.stele.rpc.RpcChain;
import org.stele.rpc.RpcMethod;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestContracts;
import org.stele.testkit.TestKeys;

/** State reads and calls against a real genesis state on the trie. */
class StateAndCallMethodsTest {
    private static final Address ALICE = TestKeys.address(TestKeys.DEV_0);
    private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000cc");
    private static final String CODE = TestContracts.ANSWER_OR_NOPE;

    private RpcChain chain;

    @BeforeEach
    void chain() {
        chain = new RpcChain(Map.of(ALICE, TestChain.funded(BigInteger.TEN.pow(21)), CONTRACT,
                TestChain.contract(CODE, Map.of(Bytes32.ZERO, Bytes32.leftPad(new byte[]{7})))));
        List<RpcMethod> methods = new ArrayList<>(StateMethods.all(chain.backend()));
        methods.addAll(CallMethods.all(chain.backend(), new Calls(chain.backend(), 50_000_000)));
        chain.serving(methods);
    }

    @Test
    void accountsCodeAndStorageAreReadAtABlock() throws Exception {
        assertThat(call("eth_getBalance", q(ALICE.toHex()), q("latest")).asText()).isEqualTo("0x3635c9adc5dea00000");
        assertThat(call("eth_getTransactionCount", q(CONTRACT.toHex()), q("0x0")).asText()).isEqualTo("0x1");
        assertThat(call("eth_getCode", q(CONTRACT.toHex()), q("latest")).asText()).isEqualTo("0x" + CODE);
        assertThat(call("eth_getStorageAt", q(CONTRACT.toHex()), q("0x0"), q("latest")).asText())
                .isEqualTo(Bytes32.leftPad(new byte[]{7}).toHex());
        assertThat(call("eth_getStorageAt", q(CONTRACT.toHex()), q(Bytes32.ZERO.toHex()), q("latest")).asText())
                .isEqualTo(Bytes32.leftPad(new byte[]{7}).toHex());
        assertThat(send("eth_getBalance", q(ALICE.toHex()), q("0x5")).get("error").get("message").asText())
                .isEqualTo("header not found");
    }

    @Test
    void aProofCarriesTheAccountAndItsStorage() throws Exception {
        JsonNode proof = call("eth_getProof", q(CONTRACT.toHex()), "[\"0x0\"]", q("latest"));
        assertThat(proof.get("nonce").asText()).isEqualTo("0x1");
        assertThat(proof.get("accountProof").size()).isPositive();
        assertThat(proof.get("storageProof").get(0).get("value").asText()).isEqualTo("0x7");
    }

    @Test
    void aCallReturnsOutputOrTheRevertReasonWithItsData() throws Exception {
        assertThat(call("eth_call", "{\"to\":\"" + CONTRACT.toHex() + "\"}", q("latest")).asText())
                .isEqualTo(Bytes32.leftPad(new byte[]{42}).toHex());
        JsonNode e = send("eth_call", "{\"to\":\"" + CONTRACT.toHex() + "\",\"data\":\"0x01\"}", q("latest"))
                .get("error");
        assertThat(e.get("code").asInt()).isEqualTo(3);
        assertThat(e.get("message").asText()).isEqualTo("execution reverted: nope");
        assertThat(e.get("data").asText()).startsWith("0x08c379a0");
        assertThat(call("eth_call", "{\"to\":\"" + CONTRACT.toHex() + "\"}", q("latest"), "{}").asText())
                .as("no overrides").isEqualTo(Bytes32.leftPad(new byte[]{42}).toHex());
    }

    @Test
    void callsAtOnceFromManyThreadsEachGetTheirOwnAnswerAfterOthersReturnedOrReverted() throws Exception {
        // Calls reuse the processors of calls that ended: one must never serve two calls at once, nor carry a
        // reverted call's output or memory into the next.
        String answer = Bytes32.leftPad(new byte[]{42}).toHex();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean reverts = i % 3 == 0;
                results.add(threads.submit(() -> {
                    JsonNode r = send("eth_call", "{\"to\":\"" + CONTRACT.toHex() + "\""
                            + (reverts ? ",\"data\":\"0x01\"" : "") + "}", q("latest"));
                    return reverts ? r.get("error").get("message").asText() : r.get("result").asText();
                }));
            }
            for (int i = 0; i < results.size(); i++)
                assertThat(results.get(i).get()).as("call %d", i)
                        .isEqualTo(i % 3 == 0 ? "execution reverted: nope" : answer);
        }
    }

    @Test
    void aCallWithoutRecipientReturnsTheCodeItsInitCodeWouldDeploy() throws Exception {
        // Init code that returns the two bytes 0x602a as the contract's code (viem's deployless reads rely on this).
        assertThat(call("eth_call", "{\"from\":\"" + ALICE.toHex() + "\",\"data\":\"0x61602a6000526002601ef3\"}",
                q("latest")).asText()).isEqualTo("0x602a");
    }

    @Test
    void gasIsEstimatedAsTheLeastThatSucceeds() throws Exception {
        assertThat(call("eth_estimateGas", "{\"from\":\"" + ALICE.toHex() + "\",\"to\":\"" + CONTRACT.toHex() + "\"}")
                .asText())
                .isEqualTo("0x" + Long.toHexString(21_000 + 33)); // the path to RETURN costs 33 gas, memory included
        assertThat(call("eth_estimateGas",
                "{\"from\":\"" + ALICE.toHex()
                        + "\",\"to\":\"0x00000000000000000000000000000000000000dd\",\"value\":\"0x1\"}")
                .asText())
                .isEqualTo("0x5208");
        assertThat(send("eth_estimateGas", "{\"to\":\"" + CONTRACT.toHex() + "\",\"data\":\"0x01\"}").get("error")
                .get("code").asInt()).isEqualTo(3);
        assertThat(send("eth_estimateGas",
                "{\"from\":\"0x00000000000000000000000000000000000000ee\",\"to\":\"" + CONTRACT.toHex()
                        + "\",\"value\":\"0x1\",\"gasPrice\":\"0x3b9aca00\"}")
                .get("error").get("message").asText())
                .startsWith("insufficient funds for gas * price + value");
    }

    private JsonNode call(String method, String... params) {
        return chain.call(method, params);
    }

    private JsonNode send(String method, String... params) {
        return chain.send(method, params);
    }

}
