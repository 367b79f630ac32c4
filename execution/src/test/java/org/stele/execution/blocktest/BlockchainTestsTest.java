package org.stele.execution.blocktest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stele.execution.statetest.StateTestRunner;

/**
 * Runs every Cancun case of the shared {@code BlockchainTests} (valid and invalid blocks) through the importer, as
 * {@code stele evm blocktest} does. Every case must pass except the known failures below; the failures are printed
 * with their reasons.
 */
class BlockchainTestsTest {
    /**
     * Cases known to fail, each with its reason in {@code docs/conformance.md}; none today. A case that starts passing
     * must leave this set, so that it cannot regress unnoticed.
     */
    private static final Set<String> KNOWN_FAILURES = Set.of();

    static Path sharedDir() {
        String prop = System.getProperty("stele.shared.dir");
        Path dir = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        return dir.toAbsolutePath().normalize();
    }

    @Test
    void everySharedCancunBlockchainTestPasses() {
        Path fixtures = sharedDir().resolve("ethereum-tests").resolve("BlockchainTests");
        assertThat(Files.isDirectory(fixtures)).as("fixtures at %s", fixtures).isTrue();
        List<BlockTestResult> failures = new ArrayList<>();
        BlockTestRunner.Summary summary = new BlockTestRunner(null).run(
                StateTestRunner.fixtureFiles(List.of(fixtures)), Runtime.getRuntime().availableProcessors(), r -> {
                    if (!r.pass())
                        failures.add(r);
                });
        for (BlockTestResult f : failures)
            System.out.println("FAIL " + f.file() + " " + f.name() + ": " + f.error());
        System.out.printf("Cancun blockchain tests: passed=%d failed=%d%n", summary.passed(), summary.failed());
        assertThat(summary.passed() + summary.failed()).as("Cancun cases found").isEqualTo(458);
        assertThat(failures).extracting(BlockTestResult::name).as("failing cases (see the output)")
                .containsExactlyInAnyOrderElementsOf(KNOWN_FAILURES);
    }
}
