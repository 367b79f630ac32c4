package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code stele} command line as a user runs it: arguments in, printed lines and exit status out. */
class CommandLineTest {
    private static final Path FIXTURE = Path.of(System.getProperty("stele.shared.dir", "../../shared"),
            "ethereum-tests/GeneralStateTests/VMTests/vmArithmeticTest/add.json");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void versionNamesTheReleaseTheCommitAndTheJdk() {
        CliRun r = run("version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Stele ").contains("commit ").contains("JDK " + Runtime.version().feature());
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = run("--help");
        assertThat(r.out()).contains("version", "dev", "evm", "consensus", "keys");
    }

    @Test
    void devHelpListsEveryConfigurationKeyWithItsEnvironmentVariableAndTheOldFlagNames() {
        CliRun r = run("dev", "--help");
        assertThat(r.status()).isZero();
        for (var k : org.stele.node.devnode.DevConfig.SCHEMA.keys()) {
            assertThat(r.out()).contains("--" + k.name(), k.environmentVariable());
        }
        assertThat(r.out()).contains("--data-dir", "--port", "--host", "--config", "--reset");
    }

    @Test
    void devExplainsABadConfigurationInOneLineAndExitsWithTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dev.toml");
        Files.writeString(file, "rpc-http-prot = 1\n");
        CliRun r = run("dev", "--config", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("stele dev: " + file + ": unknown key 'rpc-http-prot'");
    }

    @Test
    void statetestPrintsALineACaseAndASummaryAndSucceedsWhenAllPass(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURE, dir.resolve("add.json"));
        CliRun r = run("evm", "statetest", dir.toString());
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
        CliRun r = run("evm", "statetest", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("\"pass\":false").containsPattern("0 passed, [1-9][0-9]* failed");
    }

    @Test
    void statetestExplainsABadPathOrForkAndExitsWithTwo(@TempDir Path dir) {
        assertThat(run("evm", "statetest", dir.resolve("missing.json").toString()).status()).isEqualTo(2);
        CliRun bad = run("evm", "statetest", "--fork", "Atlantis", FIXTURE.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("Atlantis");
    }
}
