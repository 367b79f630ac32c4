package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RssSamplerTest {

    @Test
    void vmRssIsReadInKibFromProcStatusText() {
        String status = "Name:\tanvil\nVmPeak:\t  900000 kB\nVmRSS:\t   34816 kB\nThreads:\t5\n";
        assertThat(RssSampler.parseVmRssKib(status)).contains(34816L);
    }

    @Test
    void aStatusWithoutVmRssGivesNothing() {
        assertThat(RssSampler.parseVmRssKib("Name:\tzombie\nState:\tZ (zombie)\n")).isEmpty();
    }
}
