package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Address;
import org.stele.node.dev.DevAccounts;
import org.stele.node.wiring.NodeServices;
import org.stele.rpc.access.AccountToken;
import org.stele.node.devnode.TestDevNode;

/**
 * A node listening beyond loopback with {@code rpc-http-auth = account}, over real HTTP: callers prove an account
 * with a token it signed, a member reads its own account, contracts and the chain but not other accounts' state or
 * history, a regulator granted by the committee reads everything through the same methods, and an operator calls
 * admin methods with its account token, which the audit log records with the client's address.
 */
class AccountReadAccessTest {
    private static final long CHAIN_ID = 31337;
    private static final String COMMITTEE = "0x0000000000000000000000000000000000001000";
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private TestDevNode node;
    private String rpc;
    private Path governorKey;
    private DevAccounts.Account member;
    private DevAccounts.Account regulator;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("data"), 3, InstantSource.system(), Map.of("rpc-http-host",
                TextNode.valueOf("0.0.0.0"), "rpc-http-auth", TextNode.valueOf("account")));
        rpc = node.rpc();
        governorKey = TestDevNode.keyFile(dir.resolve("governor.key"), node.accounts().get(0));
        member = node.accounts().get(1);
        regulator = node.accounts().get(2);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String token(DevAccounts.Account a, long chainId, long expiresAt) {
        return AccountToken.sign(NodeServices.SUITE, a.key(), chainId, expiresAt).encode();
    }

    private static String token(DevAccounts.Account a) {
        return token(a, CHAIN_ID, java.time.Instant.now().getEpochSecond() + 600);
    }

    private JsonNode rpc(String token, String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(rpc)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) r.header("authorization", "Bearer " + token);
        return json.readTree(HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String balanceOf(Address a) {
        return "[\"" + a.toHex() + "\",\"latest\"]";
    }

    private CliRun gov(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "gov";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[]{"--rpc", rpc, "--key", governorKey.toString()}, 0, all, args.length + 1, 4);
        return CliRun.of(all);
    }

    @Test
    void aCallWithoutAValidAccountTokenIsRefusedButTheChainIdIsPublic() throws Exception {
        assertThat(rpc(null, "eth_chainId", "[]").path("result").asText()).isEqualTo("0x7a69");

        JsonNode anonymous = rpc(null, "eth_blockNumber", "[]").path("error");
        assertThat(anonymous.path("code").asInt()).isEqualTo(-40100);
        assertThat(anonymous.path("message").asText()).startsWith("JSON-RPC on this node needs an account token: "
                + "Authorization: Bearer ADDRESS.ISSUED.EXPIRY.SIGNATURE");
        long now = java.time.Instant.now().getEpochSecond();
        assertThat(rpc(token(member, CHAIN_ID, now - 1), "eth_blockNumber", "[]").path("error").path("message")
                .asText()).startsWith("the account token expired at ");
        assertThat(rpc(token(member, 1, now + 600), "eth_blockNumber", "[]").path("error").path("message").asText())
                .isEqualTo("the account token is not signed by " + member.address().toChecksumHex()
                        + " for chain 31337");
        assertThat(rpc("0x12.34", "eth_blockNumber", "[]").path("error").path("message").asText())
                .isEqualTo("an account token is ADDRESS.ISSUED.EXPIRY.SIGNATURE");
    }

    @Test
    void aTokenSignedAsAWalletSignsAMessageIsAccepted() throws Exception {
        long expiry = java.time.Instant.now().getEpochSecond() + 600;
        String text = AccountToken.message(CHAIN_ID, member.address(), expiry);
        org.web3j.crypto.Sign.SignatureData s = org.web3j.crypto.Sign.signPrefixedMessage(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                org.web3j.crypto.ECKeyPair.create(member.key().privateKey().toArray()));
        String signature = org.web3j.utils.Numeric.toHexString(s.getR())
                + org.web3j.utils.Numeric.toHexStringNoPrefix(s.getS())
                + org.web3j.utils.Numeric.toHexStringNoPrefix(s.getV());

        JsonNode answer = rpc(member.address().toHex() + "." + expiry + "." + signature, "eth_blockNumber", "[]");

        assertThat(answer.has("result")).as(answer.toString()).isTrue();
    }

    @Test
    void aMemberReadsItsOwnAccountContractsAndTheChainButNotAnotherAccountNorHistories() throws Exception {
        String t = token(member);

        assertThat(rpc(t, "eth_blockNumber", "[]").has("result")).isTrue();
        assertThat(rpc(t, "eth_getBalance", balanceOf(member.address())).has("result")).isTrue();
        assertThat(rpc(t, "eth_getBalance", "[\"" + COMMITTEE + "\",\"latest\"]").has("result")).as("a contract")
                .isTrue();
        JsonNode other = rpc(t, "eth_getBalance", balanceOf(regulator.address())).path("error");
        assertThat(other.path("code").asInt()).isEqualTo(-40300);
        assertThat(other.path("message").asText()).isEqualTo("reading the state of "
                + regulator.address().toChecksumHex() + " needs the regulator role: a member reads its own account "
                + "and contracts (" + member.address().toChecksumHex()
                + " holds no regulator role in Accounts 0x0000000000000000000000000000000000001003)");
        assertThat(rpc(t, "stele_getAddressTransactions", "[\"" + regulator.address().toHex() + "\"]").path("error")
                .path("message").asText()).startsWith("stele_getAddressTransactions reads other accounts' history; "
                        + "it needs the regulator role");
        assertThat(rpc(t, "eth_getLogs", "[{\"fromBlock\":\"0x0\",\"address\":\"" + COMMITTEE + "\"}]").has("result"))
                .isTrue();
    }

    @Test
    void aRegulatorGrantedByTheCommitteeReadsEveryAccountAndTheWholeHistory() throws Exception {
        String t = token(regulator);
        assertThat(rpc(t, "eth_getBalance", balanceOf(member.address())).has("error")).as("before the grant")
                .isTrue();

        CliRun grant = gov("grant", regulator.address().toHex(), "regulator");

        assertThat(grant.status()).as(grant.err()).isZero();
        assertThat(rpc(t, "eth_getBalance", balanceOf(member.address())).path("result").asText()).startsWith("0x");
        assertThat(rpc(t, "eth_getTransactionCount", balanceOf(node.accounts().get(0).address())).path("result")
                .asText()).isNotEqualTo("0x0");
        assertThat(rpc(t, "eth_getStorageAt", "[\"" + member.address().toHex() + "\",\"0x0\",\"latest\"]")
                .has("result")).isTrue();
        JsonNode history = rpc(t, "stele_getAddressTransactions",
                "[\"" + node.accounts().get(0).address().toHex() + "\",null,10]");
        assertThat(history.has("result")).as(history.toString()).isTrue();
        String grantTx = rpc(t, "eth_getBlockByNumber", "[\"latest\",true]").path("result").path("transactions")
                .get(0).path("hash").asText();
        assertThat(rpc(t, "debug_traceTransaction", "[\"" + grantTx + "\",{\"tracer\":\"callTracer\"}]")
                .has("result")).isTrue();
        assertThat(rpc(token(member), "debug_traceTransaction", "[\"" + grantTx + "\"]").path("error").path("code")
                .asInt()).isEqualTo(-40300);
    }

    @Test
    void anOperatorCallsAdminMethodsWithItsAccountTokenAndTheAuditLogNamesItsAccountAndAddress() throws Exception {
        JsonNode refused = rpc(token(member), "admin_nodeInfo", "[]").path("error");
        assertThat(refused.path("message").asText()).isEqualTo("admin methods need the node's admin token or an "
                + "account with the operator role; " + member.address().toChecksumHex()
                + " does not hold it (Accounts 0x0000000000000000000000000000000000001003)");

        assertThat(gov("grant", member.address().toHex(), "operator").status()).isZero();

        assertThat(rpc(token(member), "admin_nodeInfo", "[]").has("result")).isTrue();
        Path audit = dir.resolve("data").resolve("audit.log");
        String last = Files.readAllLines(audit).getLast();
        assertThat(last).containsPattern("\"remote\":\"127\\.0\\.0\\.1:[0-9]+\"")
                .contains("\"account\":\"" + member.address().toHex() + "\"")
                .contains("\"method\":\"admin_nodeInfo\"").contains("\"outcome\":\"ok\"");
        CliRun verified = CliRun.of("audit", "verify", audit.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
    }

    private Path keyOf(DevAccounts.Account a, String name) throws Exception {
        return TestDevNode.keyFile(dir.resolve(name + ".key"), a);
    }

    private static String issuedToken(DevAccounts.Account a, long issuedAt) {
        return AccountToken.sign(NodeServices.SUITE, a.key(), CHAIN_ID, issuedAt, issuedAt + 600).encode();
    }

    @Test
    void anAccountRevokesItsTokensAndTheyAreRefusedWithTheReasonWhileANewOneIsAccepted() throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        String issued = issuedToken(member, now);
        String withoutIssue = token(member);
        String others = token(regulator);
        assertThat(rpc(issued, "eth_blockNumber", "[]").has("result")).isTrue();
        assertThat(rpc(withoutIssue, "eth_blockNumber", "[]").has("result")).isTrue();

        CliRun revoked = CliRun.of("gov", "revoke-tokens", "--rpc", rpc, "--key", keyOf(member, "member").toString(),
                "--json");

        assertThat(revoked.status()).as(revoked.err()).isZero();
        JsonNode out = json.readTree(revoked.out());
        long upTo = out.get("issuedUpTo").asLong();
        assertThat(upTo).isGreaterThanOrEqualTo(now);
        assertThat(out.get("account").asText()).isEqualTo(member.address().toChecksumHex());
        assertThat(out.get("by").asText()).isEqualTo(member.address().toChecksumHex());
        JsonNode refused = rpc(issued, "eth_blockNumber", "[]").path("error");
        assertThat(refused.path("code").asInt()).isEqualTo(-40100);
        assertThat(refused.path("message").asText()).isEqualTo("the account token was revoked: the tokens of "
                + member.address().toChecksumHex() + " issued up to " + java.time.Instant.ofEpochSecond(upTo)
                + " are refused (Accounts 0x0000000000000000000000000000000000001003, TokensRevoked) and it was issued "
                + "at " + java.time.Instant.ofEpochSecond(now) + "; sign a new one");
        assertThat(refused.path("data").path("tokensRevokedAt").asLong()).isEqualTo(upTo);
        assertThat(rpc(withoutIssue, "eth_blockNumber", "[]").path("error").path("message").asText())
                .as("a token without its issue time may have been signed 31 days before it expires")
                .endsWith("a token without its issue time counts as issued 31 days before it expires; sign a new one");
        assertThat(rpc(issuedToken(member, upTo + 1), "eth_blockNumber", "[]").has("result")).as("issued after")
                .isTrue();
        assertThat(rpc(others, "eth_blockNumber", "[]").has("result")).as("another account's token").isTrue();
        String change = GovCommandTest.awaitLine(dir.resolve("data").resolve("audit.log"), "tokensRevokedAt");
        assertThat(change).as("the audit log, who: the account itself").contains("\"caller\":\""
                + member.address().toChecksumHex() + " in " + out.get("transaction").asText() + "\"")
                .contains("\"change\":{\"what\":\"Accounts.tokensRevokedAt(" + member.address().toChecksumHex()
                        + ")\",\"old\":\"0\",\"new\":\"" + upTo + "\"}");
    }

    @Test
    void anotherAccountMayNotRevokeATokenButAnOperatorAndTheCommitteeMay() throws Exception {
        String memberToken = token(member);
        Path stranger = keyOf(regulator, "stranger");

        CliRun refused = CliRun.of("gov", "revoke-tokens", member.address().toHex(), "--rpc", rpc, "--key",
                stranger.toString());

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("stele gov: refused: only " + member.address().toChecksumHex()
                + " itself, an operator or the committee (--propose) may revoke its tokens, and "
                + regulator.address().toChecksumHex()
                + " holds no operator role (Accounts 0x0000000000000000000000000000000000001003)\n");
        assertThat(rpc(memberToken, "eth_blockNumber", "[]").has("result")).isTrue();

        CliRun byCommittee = gov("revoke-tokens", member.address().toHex(), "--propose", "--json");
        assertThat(byCommittee.status()).as(byCommittee.err()).isZero();
        assertThat(json.readTree(byCommittee.out()).get("executed").asBoolean()).isTrue();
        assertThat(rpc(memberToken, "eth_blockNumber", "[]").path("error").path("message").asText())
                .startsWith("the account token was revoked: the tokens of " + member.address().toChecksumHex());

        assertThat(gov("grant", regulator.address().toHex(), "operator").status()).isZero();
        String governorsToken = token(node.accounts().get(0));
        String fresh = issuedToken(member, java.time.Instant.now().getEpochSecond());
        CliRun byOperator = CliRun.of("gov", "revoke-tokens", member.address().toHex(), "--rpc", rpc, "--key",
                stranger.toString(), "--json");
        assertThat(byOperator.status()).as(byOperator.err()).isZero();
        assertThat(json.readTree(byOperator.out()).get("by").asText()).isEqualTo(regulator.address().toChecksumHex());
        assertThat(rpc(governorsToken, "eth_blockNumber", "[]").has("result")).as("only the member's").isTrue();
        assertThat(rpc(fresh, "eth_blockNumber", "[]").path("error").path("code").asInt())
                .as("issued before the operator's revocation, which dev blocks time no earlier than now")
                .isEqualTo(-40100);
    }
}
