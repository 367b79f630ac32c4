package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.RelayerServer;
import org.stele.apps.points.TokenBucket;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;
import org.stele.node.devnode.TestDevNode;

/** {@code stele points}, each subcommand as a user runs it, against a dev node in this process. */
class PointsCommandTest {
    private static final String HOLDER_KEY = "0x" + "5e".repeat(32);
    @TempDir
    Path dir;
    private TestDevNode node;
    private String rpc;
    private List<String> a;
    private Relayer relayer;
    private RelayerServer server;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("chain"), 3);
        rpc = node.rpc();
        a = node.addresses();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (relayer != null) relayer.close();
        if (node != null) node.close();
    }

    private CliRun run(String... args) {
        return new AppCommands("points", rpc).run(args);
    }

    private String ok(String... args) {
        return new AppCommands("points", rpc).ok(args);
    }

    @Test
    void pointsAreIssuedSentRedeemedGasFreeAndReadBackFromTheCommandLine() throws Exception {
        String token = ok("deploy", "--from", a.get(0), "--name", "Paw Points", "--symbol", "PAW", "--cap", "500");
        Path holderKey = Files.writeString(dir.resolve("holder.key"), HOLDER_KEY);
        String holder = Credentials.create(HOLDER_KEY).getAddress();
        ok("grant", "--token", token, "--from", a.get(0), "--role", "merchant", "--account", a.get(2));
        assertThat(ok("issue", "--token", token, "--from", a.get(0), "--to", holder, "--amount", "120", "--ref",
                "adoption #7")).matches("0x[0-9a-f]{64}");

        NodeRpc node = new NodeRpc(rpc);
        Credentials operator = Credentials
                .create(Numeric.toHexString(this.node.accounts().get(1).key().privateKey().toArray()));
        relayer = new Relayer(node, operator, Relayer.Config.of(token, "0x" + node.ethCall(null, token, "0x7da0a877")
                .substring(26)), new TokenBucket(10, 1, InstantSource.system()));
        server = new RelayerServer(relayer, "127.0.0.1", 0, "*");
        ok("transfer", "--token", token, "--key-file", holderKey.toString(), "--to", a.get(1), "--amount", "20",
                "--via-relayer", server.url());
        ok("redeem", "--token", token, "--key-file", holderKey.toString(), "--merchant", a.get(2), "--amount", "30",
                "--ref", "order 42", "--via-relayer", server.url());

        assertThat(ok("balance", "--token", token, holder)).isEqualTo("70");
        assertThat(Numeric.toBigInt(node.call("eth_getBalance", holder, "latest").asText())).isEqualTo(BigInteger.ZERO);
        String[] history = ok("history", "--token", token, holder).split("\n");
        assertThat(history).hasSize(3);
        assertThat(history[0]).contains("issued 120 by " + a.get(0) + " for \"adoption #7\"");
        assertThat(history[1]).contains("sent 20 to " + a.get(1));
        assertThat(history[2]).contains("redeemed 30 at " + a.get(2) + " for \"order 42\"");
    }

    @Test
    void refusalsAndBadArgumentsAreOneLineWithTheirExitCodes() throws Exception {
        String token = ok("deploy", "--from", a.get(0), "--cap", "10");
        CliRun overCap = run("issue", "--token", token, "--from", a.get(0), "--to", a.get(1), "--amount", "11");
        assertThat(overCap.status()).isEqualTo(1);
        assertThat(overCap.err().strip()).isEqualTo("stele points issue: refused: IssuerCapExceeded(" + a.get(0)
                + ", 10, 0, 11)");
        CliRun notIssuer = run("issue", "--token", token, "--from", a.get(1), "--to", a.get(1), "--amount", "1");
        assertThat(notIssuer.err()).startsWith("stele points issue: refused: AccessControlUnauthorizedAccount(");

        CliRun badAmount = run("transfer", "--token", token, "--from", a.get(0), "--to", a.get(1), "--amount", "1.5");
        assertThat(badAmount.status()).isEqualTo(2);
        assertThat(badAmount.err().strip())
                .isEqualTo("stele points transfer: \"1.5\" is not a number of points (a whole number above 0)");
        CliRun noKey = run("transfer", "--token", token, "--from", a.get(0), "--to", a.get(1), "--amount", "1",
                "--via-relayer", "http://127.0.0.1:1");
        assertThat(noKey.err().strip())
                .isEqualTo("stele points transfer: --via-relayer signs a forward request: give --key-file FILE");
        CliRun deadRelayer = run("transfer", "--token", token, "--key-file",
                Files.writeString(dir.resolve("k"), HOLDER_KEY).toString(), "--to", a.get(1), "--amount", "1",
                "--via-relayer", "http://127.0.0.1:1");
        assertThat(deadRelayer.status()).isEqualTo(1);
        assertThat(deadRelayer.err().lines()).singleElement().asString()
                .startsWith("stele points transfer: the relayer at http://127.0.0.1:1 cannot be reached (");
    }
}
