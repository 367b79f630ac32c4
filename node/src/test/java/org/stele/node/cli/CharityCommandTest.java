package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.node.devnode.TestDevNode;

/** {@code stele charity}, each subcommand as a user runs it, against a dev node in this process. */
class CharityCommandTest {
    @TempDir
    Path dir;
    private TestDevNode node;
    private String rpc;
    private List<String> a;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("chain"), 6);
        rpc = node.rpc();
        a = node.addresses();
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private CliRun run(String... args) {
        return new AppCommands("charity", rpc).run(args);
    }

    private String ok(String... args) {
        return new AppCommands("charity", rpc).ok(args);
    }

    @Test
    void aCampaignRunsFromTheCommandLineAndItsReceiptVerifiesOffline() throws Exception {
        String c = ok("deploy", "--from", a.get(0));
        assertThat(ok("org", "--contract", c, "--from", a.get(0), "--admin", a.get(1), "--name", "Relief Org"))
                .isEqualTo("1");
        assertThat(ok("campaign", "--contract", c, "--from", a.get(1), "--org", "1", "--title", "Flood relief",
                "--goal", "150", "--beneficiary", a.get(4) + "=Clinic A", "--beneficiary", a.get(5) + "=School B"))
                .isEqualTo("1");
        String donation = ok("donate", "--contract", c, "--from", a.get(2), "--campaign", "1", "--amount", "100");
        ok("donate", "--contract", c, "--from", a.get(3), "--campaign", "1", "--amount", "50");
        Path evidence = Files.writeString(dir.resolve("invoice.txt"), "Invoice 1");
        assertThat(ok("disburse", "--contract", c, "--from", a.get(1), "--campaign", "1", "--to", a.get(4),
                "--amount", "60", "--evidence", evidence.toString(), "--uri", "https://relief.example/1"))
                .isEqualTo("1");
        ok("disburse", "--contract", c, "--from", a.get(1), "--campaign", "1", "--to", a.get(5), "--amount", "70",
                "--evidence-hash", "0x" + "ab".repeat(32), "--uri", "https://relief.example/2");
        ok("confirm", "--contract", c, "--from", a.get(4), "--disbursement", "1");

        assertThat(ok("track", "--contract", c, a.get(2))).startsWith("Donation #1 to campaign 1 by " + a.get(2))
                .contains(": 100: 60 delivered to Clinic A (confirmed by Clinic A on ")
                .endsWith(", 40 pending for School B.");
        assertThat(ok("track", "--contract", c, donation)).contains("by " + a.get(2));

        Path receipt = dir.resolve("receipt.json");
        assertThat(ok("receipt", "--contract", c, donation, "-o", receipt.toString())).contains("(Donated)");
        Path genesis = node.genesisFile();
        node.close();
        node = null;
        CliRun verified = CliRun.of("proof", "verify", receipt.toString(), "--genesis", genesis.toString());
        assertThat(verified.status()).as(verified.out()).isZero();
        assertThat(verified.out()).startsWith("VERIFIED: transaction " + donation);
    }

    @Test
    void aRefusalIsNamedByItsCustomErrorAndABadArgumentInOneLine() {
        String c = ok("deploy", "--from", a.get(0));
        CliRun refused = run("org", "--contract", c, "--from", a.get(3), "--admin", a.get(1), "--name", "Mine");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("stele charity org: refused: AccessControlUnauthorizedAccount("
                + a.get(3) + ", 0x97667070c54ef182b0f5858b034beac1b6f3089aa2d3188bb1e8929f4fa9b929)");
        CliRun bad = run("donate", "--contract", c, "--from", a.get(3), "--campaign", "1", "--amount", "1.2.3");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err().strip())
                .isEqualTo("stele charity donate: \"1.2.3\" is not an amount of coins (up to 18 decimals)");
        CliRun unknown = run("donate", "--contract", c, "--from", a.get(3), "--campaign", "7", "--amount", "1");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("stele charity donate: refused: UnknownCampaign(7)");
    }
}
