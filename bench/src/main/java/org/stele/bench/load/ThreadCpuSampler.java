package org.stele.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another process's CPU time over a window, by thread group, from {@code /proc/PID/task/TID/stat}: what share went to
 * a JVM's JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}), its collector, or the node's own
 * threads. Threads are sampled at a fixed period because a JVM stops idle compiler threads, and a thread that has
 * exited takes its CPU time with it; a thread first seen after the window opened counts from zero.
 */
public final class ThreadCpuSampler implements AutoCloseable {
    private final long pid;
    private final ScheduledExecutorService timer;
    /** Per thread id: its group, its ticks when the window opened (or 0 if born later) and its last ticks. */
    private final Map<String, long[]> first = new HashMap<>();
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private boolean opened;

    public ThreadCpuSampler(long pid, long periodMillis) {
        this.pid = pid;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "thread-cpu-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * A thread's group: its name as the kernel keeps it (15 characters) without the trailing numbers and separators
     * that tell a pool's threads apart, so {@code rpc-verify-0} and {@code rpc-verify-1} add up.
     */
    static String group(String threadName) {
        return threadName.replaceAll("[-#_\\s\\d]+$", "").trim();
    }

    /** The thread name in a {@code /proc/PID/task/TID/stat} line: between the first '(' and the last ')'. */
    static String threadName(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        return open < 0 || close < open ? "" : stat.substring(open + 1, close);
    }

    private void sample() {
        Map<String, Long> now = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    OptionalLong ticks = ProcessCpu.parseTicks(stat);
                    if (ticks.isPresent()) {
                        String tid = task.getFileName().toString();
                        now.put(tid, ticks.getAsLong());
                        names.put(tid, group(threadName(stat)));
                    }
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return; // the process may have exited; the samples so far stand
        }
        record(now, names);
    }

    private synchronized void record(Map<String, Long> now, Map<String, String> names) {
        for (var e : now.entrySet()) {
            String tid = e.getKey();
            if (!first.containsKey(tid))
                first.put(tid, new long[]{opened ? 0 : e.getValue()});
            last.put(tid, e.getValue());
            groups.put(tid, names.get(tid));
        }
        opened = true;
    }

    /** CPU ticks per thread group since the first sample, largest first. */
    public synchronized Map<String, Long> ticksByGroup() {
        Map<String, Long> sums = new HashMap<>();
        for (var e : last.entrySet())
            sums.merge(groups.get(e.getKey()), e.getValue() - first.get(e.getKey())[0], Long::sum);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(sums.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * One line per group with a share of at least 1%, after the total and the CPU per confirmed transaction; empty
     * when nothing was sampled.
     */
    public String format(long confirmed) {
        Map<String, Long> byGroup = ticksByGroup();
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0)
            return "";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "node CPU       %.2f s over the measured window (%s), by thread:%n",
                total / (double) ProcessCpu.TICKS_PER_SECOND,
                confirmed == 0
                        ? "no confirmed transactions"
                        : String.format(Locale.ROOT,
                                "%.0f us per confirmed transaction",
                                total * 1e6 / ProcessCpu.TICKS_PER_SECOND / confirmed)));
        for (var e : byGroup.entrySet())
            if (e.getValue() * 100 >= total)
                s.append(String.format(Locale.ROOT, "  %-16s %6.2f s %5.1f%%%n", e.getKey(),
                        e.getValue() / (double) ProcessCpu.TICKS_PER_SECOND, 100.0 * e.getValue() / total));
        return s.toString();
    }

    /** Takes a last sample, which closes the window, and stops sampling. */
    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }
}
