package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the {@link PreparedRpcMethod#prepare} step of a batch's calls in parallel, on one pool of as many threads as
 * the machine has cores, shared by every connection (so batches arriving together share the cores rather than each
 * taking them all). The calling thread prepares calls too, and the calls are claimed one at a time, so no thread
 * waits on a slice another has not started.
 */
final class BatchPreparation {
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS,
            pool -> {
                var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("rpc-verify-" + t.getPoolIndex());
                return t;
            }, null, false);

    /** A prepared call: what {@code prepare} returned, or what it threw. */
    record Prepared(Object value, Throwable failure) {
        Object get() {
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
            return value;
        }
    }

    /** One call of the batch that a {@link PreparedRpcMethod} answers: its {@code prepare} step. */
    @FunctionalInterface
    interface Job {
        Object prepare();

        default Prepared run() {
            try {
                return new Prepared(prepare(), null);
            } catch (RuntimeException | Error e) {
                // kept for the call's turn: the dispatcher answers it there as it answers any failure
                return new Prepared(null, e);
            }
        }
    }

    private BatchPreparation() {
    }

    /**
     * Prepares {@code jobs} (null entries are skipped and stay null in the result), in parallel when there are two or
     * more of them. The calling thread takes part: every thread, the caller's and the pool's helpers, claims the next
     * unprepared call until none is left, so a batch that arrives while the pool is busy with another is prepared by
     * its own thread rather than waiting, and a batch costs one hand-off per helper rather than one per slice.
     */
    static Prepared[] prepare(Job[] jobs) {
        Prepared[] out = new Prepared[jobs.length];
        int count = 0;
        for (Job j : jobs) if (j != null) count++;
        if (count < 2 || THREADS < 2) {
            for (int i = 0; i < jobs.length; i++) if (jobs[i] != null) out[i] = jobs[i].run();
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable claim = () -> {
            for (int i; (i = next.getAndIncrement()) < jobs.length;) if (jobs[i] != null) out[i] = jobs[i].run();
        };
        int helpers = Math.min(count, THREADS) - 1;
        List<ForkJoinTask<?>> tasks = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) tasks.add(POOL.submit(claim));
        claim.run();
        // A helper that has not started yet finds nothing left; joining still waits for one that is mid-call.
        for (ForkJoinTask<?> t : tasks) t.join();
        return out;
    }

    /** The job for a batch entry, or null when the entry is not a well-formed call of a {@link PreparedRpcMethod}. */
    static Job jobFor(JsonNode call, RpcMethodRegistry methods) {
        if (!call.isObject()) return null;
        JsonNode name = call.get("method");
        JsonNode params = call.get("params");
        if (name == null || !name.isTextual() || params == null || !params.isArray()) return null;
        Params p = new Params((ArrayNode) params);
        return methods.find(name.textValue()).filter(m -> m instanceof PreparedRpcMethod<?>)
                .map(m -> (Job) () -> ((PreparedRpcMethod<?>) m).prepare(p))
                .orElse(null);
    }
}
