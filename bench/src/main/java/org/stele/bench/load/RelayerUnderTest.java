package org.stele.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.RelayerServer;
import org.stele.apps.points.TokenBucket;
import org.web3j.crypto.Credentials;

/**
 * The relayer a relayed-load run sends to: {@code stele points relayer} in a process of its own (the product, measured
 * apart from the benchmark's wallets), or the same classes in the generator's process.
 */
sealed interface RelayerUnderTest extends AutoCloseable {
    /** Where wallets post: the server's base URL. */
    String url();

    /** The relayer's own process id, or -1 when it runs in the generator's process. */
    long pid();

    /** The relayer's node calls and HTTP exchanges so far; 0 when it runs elsewhere (not counted across processes). */
    long calls();

    long exchanges();

    /** One phrase for the report. */
    String where();

    @Override
    void close();

    static RelayerUnderTest inProcess(NodeRpc node, Credentials operator, String token, String forwarder, int burst,
            int maxBatch, long windowMs) throws IOException {
        Relayer relayer = new Relayer(node, operator, new Relayer.Config(token, forwarder,
                BigInteger.valueOf(300_000), maxBatch, Duration.ofMillis(windowMs), 50_000, Duration.ofSeconds(60)),
                new TokenBucket(burst, 1000, InstantSource.system()));
        return new InProcess(node, relayer, new RelayerServer(relayer, "127.0.0.1", 0, "*"));
    }

    /**
     * Starts {@code launcher points relayer} on a free port with the operator's key in a temporary file, and waits for
     * the line that says where it listens. {@code RELAYER_JAVA_OPTS} become its {@code STELE_JAVA_OPTS}.
     */
    static RelayerUnderTest external(String launcher, String rpc, String token, String operatorKey, int burst,
            int maxBatch, long windowMs) throws IOException {
        Path key = Files.createTempFile("relayer-operator", ".key");
        Files.writeString(key, operatorKey);
        List<String> command = new java.util.ArrayList<>(List.of(launcher, "points", "relayer", "--rpc", rpc,
                "--token", token, "--key-file", key.toString(), "--port", "0", "--burst", String.valueOf(burst),
                "--per-second", "1000", "--max-batch", String.valueOf(maxBatch), "--batch-window-ms",
                String.valueOf(windowMs)));
        // RELAYER_ARGS: more options for the relayer, e.g. --simulate-every-request to compare its checks.
        String more = System.getenv("RELAYER_ARGS");
        if (more != null && !more.isBlank()) command.addAll(List.of(more.trim().split("\\s+")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        String opts = System.getenv("RELAYER_JAVA_OPTS");
        builder.environment().remove("STELE_JAVA_OPTS");
        if (opts != null) builder.environment().put("STELE_JAVA_OPTS", opts);
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Pattern at = Pattern.compile(" at (http://\\S+)/relay,");
            for (String line; (line = out.readLine()) != null;) {
                Matcher m = at.matcher(line);
                if (m.find()) {
                    Thread.ofVirtual().start(() -> {
                        try {
                            out.lines().forEach(System.out::println);
                        } catch (java.io.UncheckedIOException e) {
                            // the relayer was stopped and its output closed: nothing more to print
                        }
                    });
                    External relayer = new External(process, key, m.group(1));
                    // A run that fails ends by System.exit, and a stopped script stops the generator: either way
                    // the relayer goes with it instead of being left running.
                    Runtime.getRuntime().addShutdownHook(new Thread(relayer::close));
                    return relayer;
                }
                System.out.println(line);
            }
            throw new IOException("stele points relayer ended before it listened (exit " + process.waitFor() + ")");
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            Files.deleteIfExists(key);
            throw e instanceof IOException io ? io : new IOException(e.toString(), e);
        }
    }

    record InProcess(NodeRpc node, Relayer relayer, RelayerServer server) implements RelayerUnderTest {
        @Override
        public String url() {
            return server.url();
        }

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public long calls() {
            return node.calls();
        }

        @Override
        public long exchanges() {
            return node.exchanges();
        }

        @Override
        public String where() {
            return "in the generator's process";
        }

        @Override
        public void close() {
            server.close();
            relayer.close();
        }
    }

    record External(Process process, Path key, String url) implements RelayerUnderTest {
        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public long calls() {
            return 0;
        }

        @Override
        public long exchanges() {
            return 0;
        }

        @Override
        public String where() {
            return "`stele points relayer`, pid " + process.pid();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(key);
            } catch (IOException e) {
                // a temporary file left behind is all that is lost
            }
        }
    }
}
