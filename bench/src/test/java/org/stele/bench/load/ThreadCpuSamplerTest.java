package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadCpuSamplerTest {

    @Test
    void threadsOfOnePoolFallIntoOneGroupAndCompilerThreadsKeepTheirName() {
        assertThat(ThreadCpuSampler.group("rpc-verify-0")).isEqualTo("rpc-verify");
        assertThat(ThreadCpuSampler.group("rpc-verify-11")).isEqualTo("rpc-verify");
        assertThat(ThreadCpuSampler.group("ForkJoinPool-1-")).isEqualTo("ForkJoinPool");
        assertThat(ThreadCpuSampler.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(ThreadCpuSampler.group("stele-sealer")).isEqualTo("stele-sealer");
    }

    @Test
    void theThreadNameIsReadBetweenTheFirstAndTheLastParenthesis() {
        assertThat(ThreadCpuSampler.threadName("77 (C1 (x) Compil) S 1 2 3")).isEqualTo("C1 (x) Compil");
        assertThat(ThreadCpuSampler.threadName("no parentheses")).isEmpty();
    }

    @Test
    void aBusyThreadOfThisProcessShowsUpUnderItsGroup() throws Exception {
        Thread busy = new Thread(() -> {
            // Busy until it has used 100 ms of CPU itself (ten clock ticks), however loaded the machine is.
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long x = 0;
            while (mx.getCurrentThreadCpuTime() < TimeUnit.MILLISECONDS.toNanos(100) && System.nanoTime() < until)
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
            if (x == 42)
                System.out.print("");
        }, "busy-worker-7");
        try (ThreadCpuSampler sampler = new ThreadCpuSampler(ProcessHandle.current().pid(), 50)) {
            Thread.sleep(120);
            busy.start();
            busy.join();
            sampler.close();
            assertThat(sampler.ticksByGroup()).containsKey("busy-worker");
            assertThat(sampler.ticksByGroup().get("busy-worker")).isPositive();
            assertThat(sampler.format(1000)).contains("node CPU").contains("us per confirmed transaction");
        }
    }
}
