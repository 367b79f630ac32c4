package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.apps.points.ForwardRequest;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.PointsCalls;
import org.stele.apps.points.PointsClient;
import org.stele.apps.points.Sender;
import org.stele.node.config.ConfigException;
import org.stele.node.config.ConfigSource;
import org.stele.node.dev.DevAccounts;
import org.stele.node.dev.Mnemonic;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** A member's node on a one-validator QBFT network runs the points relayer when its configuration names one. */
class NetworkNodePointsRelayerTest {
    @TempDir
    Path dir;

    private static Credentials devAccount(int i) {
        var key = DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", i + 1).get(i).key();
        return Credentials.create(Numeric.toHexString(key.privateKey().toArray()));
    }

    private static NodeRpc rpcOf(NetworkNode node) {
        return new NodeRpc("http://127.0.0.1:" + node.rpcAddress().getPort());
    }

    @Test
    void aMembersNodeRelaysGasFreeTransfersForTheTokenItsConfigurationNamesAndNoneByDefault() throws Exception {
        try (TestNetwork net = new TestNetwork(dir.resolve("net"), 1)) {
            NodeRpc rpc = rpcOf(net.start(0));
            assertThatThrownBy(() -> rpc.call("points_relayerConfig", "0x" + "11".repeat(20)))
                    .isInstanceOfSatisfying(NodeRpc.NodeError.class, e -> assertThat(e.code()).isEqualTo(-32601));
            PointsClient admin = PointsClient.deploy(rpc, new Sender.Key(devAccount(0)), "Paw Points", "PAW");
            admin.send(PointsCalls.setIssuerCap(devAccount(0).getAddress(), BigInteger.valueOf(1000)));
            ECKeyPair alice = ECKeyPair.create(BigInteger.valueOf(0xa11ce));
            String bob = "0x" + Keys.getAddress(ECKeyPair.create(BigInteger.valueOf(0xb0b)));
            admin.send(PointsCalls.issue("0x" + Keys.getAddress(alice), BigInteger.TEN, "x"));
            String token = admin.token();
            String forwarder = admin.forwarder();
            net.stop(0);

            Path key = dir.resolve("relayer.key");
            Files.writeString(key, Numeric.toHexStringNoPrefix(devAccount(1).getEcKeyPair().getPrivateKey()));
            net.overrides.put("points-relayer-key-file", TextNode.valueOf(key.toString()));
            net.overrides.put("points-relayer-token", TextNode.valueOf(token));
            net.overrides.put("points-relayer-forwarder", TextNode.valueOf(forwarder));
            NodeRpc relaying = rpcOf(net.start(0));
            PointsClient client = new PointsClient(relaying, new Sender.NodeAccount(bob), token);

            var config = relaying.call("points_relayerConfig", token);
            assertThat(config.get("operator").asText()).isEqualTo(devAccount(1).getAddress());
            assertThat(config.at("/domain/verifyingContract").asText()).isEqualTo(forwarder);
            ForwardRequest.Signed signed = client.signRequest(alice, PointsCalls.transfer(bob, BigInteger.valueOf(4)),
                    Duration.ofMinutes(5));
            var done = relaying.call("points_relay", body(signed));

            assertThat(done.get("transaction").asText()).startsWith("0x");
            assertThat(client.balance(bob)).isEqualTo(BigInteger.valueOf(4));
            assertThat(Numeric.toBigInt(relaying.call("eth_getBalance", "0x" + Keys.getAddress(alice), "latest")
                    .asText())).isZero();
            assertThatThrownBy(() -> relaying.call("points_relayerConfig", "0x" + "11".repeat(20)))
                    .hasMessage("this node relays only for the points token " + token + ", not 0x"
                            + "11".repeat(20));
        }
    }

    @Test
    void aRelayerConfigurationMissingAKeyIsRefusedInOneLine() {
        Map<String, com.fasterxml.jackson.databind.JsonNode> values = Map.of("points-relayer-token",
                TextNode.valueOf("0x" + "22".repeat(20)));
        assertThatThrownBy(() -> NetworkNodeConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid configuration (keys points-relayer-*): the points relayer needs"
                        + " points-relayer-key-file, points-relayer-token and points-relayer-forwarder together");
    }

    private static ObjectNode body(ForwardRequest.Signed s) {
        ObjectNode b = new ObjectMapper().createObjectNode().put("signature", s.signature());
        ForwardRequest r = s.request();
        b.putObject("request").put("from", r.from()).put("to", r.to()).put("value", "0").put("gas", r.gas().toString())
                .put("nonce", r.nonce().toString()).put("deadline", r.deadline()).put("data", r.data());
        return b;
    }
}
