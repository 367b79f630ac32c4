package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code stele} command line as a user runs it: arguments in, printed lines and exit status out. */
class CommandLineTest {
    private static final Path FIXTURE = Path.of(System.getProperty("stele.shared.dir", "../../shared"),
            "ethereum-tests/GeneralStateTests/VMTests/vmArithmeticTest/add.json");

    private static final Path BLOCK_FIXTURE = Path.of(System.getProperty("stele.shared.dir", "../../shared"),
            "ethereum-tests/BlockchainTests/ValidBlocks/bcExample/basefeeExample.json");

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = new CommandLine(new SteleCommand()).execute(args);
            System.out.flush();
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void versionNamesTheReleaseTheCommitAndTheJdk() {
        Run r = run("version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Stele ").contains("commit ").contains("JDK " + Runtime.version().feature());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.out()).contains("version", "dev", "evm", "consensus");
    }

    @Test
    void statetestPrintsALineACaseAndASummaryAndSucceedsWhenAllPass(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURE, dir.resolve("add.json"));
        Run r = run("evm", "statetest", dir.toString());
        assertThat(r.status()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[0]).startsWith("{\"name\":\"add\",\"fork\":\"Cancun\",\"index\":{").contains("\"pass\":true");
        assertThat(lines[lines.length - 1]).isEqualTo(lines.length - 1 + " passed, 0 failed");
    }

    @Test
    void statetestFailsWhenACaseDoesNotMatchItsExpectedRoot(@TempDir Path dir) throws Exception {
        String text = Files.readString(FIXTURE);
        // Corrupt every expected post-state root: the runner must notice.
        Files.writeString(dir.resolve("add.json"), text.replaceAll("\"hash\" : \"0x[0-9a-f]{2}", "\"hash\" : \"0x00"));
        Run r = run("evm", "statetest", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("\"pass\":false").containsPattern("0 passed, [1-9][0-9]* failed");
    }

    @Test
    void statetestExplainsABadPathOrForkAndExitsWithTwo(@TempDir Path dir) {
        assertThat(run("evm", "statetest", dir.resolve("missing.json").toString()).status()).isEqualTo(2);
        Run bad = run("evm", "statetest", "--fork", "Atlantis", FIXTURE.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("Atlantis");
    }

    @Test
    void blocktestPrintsALineACaseAndItsSummaryOnStderrAndSucceedsWhenAllPass(@TempDir Path dir) throws Exception {
        Files.copy(BLOCK_FIXTURE, dir.resolve("basefeeExample.json"));
        Run r = run("evm", "blocktest", dir.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo(
                "{\"name\":\"basefeeExample_Cancun\",\"pass\":true,\"fork\":\"Cancun\",\"error\":null}");
        assertThat(r.err().strip()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void blocktestFailsWhenTheHeadIsNotTheExpectedLastBlock(@TempDir Path dir) throws Exception {
        String text = Files.readString(BLOCK_FIXTURE);
        Files.writeString(dir.resolve("basefeeExample.json"),
                text.replaceAll("\"lastblockhash\" : \"0x[0-9a-f]{2}", "\"lastblockhash\" : \"0x00"));
        Run r = run("evm", "blocktest", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("\"pass\":false").contains("expected 0x00");
        assertThat(r.err()).contains("0 passed, 1 failed");
    }
}
