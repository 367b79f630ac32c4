package org.stele.bench.load;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one measured run produced, and its text form. Times are nanoseconds; {@link #format()} turns them into the
 * units people quote (TPS, milliseconds, MiB).
 *
 * @param kind transfer or erc20
 * @param offeredRate offered transactions per second, 0 for as fast as possible
 * @param submitted transactions sent in {@code eth_sendRawTransaction} calls
 * @param rejected per error message, how many submissions the node answered with an error
 * @param confirmed accepted transactions seen in a block
 * @param firstSubmitToLastSubmitNanos how long submitting took
 * @param firstSubmitToLastConfirmationNanos the window confirmed TPS is computed over (0 if nothing confirmed)
 * @param latencyNanos submit-to-inclusion latency of every confirmed transaction
 * @param blocks blocks that carried at least one measured transaction
 * @param receiptsChecked receipts fetched with {@code eth_getTransactionReceipt}
 * @param receiptFailures checked receipts that were missing or had a status other than 1
 * @param rssKib resident memory samples of the watched process, if one was given
 * @param generatorCpuNanos CPU time the generator's own process used from the first submission to the end
 */
public record LoadReport(String kind, int senders, int batchSize, double offeredRate, long submitted,
        SortedMap<String, Long> rejected, long confirmed, long firstSubmitToLastSubmitNanos,
        long firstSubmitToLastConfirmationNanos, Percentiles latencyNanos, long blocks, long receiptsChecked,
        long receiptFailures, Optional<RssSamples> rssKib, long generatorCpuNanos) {

    public LoadReport {
        rejected = new TreeMap<>(rejected);
    }

    /** Peak and mean of the resident-memory samples. */
    public record RssSamples(long pid, long peakKib, long meanKib, int samples) {}

    public long rejectedCount() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Accepted by the node but not seen in a block before the run gave up waiting. */
    public long unconfirmed() {
        return submitted - rejectedCount() - confirmed;
    }

    /** Confirmed transactions per second from the first submission to the last confirmation. */
    public double confirmedTps() {
        if (confirmed == 0 || firstSubmitToLastConfirmationNanos <= 0)
            return 0;
        return confirmed * 1e9 / firstSubmitToLastConfirmationNanos;
    }

    /** The rate the submitter actually achieved, which falls short of the offered rate when the node is slow. */
    public double submittedTps() {
        if (submitted <= 1 || firstSubmitToLastSubmitNanos <= 0)
            return 0;
        return (submitted - 1) * 1e9 / firstSubmitToLastSubmitNanos;
    }

    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "kind=%s senders=%d batch=%d offered=%s%n", kind, senders, batchSize,
                offeredRate == 0 ? "unlimited" : String.format(Locale.ROOT, "%.0f tx/s", offeredRate)));
        s.append(String.format(Locale.ROOT, "submitted      %d in %.2f s (%.0f tx/s)%n", submitted,
                firstSubmitToLastSubmitNanos / 1e9, submittedTps()));
        s.append(String.format(Locale.ROOT, "confirmed      %d in %d blocks, %.2f s from first submit%n", confirmed,
                blocks, firstSubmitToLastConfirmationNanos / 1e9));
        s.append(String.format(Locale.ROOT, "confirmed TPS  %.0f%n", confirmedTps()));
        if (latencyNanos.count() > 0)
            s.append(String.format(Locale.ROOT, "latency ms     p50 %s  p90 %s  p99 %s  max %s%n",
                    millis(latencyNanos.percentile(50)), millis(latencyNanos.percentile(90)),
                    millis(latencyNanos.percentile(99)), millis(latencyNanos.max())));
        else
            s.append("latency ms     (no confirmed transactions)\n");
        s.append(String.format(Locale.ROOT, "rejected       %d%n", rejectedCount()));
        for (Map.Entry<String, Long> e : rejected.entrySet())
            s.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
        s.append(String.format(Locale.ROOT, "unconfirmed    %d%n", unconfirmed()));
        s.append(String.format(Locale.ROOT, "receipts       %d checked, %d failed (missing or status != 1)%n",
                receiptsChecked, receiptFailures));
        rssKib.ifPresent(
                r -> s.append(String.format(Locale.ROOT, "RSS pid %d     peak %.1f MiB, mean %.1f MiB (%d samples)%n",
                        r.pid(), r.peakKib() / 1024.0, r.meanKib() / 1024.0, r.samples())));
        if (firstSubmitToLastConfirmationNanos > 0)
            s.append(String.format(Locale.ROOT, "generator CPU  %.1f s (%.2f cores over the measured window)%n",
                    generatorCpuNanos / 1e9, (double) generatorCpuNanos / firstSubmitToLastConfirmationNanos));
        return s.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }
}
