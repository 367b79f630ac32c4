package org.stele.consensus.qbft;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/qbft-tests} through the {@code stele.shared.dir} property or relative to the build. */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    public static Path qbftTests() {
        String dir = System.getProperty("stele.shared.dir");
        if (dir != null && Files.isDirectory(Path.of(dir, "qbft-tests")))
            return Path.of(dir, "qbft-tests");
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("qbft-tests");
            if (Files.isDirectory(candidate))
                return candidate;
        }
        throw new IllegalStateException("../shared/qbft-tests not found; set -Dstele.shared.dir");
    }
}
