package org.stele.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
