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
import java.util.stream.Stream;

/**
 * Other processes' CPU time over a window, by thread group, from {@code /proc/PID/task/TID/stat}: what share went to
 * a JVM's JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}), its collector, or the node's own
 * threads. {@code /proc} is read twice only, when the window opens (here) and when it closes ({@link #close()}), so
 * the nodes being measured do not share their cores with a sampler: reading every thread's file every 250 ms lowered
 * the measured rates. A thread that ends inside the window takes its CPU time out of {@code /proc/PID/task} (a JVM
 * stops idle compiler threads), but not out of the process's total in {@code /proc/PID/stat}; that part is reported
 * as {@link #ENDED}.
 */
public final class ThreadCpuSampler implements AutoCloseable {
    /** The group of the CPU time of threads that ended inside the window: the process's total less its threads'. */
    public static final String ENDED = "(ended threads)";

    private final List<Long> pids;
    private final Snapshot opened;
    private Snapshot closed;

    /** Per process: its total ticks, and per thread id its ticks and group. */
    private record Snapshot(Map<Long, Long> processTicks, Map<String, Long> threadTicks, Map<String, String> groups) {}

    /** Opens the window now for the processes {@code pids}, whose thread groups add up. */
    public ThreadCpuSampler(List<Long> pids) {
        this.pids = List.copyOf(pids);
        this.opened = snapshot();
    }

    public ThreadCpuSampler(long pid) {
        this(List.of(pid));
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

    private Snapshot snapshot() {
        Map<Long, Long> processTicks = new HashMap<>();
        Map<String, Long> threadTicks = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        for (long pid : pids) {
            OptionalLong total = ProcessCpu.ticks(pid);
            if (total.isEmpty())
                continue; // the process has exited
            processTicks.put(pid, total.getAsLong());
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        OptionalLong ticks = ProcessCpu.parseTicks(stat);
                        if (ticks.isPresent()) {
                            String tid = pid + "/" + task.getFileName();
                            threadTicks.put(tid, ticks.getAsLong());
                            groups.put(tid, group(threadName(stat)));
                        }
                    } catch (IOException e) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                processTicks.remove(pid); // the process exited while being read
            }
        }
        return new Snapshot(processTicks, threadTicks, groups);
    }

    /** CPU ticks per thread group inside the window, largest first; empty before {@link #close()}. */
    public synchronized Map<String, Long> ticksByGroup() {
        if (closed == null)
            return Map.of();
        Map<String, Long> sums = new HashMap<>();
        long threadsTotal = 0;
        for (var e : closed.threadTicks().entrySet()) {
            // a thread born inside the window counts from zero
            long used = e.getValue() - opened.threadTicks().getOrDefault(e.getKey(), 0L);
            sums.merge(closed.groups().get(e.getKey()), used, Long::sum);
            threadsTotal += used;
        }
        long processesTotal = 0;
        for (var e : closed.processTicks().entrySet()) {
            Long start = opened.processTicks().get(e.getKey());
            if (start != null)
                processesTotal += e.getValue() - start;
        }
        if (processesTotal > threadsTotal)
            sums.put(ENDED, processesTotal - threadsTotal);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(sums.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * One line per group with a share of at least 1%, after the total and the CPU per confirmed transaction; empty
     * when nothing was measured.
     */
    public String format(long confirmed) {
        Map<String, Long> byGroup = ticksByGroup();
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0)
            return "";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%s %.2f s over the measured window (%s), by thread:%n",
                pids.size() == 1 ? "node CPU      " : "nodes' CPU    ",
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

    /** Reads {@code /proc} a second time, which closes the window; later calls change nothing. */
    @Override
    public synchronized void close() {
        if (closed == null)
            closed = snapshot();
    }
}
