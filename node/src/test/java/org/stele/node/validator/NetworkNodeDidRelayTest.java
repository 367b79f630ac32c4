package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.apps.identity.cli.RegistryChange;
import org.stele.apps.points.NodeRpc;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.node.dev.DevAccounts;
import org.stele.node.dev.Mnemonic;
import org.stele.node.network.NetworkInit;

/**
 * A member's node on a one-validator QBFT network ({@code stele node}, not {@code stele dev}) serves the DID relayer
 * when its configuration names {@code did-relay-key-file}, and not otherwise: an identity without coin changes its
 * owner through {@code did_relay}, the operator named by the key file pays, and the node's own resolver shows the
 * change.
 */
class NetworkNodeDidRelayTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    @TempDir
    Path dir;

    private static DevAccounts.Account funded(int i) {
        return DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", i + 1).get(i);
    }

    private static NodeRpc rpcOf(NetworkNode node) {
        return new NodeRpc(urlOf(node));
    }

    private static String urlOf(NetworkNode node) {
        return "http://127.0.0.1:" + node.rpcAddress().getPort();
    }

    @Test
    void aMembersNodeRelaysSignedDidChangesWhenItsConfigurationNamesTheOperatorsKeyAndNotOtherwise() throws Exception {
        try (TestNetwork net = new TestNetwork(dir.resolve("net"), 1)) {
            NodeRpc plain = rpcOf(net.start(0));
            assertThatThrownBy(() -> plain.call("did_relayerConfig"))
                    .isInstanceOfSatisfying(NodeRpc.NodeError.class, e -> assertThat(e.code()).isEqualTo(-32601));
            net.stop(0);

            DevAccounts.Account operator = funded(1);
            Path key = dir.resolve("did-relay.key");
            Files.writeString(key, "0x" + operator.key().privateKey().toHex().replaceFirst("^0x", "") + "\n");
            net.overrides.put("did-relay-key-file", TextNode.valueOf(key.toString()));
            NetworkNode node = net.start(0);
            NodeRpc rpc = rpcOf(node);

            JsonNode config = rpc.call("did_relayerConfig");
            assertThat(config.path("operator").asText()).isEqualTo(operator.address().toHex());
            assertThat(config.path("chainId").asLong()).isEqualTo(NetworkInit.DEFAULT_CHAIN_ID);
            assertThat(config.path("registry").asText()).isEqualTo("0xdca7ef03e98e0dc2b855be647c39abe984fcf21b");

            KeyPair owner = SUITE.generateKeyPair(new SecureRandom());
            Address identity = SUITE.address(owner.publicKey());
            Address newOwner = SUITE.address(SUITE.generateKeyPair(new SecureRandom()).publicKey());
            RegistryChange change = new RegistryChange.ChangeOwner(newOwner);
            String signed = change.signedCall(identity,
                    SUITE.sign(change.signedHash(identity, BigInteger.ZERO), owner)).toHex();
            BigInteger paidBefore = balance(rpc, operator.address());

            JsonNode done = rpc.call("did_relay", signed);

            assertThat(done.path("transaction").asText()).startsWith("0x");
            assertThat(done.path("block").asLong()).isPositive();
            JsonNode tx = rpc.call("eth_getTransactionByHash", done.path("transaction").asText());
            assertThat(tx.path("from").asText()).isEqualToIgnoringCase(operator.address().toHex());
            assertThat(balance(rpc, identity)).isZero();
            assertThat(balance(rpc, operator.address())).isLessThan(paidBefore);
            String did = "did:ethr:0x" + Long.toHexString(NetworkInit.DEFAULT_CHAIN_ID) + ":" + identity.toHex();
            JsonNode resolved = resolve(urlOf(node), did);
            assertThat(resolved.at("/didDocument/verificationMethod/0/blockchainAccountId").asText())
                    .isEqualTo("eip155:" + NetworkInit.DEFAULT_CHAIN_ID + ":" + newOwner.toChecksumHex());
            // the same signature again: its nonce is spent, so the registry refuses it and nothing is sent
            long sent = nonce(rpc, operator.address());
            assertThatThrownBy(() -> rpc.call("did_relay", signed)).hasMessageContaining("NotIdentityOwner(");
            assertThat(nonce(rpc, operator.address())).isEqualTo(sent);
        }
    }

    private static BigInteger balance(NodeRpc rpc, Address a) throws Exception {
        return new BigInteger(rpc.call("eth_getBalance", a.toHex(), "latest").asText().substring(2), 16);
    }

    private static long nonce(NodeRpc rpc, Address a) throws Exception {
        return Long.decode(rpc.call("eth_getTransactionCount", a.toHex(), "latest").asText());
    }

    private static JsonNode resolve(String url, String did) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/1.0/identifiers/" + did)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
