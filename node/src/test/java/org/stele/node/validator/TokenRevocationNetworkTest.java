package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.governance.GovernanceState;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.network.NetworkInit;
import org.stele.node.wiring.NodeServices;
import org.stele.rpc.access.AccountToken;

/**
 * Four validators over real sockets, each serving JSON-RPC beyond loopback with {@code rpc-http-auth = account}: an
 * account's token is good at every node until the account revokes it through one node, and from the block that
 * revoked it every node refuses it, since each reads the revocation from its own state, and accepts a token issued
 * later.
 */
class TokenRevocationNetworkTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    private JsonNode call(TestNetwork net, int node, String token, String method) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + net.nodes[node].rpcAddress().getPort()))
                        .header("content-type", "application/json").header("authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private static long revokedAt(TestNetwork net, int node, Address account) {
        NodeServices services = net.nodes[node].services();
        return new GovernanceState(services.stateAfter(services.head())).tokensRevokedAt(account);
    }

    @Test
    void aTokenRevokedThroughOneNodeIsRefusedByEveryNodeAndALaterOneAccepted() throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 4)) {
            net.overrides.put("rpc-http-host", TextNode.valueOf("0.0.0.0"));
            net.overrides.put("rpc-http-auth", TextNode.valueOf("account"));
            net.startAll();
            Path keyFile = net.files.get(0).dir().resolve("key");
            KeyPair key = NodeKeyFile.load(keyFile, Optional.empty());
            Address account = NodeServices.SUITE.address(key.publicKey());
            long now = Instant.now().getEpochSecond();
            String token = AccountToken.sign(NodeServices.SUITE, key, NetworkInit.DEFAULT_CHAIN_ID, now, now + 600)
                    .encode();
            net.awaitHeads(1, PATIENCE, 0, 1, 2, 3);
            for (int i = 0; i < 4; i++)
                assertThat(call(net, i, token, "eth_blockNumber").has("result")).as("node " + i).isTrue();

            int status = new picocli.CommandLine(new org.stele.node.gov.GovCommand()).execute("revoke-tokens",
                    "--rpc", "http://127.0.0.1:" + net.nodes[2].rpcAddress().getPort(), "--key", keyFile.toString());

            assertThat(status).isZero();
            long upTo = revokedAt(net, 2, account);
            assertThat(upTo).isGreaterThanOrEqualTo(now);
            for (int i = 0; i < 4; i++) {
                int node = i;
                TestNetwork.await("node " + i + " at the revoking block", PATIENCE,
                        () -> revokedAt(net, node, account) == upTo);
                JsonNode refused = call(net, i, token, "eth_blockNumber").path("error");
                assertThat(refused.path("code").asInt()).as("node " + i).isEqualTo(-40100);
                assertThat(refused.path("message").asText()).as("node " + i).startsWith(
                        "the account token was revoked: the tokens of " + account.toChecksumHex() + " issued up to "
                                + Instant.ofEpochSecond(upTo));
            }
            String later = AccountToken.sign(NodeServices.SUITE, key, NetworkInit.DEFAULT_CHAIN_ID, upTo + 1,
                    upTo + 600).encode();
            for (int i = 0; i < 4; i++)
                assertThat(call(net, i, later, "eth_blockNumber").has("result")).as("node " + i).isTrue();
        }
    }
}
