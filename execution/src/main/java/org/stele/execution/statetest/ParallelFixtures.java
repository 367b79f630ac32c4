package org.stele.execution.statetest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs fixture files on a pool of threads with deep stacks and hands the results on in file order, whatever the
 * thread count, so that a run's output is reproducible. Shared by the state-test and blockchain-test runners.
 */
public final class ParallelFixtures {
    /** The EVM keeps call frames on its own stack, but parsing and tries still recurse. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private ParallelFixtures() {
    }

    public static <R> void run(List<Path> files, int threads, String threadName, Function<Path, List<R>> perFile,
            Consumer<R> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, threadName, STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<R>>> futures = new ArrayList<>(files.size());
            for (Path f : files)
                futures.add(pool.submit(() -> perFile.apply(f)));
            for (Future<List<R>> future : futures)
                await(future, threadName).forEach(sink);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> List<R> await(Future<List<R>> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a " + what + " worker failed", e.getCause());
        }
    }
}
