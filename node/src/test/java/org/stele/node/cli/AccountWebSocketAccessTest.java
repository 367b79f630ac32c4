package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.node.dev.DevAccounts;
import org.stele.node.devnode.DevNode;
import org.stele.node.devnode.TestDevNode;
import org.stele.node.wiring.NodeServices;
import org.stele.rpc.access.AccountToken;

/**
 * The same node as {@link AccountReadAccessTest} ({@code rpc-http-auth = account}, listening beyond loopback), over
 * real WebSockets: a socket presents its account token once, in its handshake, and the node holds each call on it to
 * the same tiers as HTTP, deciding call by call, so a role granted while the socket is open counts from its next call,
 * and a token that expires or is revoked while it is open ends its calls.
 */
class AccountWebSocketAccessTest {
    private static final long CHAIN_ID = 31337;
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private TestDevNode dev;
    private DevNode node;
    private String rpc;
    private Path governorKey;
    private DevAccounts.Account member;
    private DevAccounts.Account regulator;
    private final List<Socket> sockets = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        dev = TestDevNode.start(dir.resolve("data"), 3, InstantSource.system(), Map.of("rpc-http-host",
                TextNode.valueOf("0.0.0.0"), "rpc-http-auth", TextNode.valueOf("account")));
        node = dev.node();
        rpc = dev.rpc().substring("http://".length());
        governorKey = key(node.accounts().get(0), "governor");
        member = node.accounts().get(1);
        regulator = node.accounts().get(2);
    }

    @AfterEach
    void stop() {
        sockets.forEach(s -> s.ws.abort());
        dev.close();
    }

    private Path key(DevAccounts.Account a, String name) throws Exception {
        return TestDevNode.keyFile(dir.resolve(name + ".key"), a);
    }

    private static String token(DevAccounts.Account a, long issuedAt, long expiresAt) {
        return AccountToken.sign(NodeServices.SUITE, a.key(), CHAIN_ID, issuedAt, expiresAt).encode();
    }

    private static String token(DevAccounts.Account a) {
        long now = Instant.now().getEpochSecond();
        return token(a, now, now + 600);
    }

    private CliRun gov(Path key, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "gov";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[]{"--rpc", "http://" + rpc, "--key", key.toString()}, 0, all, args.length + 1, 4);
        return CliRun.of(all);
    }

    /** One open WebSocket: calls answered in order, subscription notifications kept apart. */
    private final class Socket {
        final WebSocket ws;
        final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
        final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
        final AtomicInteger ids = new AtomicInteger();

        Socket(String token) throws Exception {
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            if (token != null) b.header("Authorization", "Bearer " + token);
            ws = b.buildAsync(URI.create("ws://" + rpc), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        try {
                            JsonNode n = json.readTree(text.toString());
                            (n.has("id") ? answers : notifications).add(n);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        text.setLength(0);
                    }
                    socket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            sockets.add(this);
        }

        JsonNode call(String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params
                    + "}", true).get(10, TimeUnit.SECONDS);
            JsonNode answer = answers.poll(20, TimeUnit.SECONDS);
            assertThat(answer).as("an answer to " + method).isNotNull();
            assertThat(answer.path("id").asInt()).isEqualTo(id);
            return answer;
        }
    }

    private static String balanceOf(DevAccounts.Account a) {
        return "[\"" + a.address().toHex() + "\",\"latest\"]";
    }

    @Test
    void aSocketWithoutATokenGetsTheChainIdAndNothingElse() throws Exception {
        Socket anonymous = new Socket(null);

        assertThat(anonymous.call("eth_chainId", "[]").path("result").asText()).isEqualTo("0x7a69");
        for (String method : List.of("eth_blockNumber", "eth_subscribe")) {
            JsonNode error = anonymous.call(method, method.equals("eth_subscribe") ? "[\"newHeads\"]" : "[]")
                    .path("error");
            assertThat(error.path("code").asInt()).as(method).isEqualTo(-40100);
            assertThat(error.path("message").asText()).startsWith("JSON-RPC on this node needs an account token");
        }
        JsonNode forged = new Socket(member.address().toHex() + ".1.2.0x" + "00".repeat(65))
                .call("eth_blockNumber", "[]").path("error");
        assertThat(forged.path("code").asInt()).isEqualTo(-40100);
    }

    @Test
    void aMembersSocketReadsItsOwnAccountAndSubscribesButReadsAnotherAccountOnlyOnceTheRegulatorRoleIsGranted()
            throws Exception {
        Socket members = new Socket(token(member));
        Socket regulators = new Socket(token(regulator));

        assertThat(members.call("eth_getBalance", balanceOf(member)).has("result")).isTrue();
        assertThat(members.call("eth_subscribe", "[\"newHeads\"]").path("result").asText()).startsWith("0x");
        JsonNode other = members.call("eth_getBalance", balanceOf(regulator)).path("error");
        assertThat(other.path("code").asInt()).isEqualTo(-40300);
        assertThat(other.path("message").asText()).startsWith("reading the state of "
                + regulator.address().toChecksumHex() + " needs the regulator role");
        assertThat(members.call("txpool_content", "[]").path("error").path("code").asInt()).isEqualTo(-40300);
        assertThat(members.call("admin_nodeInfo", "[]").path("error").path("message").asText())
                .startsWith("admin methods need the node's admin token or an account with the operator role");
        assertThat(regulators.call("eth_getBalance", balanceOf(member)).path("error").path("code").asInt())
                .as("before the grant").isEqualTo(-40300);

        CliRun grant = gov(governorKey, "grant", regulator.address().toHex(), "regulator");

        assertThat(grant.status()).as(grant.err()).isZero();
        assertThat(regulators.call("eth_getBalance", balanceOf(member)).path("result").asText()).as("same socket")
                .startsWith("0x");
        assertThat(regulators.call("txpool_content", "[]").has("result")).isTrue();
        assertThat(members.notifications.poll(20, TimeUnit.SECONDS)).as("the grant's block, to the subscriber")
                .isNotNull();
        assertThat(gov(governorKey, "grant", member.address().toHex(), "operator").status()).isZero();
        assertThat(members.call("admin_nodeInfo", "[]").has("result")).as("an operator's socket").isTrue();
    }

    @Test
    void aSocketsTokenIsCheckedOnEveryCallSoItsExpiryAndItsRevocationEndTheSocketsCalls() throws Exception {
        long now = Instant.now().getEpochSecond();
        long expiry = now + 8; // time enough to open the socket and call once on a loaded machine
        Socket expiring = new Socket(token(regulator, now, expiry));
        assertThat(expiring.call("eth_blockNumber", "[]").has("result")).isTrue();
        Socket revoked = new Socket(token(member));
        Socket others = new Socket(token(node.accounts().get(0)));
        assertThat(revoked.call("eth_blockNumber", "[]").has("result")).isTrue();

        CliRun revoke = gov(key(member, "member"), "revoke-tokens", "--json");

        assertThat(revoke.status()).as(revoke.err()).isZero();
        JsonNode refused = revoked.call("eth_blockNumber", "[]").path("error");
        assertThat(refused.path("code").asInt()).isEqualTo(-40100);
        assertThat(refused.path("message").asText()).startsWith("the account token was revoked: the tokens of "
                + member.address().toChecksumHex() + " issued up to ");
        assertThat(others.call("eth_blockNumber", "[]").has("result")).as("another account's socket").isTrue();
        while (Instant.now().getEpochSecond() <= expiry)
            Thread.sleep(100);
        assertThat(expiring.call("eth_blockNumber", "[]").path("error").path("message").asText())
                .isEqualTo("the account token expired at " + Instant.ofEpochSecond(expiry));
    }
}
