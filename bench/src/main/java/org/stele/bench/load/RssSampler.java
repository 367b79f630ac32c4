package org.stele.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples another process's resident memory ({@code VmRSS} in {@code /proc/PID/status}) at a fixed period. */
public final class RssSampler implements AutoCloseable {
    private final long pid;
    private final ScheduledExecutorService timer;
    private long peak;
    private long sum;
    private int samples;

    public RssSampler(long pid, long periodMillis) {
        this.pid = pid;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** VmRSS in KiB from the text of a {@code /proc/PID/status} file, if it has that line. */
    public static Optional<Long> parseVmRssKib(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                try {
                    return Optional.of(Long.parseLong(parts[0]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private void sample() {
        try {
            parseVmRssKib(Files.readString(Path.of("/proc", Long.toString(pid), "status"))).ifPresent(this::record);
        } catch (IOException e) {
            // The process may have exited; the samples so far stand.
        }
    }

    private synchronized void record(long kib) {
        peak = Math.max(peak, kib);
        sum += kib;
        samples++;
    }

    public synchronized Optional<LoadReport.RssSamples> result() {
        if (samples == 0)
            return Optional.empty();
        return Optional.of(new LoadReport.RssSamples(pid, peak, sum / samples, samples));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
