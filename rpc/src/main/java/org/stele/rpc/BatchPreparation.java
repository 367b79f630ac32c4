package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs the {@link PreparedRpcMethod#prepare} step of a batch's calls in parallel, on one pool of as many threads as
 * the machine has cores, shared by every connection (so batches arriving together share the cores rather than each
 * taking them all). The calls are cut into a few slices per thread, enough to keep every core busy without paying a
 * task per call.
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

    /** One call of the batch that a {@link PreparedRpcMethod} answers. */
    record Job(PreparedRpcMethod<?> method, Params params) {
        Prepared run() {
            try {
                return new Prepared(method.prepare(params), null);
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
     * more of them.
     */
    static Prepared[] prepare(Job[] jobs) {
        Prepared[] out = new Prepared[jobs.length];
        int count = 0;
        for (Job j : jobs) if (j != null) count++;
        if (count < 2 || THREADS < 2) {
            for (int i = 0; i < jobs.length; i++) if (jobs[i] != null) out[i] = jobs[i].run();
            return out;
        }
        int slices = Math.min(count, THREADS * 4);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int slice = s;
            tasks.add(POOL.submit(() -> {
                for (int i = slice; i < jobs.length; i += slices) if (jobs[i] != null) out[i] = jobs[i].run();
            }));
        }
        for (ForkJoinTask<?> t : tasks) t.join();
        return out;
    }

    /** The job for a batch entry, or null when the entry is not a well-formed call of a {@link PreparedRpcMethod}. */
    static Job jobFor(JsonNode call, RpcMethodRegistry methods) {
        if (!call.isObject()) return null;
        JsonNode name = call.get("method");
        JsonNode params = call.get("params");
        if (name == null || !name.isTextual() || params == null || !params.isArray()) return null;
        return methods.find(name.textValue()).filter(m -> m instanceof PreparedRpcMethod<?>)
                .map(m -> new Job((PreparedRpcMethod<?>) m, new Params((ArrayNode) params)))
                .orElse(null);
    }
}
