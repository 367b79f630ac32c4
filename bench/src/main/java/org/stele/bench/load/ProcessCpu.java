package org.stele.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Another process's CPU time (user plus system) from {@code /proc/PID/stat}, in clock ticks of 1/100 s, the
 * {@code USER_HZ} of every Linux on x86 and ARM.
 */
public final class ProcessCpu {
    /** Clock ticks per second in {@code /proc/PID/stat}. */
    public static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU ticks used so far by {@code pid}, or empty when it is gone. */
    public static OptionalLong ticks(long pid) {
        try {
            return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * utime + stime from the text of a {@code /proc/PID/stat} file: fields 14 and 15, counted after the command name,
     * which is in parentheses and may itself hold spaces.
     */
    static OptionalLong parseTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0)
            return OptionalLong.empty();
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3]
        if (f.length < 13)
            return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * CPU ticks used so far by each live thread of {@code pid}, keyed by thread id and name ({@code /proc/PID/task}):
     * taken at both ends of a window, {@link #byKind} tells which threads of the process used its CPU.
     */
    public static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open) continue;
                    OptionalLong t = parseTicks(stat);
                    if (t.isPresent())
                        ticks.put(task.getFileName() + "/" + stat.substring(open + 1, close), t.getAsLong());
                } catch (IOException e) {
                    // the thread ended meanwhile: its ticks are left out (and so counted as "ended" by byKind)
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process is gone: no threads
        }
        return ticks;
    }

    /**
     * The ticks each kind of thread used between {@code before} and {@code after} ({@link #threadTicks}), kinds being
     * thread names without their numbers (the JIT's "C2 CompilerThre", the virtual threads' carriers
     * "ForkJoinPool-worker", ...), largest first; threads that ended within the window are left out.
     */
    public static List<Map.Entry<String, Long>> byKind(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> kinds = new HashMap<>();
        after.forEach((key, end) -> {
            long used = end - before.getOrDefault(key, 0L);
            String name = key.substring(key.indexOf('/') + 1).replaceAll("[-#]?\\d+", "").trim();
            kinds.merge(name, used, Long::sum);
        });
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(kinds.entrySet());
        sorted.removeIf(e -> e.getValue() <= 0);
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return sorted;
    }
}
