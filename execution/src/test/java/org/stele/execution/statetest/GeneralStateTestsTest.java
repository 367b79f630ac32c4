package org.stele.execution.statetest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stele.common.Fork;

/**
 * Runs every Cancun case of the shared {@code GeneralStateTests} through the real processor, world state and trie.
 * The bar is the number of cases known to pass, raised as the EVM fills in; failures are printed grouped by cause.
 */
class GeneralStateTestsTest {
    /** Cases that pass today; a regression below this fails the build. */
    private static final int MIN_PASSED = 17_525;
    /** The bar: at least 99.5 % of the Cancun cases run. */
    private static final double MIN_PASS_RATE = 0.995;
    /**
     * {@code stTimeConsuming/CALLBlake2f_MaxRounds} asks BLAKE2 F for 2^32 - 1 rounds, minutes of CPU on its own; it is
     * left to {@code stele evm statetest}, which runs every case.
     */
    static final java.util.regex.Pattern SKIP_SLOW = java.util.regex.Pattern.compile("^(?!CALLBlake2f_MaxRounds$)");

    static Path sharedDir() {
        String prop = System.getProperty("stele.shared.dir");
        Path dir = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        return dir.toAbsolutePath().normalize();
    }

    @Test
    void cancunStateTestsPassAtTheCurrentBar() {
        Path fixtures = sharedDir().resolve("ethereum-tests").resolve("GeneralStateTests");
        assertThat(Files.isDirectory(fixtures)).as("fixtures at %s", fixtures).isTrue();
        StateTestRunner runner = new StateTestRunner(Fork.CANCUN, SKIP_SLOW);
        List<StateTestResult> failures = new ArrayList<>();
        StateTestRunner.Summary summary = runner.run(StateTestRunner.fixtureFiles(List.of(fixtures)),
                Runtime.getRuntime().availableProcessors(), r -> {
                    if (!r.pass())
                        failures.add(r);
                });
        Map<String, Integer> byCause = new TreeMap<>();
        for (StateTestResult f : failures) {
            String cause = f.error() == null ? "?" : f.error().replaceAll("0x[0-9a-f]+", "0x…").replaceAll("\\d+", "N");
            byCause.merge(cause.length() > 120 ? cause.substring(0, 120) : cause, 1, Integer::sum);
        }
        System.out.printf("Cancun state tests: passed=%d failed=%d total=%d (%.2f%%)%n", summary.passed(),
                summary.failed(), summary.total(), 100.0 * summary.passed() / Math.max(1, summary.total()));
        byCause.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
        for (StateTestResult f : failures)
            System.out.println("FAIL " + f.file() + " " + f.label() + ": " + f.error());
        assertThat(summary.total()).as("Cancun cases found").isGreaterThan(17_000);
        assertThat((double) summary.passed() / summary.total()).as("Cancun pass rate")
                .isGreaterThanOrEqualTo(MIN_PASS_RATE);
        assertThat(summary.passed()).as("Cancun cases passing (see the output for the failures)")
                .isGreaterThanOrEqualTo(MIN_PASSED);
    }
}
