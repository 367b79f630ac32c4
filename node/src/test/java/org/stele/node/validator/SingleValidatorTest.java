package org.stele.node.validator;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleValidatorTest {
    @Test
    void aLoneValidatorSealsAnEmptyBlockEveryEmptyBlockPeriodOfTheGenesisThatNetworkInitWrites(@TempDir Path dir)
            throws Exception {
        try (TestNetwork net = new TestNetwork(dir, 1)) {
            net.genesisTimings = true;
            net.startAll();
            // emptyblockperiodseconds is 5: the first block comes after about 5 s, with nothing to include.
            net.awaitHeads(1, Duration.ofSeconds(30), 0);
        }
    }
}
