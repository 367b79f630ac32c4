package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void userAndSystemTicksAreReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";

        assertThat(ProcessCpu.parseTicks(stat)).hasValue(1234 + 567);
    }

    @Test
    void aTruncatedOrForeignLineGivesNothing() {
        assertThat(ProcessCpu.parseTicks("4242 (java) S 1 2")).isEmpty();
        assertThat(ProcessCpu.parseTicks("no parentheses here")).isEmpty();
    }

    @Test
    void thisProcessHasUsedSomeCpu() {
        assertThat(ProcessCpu.ticks(ProcessHandle.current().pid())).isPresent();
    }
}
