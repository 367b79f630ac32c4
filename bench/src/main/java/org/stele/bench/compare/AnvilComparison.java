package org.stele.bench.compare;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stele.bench.evm.EvmPrograms;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.evm.BlockContext;
import org.stele.evm.Evm;
import org.stele.evm.ExecutionResult;
import org.stele.evm.InMemoryWorld;
import org.stele.evm.Message;
import org.stele.evm.TxContext;
import org.stele.evm.state.JournaledState;

/**
 * Runs each of {@link EvmPrograms} on Stele's interpreter and as an {@code eth_call} on anvil (revm), in one process
 * run, and prints two tables side by side: wall-clock medians, and mean CPU time per run (all threads of the
 * process). anvil's figures are the call's minus those of a call to a contract that only STOPs, which leaves its
 * execution time. On a machine shared with other work the CPU-time columns are the steadier ones. Outputs are compared too: a benchmark where the two EVMs
 * disagree is a bug, not a figure.
 *
 * <p>
 * Run: {@code bench/compare-anvil.sh} (installs anvil from npm and builds first).
 */
public final class AnvilComparison {
    private static final Address SENDER = Address.fromHex("0x000000000000000000000000000000000000c0de");
    private static final Address CONTRACT = Address.fromHex("0x0000000000000000000000000000000000c0ffee");
    private static final long GAS = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AnvilComparison ANVIL_BINARY [SECONDS_PER_PROGRAM [WARMUP_SECONDS]]");
            System.exit(2);
        }
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        // The JIT needs a few seconds of a program before its code settles; measuring earlier mixes in compilation.
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : Math.max(3, 2 * seconds);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process anvil = new ProcessBuilder(args[0], "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--disable-block-gas-limit", "--disable-code-size-limit",
                "--silent").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Rpc rpc = new Rpc("http://127.0.0.1:" + port);
            rpc.waitUntilUp();
            System.out.printf(Locale.ROOT, "load average before: %s; %.1f s warm-up and %.1f s measured per program%n",
                    loadAverage(), warmup, seconds);
            System.out.printf(Locale.ROOT, "%-12s %12s %12s %7s   %12s %12s %7s%n", "", "wall-clock", "median", "",
                    "CPU time", "mean", "");
            System.out.printf(Locale.ROOT, "%-12s %12s %12s %7s   %12s %12s %7s%n", "program", "stele (ms)",
                    "anvil (ms)", "ratio", "stele (ms)", "anvil (ms)", "ratio");
            Calls base = rpc.timeCalls("00", seconds, warmup, anvil.pid());
            double baseline = median(base.wallMs, 0);
            for (Map.Entry<String, byte[]> p : EvmPrograms.all().entrySet()) {
                String code = Hex.encodeNoPrefix(p.getValue());
                Run stele = runStele(p.getValue(), seconds, warmup);
                String anvilOut = rpc.call(code);
                if (!anvilOut.equalsIgnoreCase(stele.output)) {
                    System.out.printf("%-12s outputs differ: stele %s, anvil %s%n", p.getKey(), stele.output, anvilOut);
                    continue;
                }
                Calls calls = rpc.timeCalls(code, seconds, warmup, anvil.pid());
                double anvilMs = median(calls.wallMs, baseline);
                double anvilCpuMs = Math.max(0, calls.cpuMsPerCall - base.cpuMsPerCall);
                // Below a tenth of the round-trip baseline, anvil's figure is lost in the HTTP noise.
                String ratio = anvilMs < baseline / 10
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", stele.medianMs / anvilMs);
                String cpuRatio = anvilCpuMs < base.cpuMsPerCall / 10
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", stele.cpuMs / anvilCpuMs);
                System.out.printf(Locale.ROOT, "%-12s %12.3f %12.3f %7s   %12.3f %12.3f %7s%n", p.getKey(),
                        stele.medianMs, anvilMs, ratio, stele.cpuMs, anvilCpuMs, cpuRatio);
            }
            System.out.printf(Locale.ROOT, "(anvil's call to a contract that only STOPs, subtracted: %.3f ms wall-clock,"
                    + " %.3f ms CPU)%n", baseline, base.cpuMsPerCall);
            System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
        } finally {
            anvil.destroy();
        }
    }

    /** Stele's wall-clock median and mean CPU time (of the whole JVM process) per run, and its output. */
    private record Run(double medianMs, double cpuMs, String output) {}

    /** anvil's round-trip times, and the CPU time its process spent per call (all of its threads). */
    private record Calls(List<Double> wallMs, double cpuMsPerCall) {}

    /**
     * CPU time used so far by all threads of a process, in nanoseconds, from {@code /proc/PID/task/*}{@code /schedstat}.
     * Unlike wall-clock time it does not grow when other processes hold the cores, which on a shared machine makes it
     * the steadier of the two measures.
     */
    static long processCpuNanos(long pid) {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    total += Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[0]);
                } catch (IOException | RuntimeException e) {
                    // A thread that ended between the listing and the read no longer counts.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CPU time of process " + pid, e);
        }
        return total;
    }

    /** The 1-, 5- and 15-minute load averages, where the system reports them: the figures depend on them. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Run runStele(byte[] code, double seconds, double warmup) {
        InMemoryWorld world = new InMemoryWorld();
        world.put(SENDER, 0, BigInteger.TEN.pow(30), Bytes.EMPTY);
        world.put(CONTRACT, 1, BigInteger.ZERO, Bytes.wrap(code));
        Evm evm = new Evm(Fork.CANCUN);
        BlockContext block = new BlockContext(Address.ZERO, 1, 0, Long.MAX_VALUE, BigInteger.ZERO, BigInteger.ZERO,
                Bytes32.ZERO, 1, BigInteger.ONE);
        TxContext tx = new TxContext(SENDER, BigInteger.ZERO, List.of());
        Message message = Message.call(SENDER, CONTRACT, BigInteger.ZERO, Bytes.EMPTY, GAS);
        ExecutionResult first = evm.execute(new JournaledState(world), message, block, tx);
        List<Double> times = new ArrayList<>();
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmEnd) evm.execute(new JournaledState(world), message, block, tx);
        long self = ProcessHandle.current().pid();
        long cpu0 = processCpuNanos(self);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || times.size() < 5) {
            long t0 = System.nanoTime();
            evm.execute(new JournaledState(world), message, block, tx);
            times.add((System.nanoTime() - t0) / 1e6);
        }
        double cpuMs = (processCpuNanos(self) - cpu0) / 1e6 / times.size();
        return new Run(median(times, 0), cpuMs, first.output().toHex());
    }

    private static double median(List<Double> xs, double minus) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return Math.max(0, sorted.get(sorted.size() / 2) - minus);
    }

    /** Minimal JSON-RPC client for eth_call with a code override. */
    private static final class Rpc {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final URI uri;

        Rpc(String url) {
            this.uri = URI.create(url);
        }

        void waitUntilUp() throws InterruptedException {
            for (int i = 0; i < 100; i++) {
                try {
                    post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}");
                    return;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("anvil did not start");
        }

        String call(String codeHex) throws IOException, InterruptedException {
            String body = post(request(codeHex));
            int i = body.indexOf("\"result\":\"");
            if (i < 0) throw new IllegalStateException("anvil answered " + body);
            return body.substring(i + 10, body.indexOf('"', i + 10));
        }

        Calls timeCalls(String codeHex, double seconds, double warmup, long pid)
                throws IOException, InterruptedException {
            String req = request(codeHex);
            long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < warmEnd) post(req);
            List<Double> times = new ArrayList<>();
            long cpu0 = processCpuNanos(pid);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end || times.size() < 5) {
                long t0 = System.nanoTime();
                post(req);
                times.add((System.nanoTime() - t0) / 1e6);
            }
            return new Calls(times, (processCpuNanos(pid) - cpu0) / 1e6 / times.size());
        }

        private String request(String codeHex) {
            return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"from\":\"" + SENDER.toHex()
                    + "\",\"to\":\"" + CONTRACT.toHex() + "\",\"gas\":\"0x" + Long.toHexString(GAS)
                    + "\"},\"latest\",{\"" + CONTRACT.toHex() + "\":{\"code\":\"0x" + codeHex + "\"}}]}";
        }

        private String post(String body) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        }
    }
}
