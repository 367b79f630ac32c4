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
 * execution time. Each program runs on Stele in a JVM of its own, as {@code stele evm run --bench} runs it and as JMH
 * forks per benchmark: in one shared JVM the programs measured first would shape the compiled interpreter for the
 * later ones. Each program is warmed up on both EVMs, then measured in rounds that alternate between them, so that
 * both see the same outside load; on a machine shared with other work the CPU-time columns are the steadier. Outputs
 * are compared too: a benchmark where the two EVMs disagree is a bug, not a figure.
 *
 * <p>
 * Run: {@code bench/compare-anvil.sh} (installs anvil from npm and builds first).
 */
public final class AnvilComparison {
    private static final Address SENDER = Address.fromHex("0x000000000000000000000000000000000000c0de");
    private static final Address CONTRACT = Address.fromHex("0x0000000000000000000000000000000000c0ffee");
    private static final long GAS = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--worker")) {
            Stele.serve(args[1]);
            return;
        }
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
            System.out.printf(Locale.ROOT,
                    "load average before: %s; per program and EVM %.1f s warm-up, then %.1f s measured in %d rounds"
                            + " that alternate between the two EVMs%n",
                    loadAverage(), warmup, seconds, ROUNDS);
            System.out.printf(Locale.ROOT, "%-12s %12s %12s %7s   %12s %12s %7s%n", "", "wall-clock", "median", "",
                    "CPU time", "mean", "");
            System.out.printf(Locale.ROOT, "%-12s %12s %12s %7s   %12s %12s %7s%n", "program", "stele (ms)",
                    "anvil (ms)", "ratio", "stele (ms)", "anvil (ms)", "ratio");
            Timing base = new Timing();
            String stop = rpc.request("00");
            rpc.repeat(stop, warmup, null, anvil.pid());
            rpc.repeat(stop, seconds, base, anvil.pid());
            double baseline = median(base.wallMs, 0);
            for (Map.Entry<String, byte[]> p : EvmPrograms.all().entrySet()) {
                String code = Hex.encodeNoPrefix(p.getValue());
                try (SteleProcess stele = new SteleProcess(p.getKey())) {
                    String anvilOut = rpc.call(code);
                    if (!anvilOut.equalsIgnoreCase(stele.output)) {
                        System.out.printf("%-12s outputs differ: stele %s, anvil %s%n", p.getKey(), stele.output,
                                anvilOut);
                        continue;
                    }
                    String req = rpc.request(code);
                    stele.repeat(warmup, null);
                    rpc.repeat(req, warmup, null, anvil.pid());
                    // Alternating keeps both EVMs under the same outside load, which on a shared machine moves a lot.
                    Timing steleTime = new Timing(), anvilTime = new Timing();
                    for (int round = 0; round < ROUNDS; round++) {
                        stele.repeat(seconds / ROUNDS, steleTime);
                        rpc.repeat(req, seconds / ROUNDS, anvilTime, anvil.pid());
                    }
                    double steleMs = median(steleTime.wallMs, 0), steleCpuMs = steleTime.cpuMsPerRun();
                    double anvilMs = median(anvilTime.wallMs, baseline);
                    double anvilCpuMs = Math.max(0, anvilTime.cpuMsPerRun() - base.cpuMsPerRun());
                    // Below a tenth of the round-trip baseline, anvil's figure is lost in the HTTP noise.
                    String ratio = anvilMs < baseline / 10
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", steleMs / anvilMs);
                    String cpuRatio = anvilCpuMs < base.cpuMsPerRun() / 10
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", steleCpuMs / anvilCpuMs);
                    System.out.printf(Locale.ROOT, "%-12s %12.3f %12.3f %7s   %12.3f %12.3f %7s%n", p.getKey(),
                            steleMs, anvilMs, ratio, steleCpuMs, anvilCpuMs, cpuRatio);
                }
            }
            System.out.printf(Locale.ROOT,
                    "(anvil's call to a contract that only STOPs, subtracted: %.3f ms wall-clock,"
                            + " %.3f ms CPU)%n",
                    baseline, base.cpuMsPerRun());
            System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
        } finally {
            anvil.destroy();
        }
    }

    private static final int ROUNDS = 4;

    /** Wall-clock time of each run, and the CPU time the EVM's whole process spent over all of them. */
    private static final class Timing {
        final List<Double> wallMs = new ArrayList<>();
        long cpuNanos;

        double cpuMsPerRun() {
            return cpuNanos / 1e6 / wallMs.size();
        }
    }

    /**
     * CPU time used so far by all threads of a process, in nanoseconds, from {@code /proc/PID/task/*}{@code
     * /schedstat}. Unlike wall-clock time it does not grow when other processes hold the cores, which on a shared
     * machine makes it the steadier of the two measures.
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

    /**
     * One program on Stele's interpreter in a child JVM ({@code AnvilComparison --worker PROGRAM}), driven over its
     * standard input and output: it prints the program's output once, then answers {@code run SECONDS} with the
     * wall-clock time of each run and its own CPU time over them.
     */
    private static final class SteleProcess implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader in;
        private final java.io.PrintWriter out;
        final String output;

        SteleProcess(String program) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), AnvilComparison.class.getName(), "--worker", program)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
            out = new java.io.PrintWriter(process.getOutputStream(), true);
            output = line();
        }

        void repeat(double seconds, Timing into) throws IOException {
            out.println("run " + seconds);
            String[] answer = line().split(";");
            if (into == null)
                return;
            for (String ms : answer[0].split(","))
                into.wallMs.add(Double.parseDouble(ms));
            into.cpuNanos += Long.parseLong(answer[1]);
        }

        private String line() throws IOException {
            String l = in.readLine();
            if (l == null)
                throw new IOException("the Stele worker exited (status " + process.onExit().join().exitValue() + ")");
            return l;
        }

        @Override
        public void close() {
            out.close();
            process.destroy();
        }
    }

    /** One program on Stele's interpreter, run in-process as {@code stele evm run --bench} does. */
    private static final class Stele {
        /** The worker's loop: see {@link SteleProcess}. */
        static void serve(String program) throws IOException {
            byte[] code = EvmPrograms.all().get(program);
            if (code == null)
                throw new IllegalArgumentException("no program " + program);
            Stele stele = new Stele(code);
            System.out.println(stele.output);
            var stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
            for (String cmd; (cmd = stdin.readLine()) != null;) {
                Timing t = new Timing();
                stele.repeat(Double.parseDouble(cmd.substring("run ".length())), t);
                StringBuilder b = new StringBuilder();
                for (double ms : t.wallMs)
                    b.append(b.isEmpty() ? "" : ",").append(ms);
                System.out.println(b.append(';').append(t.cpuNanos));
            }
        }

        private final InMemoryWorld world = new InMemoryWorld();
        private final Evm evm = new Evm(Fork.CANCUN);
        private final BlockContext block = new BlockContext(Address.ZERO, 1, 0, Long.MAX_VALUE, BigInteger.ZERO,
                BigInteger.ZERO, Bytes32.ZERO, 1, BigInteger.ONE);
        private final TxContext tx = new TxContext(SENDER, BigInteger.ZERO, List.of());
        private final Message message = Message.call(SENDER, CONTRACT, BigInteger.ZERO, Bytes.EMPTY, GAS);
        final String output;

        Stele(byte[] code) {
            world.put(SENDER, 0, BigInteger.TEN.pow(30), Bytes.EMPTY);
            world.put(CONTRACT, 1, BigInteger.ZERO, Bytes.wrap(code));
            ExecutionResult first = run();
            output = first.output().toHex();
        }

        private ExecutionResult run() {
            return evm.execute(new JournaledState(world), message, block, tx);
        }

        /** Runs the program over and over for {@code seconds}, recording into {@code into} unless it is null. */
        void repeat(double seconds, Timing into) {
            long self = ProcessHandle.current().pid();
            long cpu0 = into == null ? 0 : processCpuNanos(self);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int n = 0;
            while (System.nanoTime() < end || n < 2) {
                long t0 = System.nanoTime();
                run();
                if (into != null)
                    into.wallMs.add((System.nanoTime() - t0) / 1e6);
                n++;
            }
            if (into != null)
                into.cpuNanos += processCpuNanos(self) - cpu0;
        }
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

        /** Sends {@code req} over and over for {@code seconds}, recording into {@code into} unless it is null. */
        void repeat(String req, double seconds, Timing into, long pid) throws IOException, InterruptedException {
            long cpu0 = into == null ? 0 : processCpuNanos(pid);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int n = 0;
            while (System.nanoTime() < end || n < 2) {
                long t0 = System.nanoTime();
                post(req);
                if (into != null)
                    into.wallMs.add((System.nanoTime() - t0) / 1e6);
                n++;
            }
            if (into != null)
                into.cpuNanos += processCpuNanos(pid) - cpu0;
        }

        String request(String codeHex) {
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
