package org.stele.node.devnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.node.config.ConfigSource;
import org.stele.node.devnode.DevConfig;
import org.stele.sdk.governance.GovernanceClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The governance SDK (web3j's generated wrappers and {@link GovernanceClient}) against a real dev chain over JSON-RPC:
 * dev account 0 is its one governor, so its proposal and yes vote execute a change that the chain then holds.
 */
class GovernanceSdkTest {
    @TempDir
    Path dir;
    private DevNode node;
    private Web3j web3j;

    @BeforeEach
    void start() throws Exception {
        Map<String, JsonNode> values = Map.of("data-path", TextNode.valueOf(dir.resolve("data").toString()),
                "rpc-http-port", IntNode.valueOf(0), "accounts", IntNode.valueOf(3));
        node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))),
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        web3j = Web3j.build(new HttpService("http://127.0.0.1:" + node.start().getPort()));
    }

    @AfterEach
    void stop() {
        web3j.shutdown();
        node.close();
    }

    private GovernanceClient as(int account) throws Exception {
        return GovernanceClient.connect(web3j,
                Credentials.create(node.accounts().get(account).key().privateKey().toHex()), 31337);
    }

    @Test
    void aGovernorsProposalAndVoteFreezeAnAccountThroughTheGeneratedWrappers() throws Exception {
        GovernanceClient gov = as(0);
        String suspect = node.accounts().get(2).address().toHex();
        assertThat(gov.freezes().isFrozen(suspect).send()).isFalse();

        BigInteger id = gov.propose(gov.freezes(), gov.freezes().freeze(suspect, "court order 7"), "freeze 2");
        assertThat(gov.committee().isVotable(id).send()).isTrue();
        assertThat(gov.vote(id, true)).as("the one governor's vote passes it").isTrue();

        assertThat(gov.freezes().isFrozen(suspect).send()).isTrue();
        assertThat(gov.committee().isVotable(id).send()).isFalse();
    }

    @Test
    void theValidatorSetAndTheCommitteeAreReadThroughTheWrappers() throws Exception {
        GovernanceClient reader = as(1);
        assertThat(reader.validatorSet()).hasSize(1);
        assertThat(reader.committee().getGovernors().send()).hasSize(1);
        assertThat(reader.committee().weightOf(node.accounts().get(0).address().toHex()).send()).isPositive();
    }

    @Test
    void aNonGovernorsProposalIsRefusedByTheCommittee() throws Exception {
        GovernanceClient outsider = as(1);
        assertThatThrownBy(() -> outsider.propose(outsider.freezes(),
                outsider.freezes().freeze(node.accounts().get(2).address().toHex(), "no"), "not mine to make"))
                .hasMessageContaining("status: 0x0");
        assertThat(outsider.committee().proposalCount().send()).isZero();
    }
}
