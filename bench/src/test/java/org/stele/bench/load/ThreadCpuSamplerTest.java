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
    void aThreadBornInsideTheWindowAndAliveAtItsCloseShowsUpUnderItsGroup() throws Exception {
        try (ThreadCpuSampler sampler = new ThreadCpuSampler(ProcessHandle.current().pid())) {
            assertThat(sampler.ticksByGroup()).as("nothing before the window closes").isEmpty();
            java.util.concurrent.CountDownLatch burnt = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread keeper = new Thread(() -> {
                burn(100);
                burnt.countDown();
                try {
                    release.await(); // still alive when the window closes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kept-worker-3");
            keeper.setDaemon(true);
            keeper.start();
            burnt.await();
            sampler.close();
            assertThat(sampler.ticksByGroup().get("kept-worker")).isPositive();
            assertThat(sampler.format(1000)).contains("node CPU").contains("us per confirmed transaction");
            release.countDown();
        }
    }

    @Test
    void aThreadThatEndsInsideTheWindowIsCountedAsEnded() throws Exception {
        try (ThreadCpuSampler sampler = new ThreadCpuSampler(ProcessHandle.current().pid())) {
            Thread shortLived = new Thread(() -> burn(200), "short-lived-1");
            shortLived.start();
            shortLived.join();
            sampler.close();
            assertThat(sampler.ticksByGroup()).doesNotContainKey("short-lived");
            // The process's total keeps what the ended thread used: 200 ms is 20 ticks, some may fall before or after.
            assertThat(sampler.ticksByGroup().get(ThreadCpuSampler.ENDED)).isGreaterThanOrEqualTo(10L);
        }
    }

    /** Busy until the calling thread has used {@code millis} of CPU itself, however loaded the machine is. */
    private static void burn(long millis) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long x = 0;
        while (mx.getCurrentThreadCpuTime() < TimeUnit.MILLISECONDS.toNanos(millis) && System.nanoTime() < until)
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        if (x == 42)
            System.out.print("");
    }
}
