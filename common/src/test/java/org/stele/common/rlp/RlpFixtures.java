package org.stele.common.rlp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared Ethereum fixtures are: the surefire property {@code stele.shared.dir}, else {@code ../shared}. */
final class RlpFixtures {
    private RlpFixtures() {
    }

    static Path rlpTests() {
        String configured = System.getProperty("stele.shared.dir");
        Path shared = configured != null ? Path.of(configured) : locateFromWorkingDirectory();
        Path dir = shared.resolve("ethereum-tests").resolve("RLPTests");
        if (!Files.isDirectory(dir))
            throw new IllegalStateException("RLP fixtures not found at " + dir.toAbsolutePath());
        return dir;
    }

    /** Walks up from the module directory to the repository root and looks beside it. */
    private static Path locateFromWorkingDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("../shared/ethereum-tests")))
                return dir.resolve("../shared").normalize();
            dir = dir.getParent();
        }
        return Path.of("../shared");
    }
}
