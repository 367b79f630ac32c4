package org.stele.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the nodes of a network ended a run: whether they name the same block at the height all of them reached, how
 * many heads their subscriptions announced with different hashes for one number, and each node's CPU and memory over
 * the measured window.
 *
 * @param commonHeight    the lowest head among the nodes at the end
 * @param hashes          each node's hash at {@code commonHeight}, in node order
 * @param headsCompared   block numbers that every node's subscription announced
 * @param headsDisagreeing of those, numbers for which two nodes announced different hashes
 * @param nodes           per node, in node order
 * @param windowNanos     the measured window CPU time is divided by
 * @param finalTransactions measured transactions found final, which the nodes' CPU time is also divided by
 */
public record NetworkSummary(long commonHeight, List<String> hashes, int headsCompared, int headsDisagreeing,
        List<Node> nodes, long windowNanos, long finalTransactions) {

    public NetworkSummary {
        hashes = List.copyOf(hashes);
        nodes = List.copyOf(nodes);
    }

    /** One node's figures: its head at the end, the CPU time it used in the window, its resident memory. */
    public record Node(String rpc, long head, Optional<Long> pid, Optional<Long> cpuTicks,
            Optional<LoadReport.RssSamples> rss) {}

    /** True when every node holds the same block at the common height and no announced head differed. */
    public boolean agree() {
        return headsDisagreeing == 0 && !hashes.isEmpty() && hashes.stream().distinct().count() == 1;
    }

    /**
     * CPU milliseconds all nodes together spent per final transaction in the window: a figure that other load on the
     * machine inflates less than wall-clock rates do. Empty when a node's CPU time is unknown or nothing was final.
     */
    public java.util.OptionalDouble cpuMillisPerTransaction() {
        if (finalTransactions == 0 || nodes.stream().anyMatch(n -> n.cpuTicks().isEmpty()))
            return java.util.OptionalDouble.empty();
        long ticks = nodes.stream().mapToLong(n -> n.cpuTicks().get()).sum();
        return java.util.OptionalDouble.of(ticks * 1000.0 / ProcessCpu.TICKS_PER_SECOND / finalTransactions);
    }

    public String format() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "agreement      %s: %d nodes at height %d, hash %s; %d heads compared, %d differ%n",
                agree() ? "yes" : "NO", nodes.size(), commonHeight,
                hashes.stream().distinct().count() == 1 ? hashes.getFirst() : String.join(" / ", hashes),
                headsCompared, headsDisagreeing));
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String cpu = n.cpuTicks().filter(t -> windowNanos > 0)
                    .map(t -> String.format(Locale.ROOT, "%.2f cores",
                            t * 1e9 / ProcessCpu.TICKS_PER_SECOND / windowNanos))
                    .orElse("cpu n/a");
            String rss = n.rss().map(r -> String.format(Locale.ROOT, "RSS peak %.0f MiB mean %.0f MiB",
                    r.peakKib() / 1024.0, r.meanKib() / 1024.0)).orElse("RSS n/a");
            s.append(String.format(Locale.ROOT, "node %d         head %d  %s  %s  (%s%s)%n", i + 1, n.head(), cpu, rss,
                    n.rpc(), n.pid().map(p -> ", pid " + p).orElse("")));
        }
        cpuMillisPerTransaction().ifPresent(ms -> s.append(
                String.format(Locale.ROOT, "node CPU       %.2f ms per final transaction, all nodes together%n", ms)));
        return s.toString();
    }
}
