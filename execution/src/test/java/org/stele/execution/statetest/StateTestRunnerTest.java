package org.stele.execution.statetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Fork;

class StateTestRunnerTest {
    private static final Path ADD11 = GeneralStateTestsTest.sharedDir()
            .resolve("ethereum-tests/GeneralStateTests/stExample/add11.json");

    private static List<StateTestResult> run(StateTestRunner runner, Path... paths) {
        List<StateTestResult> out = new ArrayList<>();
        runner.run(StateTestRunner.fixtureFiles(List.of(paths)), 1, out::add);
        return out;
    }

    @Test
    void aReferenceFixturePassesAndPrintsOneJsonLine() throws Exception {
        List<StateTestResult> results = run(new StateTestRunner(Fork.CANCUN, null), ADD11);
        assertThat(results).hasSize(1);
        StateTestResult r = results.get(0);
        assertThat(r.pass()).as(r.toJson()).isTrue();
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.get("name").asText()).isEqualTo("add11");
        assertThat(json.get("fork").asText()).isEqualTo("Cancun");
        assertThat(json.get("index").get("data").asInt()).isZero();
        assertThat(json.get("stateRoot").asText())
                .isEqualTo("0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530");
        assertThat(json.get("logsHash").asText()).isEqualTo(StateTestRunner.EMPTY_LOGS_HASH.toHex());
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(r.toJson()).doesNotContain("\n");
    }

    @Test
    void aWrongExpectedRootFailsWithBothRootsInTheError(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("add11.json");
        Files.writeString(copy, Files.readString(ADD11).replace(
                "0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530",
                "0x0000000000000000000000000000000000000000000000000000000000000001"));
        StateTestResult r = run(new StateTestRunner(Fork.CANCUN, null), dir).get(0);
        assertThat(r.pass()).isFalse();
        assertThat(r.error()).contains("0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530")
                .contains("expected 0x0000000000000000000000000000000000000000000000000000000000000001");
    }

    @Test
    void aValidTransactionWhereAnExceptionIsExpectedFails(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("add11.json");
        Files.writeString(copy, Files.readString(ADD11).replace("\"indexes\"",
                "\"expectException\" : \"TransactionException.INTRINSIC_GAS_TOO_LOW\", \"indexes\""));
        StateTestResult r = run(new StateTestRunner(Fork.CANCUN, null), dir).get(0);
        assertThat(r.pass()).isFalse();
        assertThat(r.error()).contains("INTRINSIC_GAS_TOO_LOW").contains("valid");
    }

    @Test
    void anUnreadableFileIsOneFailedResultNotACrash(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{ not json");
        List<StateTestResult> results = run(new StateTestRunner(Fork.CANCUN, null), dir);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.pass()).isFalse();
            assertThat(r.error()).contains("broken.json");
            assertThat(r.toJson()).contains("\"index\":null");
        });
    }

    @Test
    void theNameFilterAndTheForkSelectCases() {
        assertThat(run(new StateTestRunner(Fork.CANCUN, Pattern.compile("^nothing$")), ADD11)).isEmpty();
        assertThat(run(new StateTestRunner(Fork.SHANGHAI, null), ADD11)).as("add11 has no Shanghai entries").isEmpty();
    }

    @Test
    void aMissingPathIsReported() {
        assertThatThrownBy(() -> StateTestRunner.fixtureFiles(List.of(Path.of("/no/such/dir"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/no/such/dir");
    }

    @Test
    void forksTheEvmDoesNotSupportAreRefusedUpFront() {
        assertThatThrownBy(() -> new StateTestRunner(Fork.FRONTIER, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
