package org.stele.clients.web3j;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The node under test: the one at {@code STELE_RPC_URL} when set, otherwise a fresh anvil (from the JS suite's npm
 * install, or {@code ANVIL_BIN}) on a free loopback port, stopped by {@link #close()}.
 */
final class DevNode implements AutoCloseable {

    static final String MNEMONIC = "test test test test test test test test test test test junk";

    private final String rpcUrl;
    private final Process anvil;

    private DevNode(String rpcUrl, Process anvil) {
        this.rpcUrl = rpcUrl;
        this.anvil = anvil;
    }

    String rpcUrl() {
        return rpcUrl;
    }

    static DevNode start() throws IOException, InterruptedException {
        String external = System.getenv("STELE_RPC_URL");
        if (external != null && !external.isBlank()) {
            return new DevNode(external, null);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path bin = anvilBinary();
        Process process = new ProcessBuilder(bin.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--mnemonic", MNEMONIC).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        DevNode node = new DevNode("http://127.0.0.1:" + port, process);
        try {
            node.awaitRpc(Duration.ofSeconds(20));
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private static Path anvilBinary() {
        String override = System.getenv("ANVIL_BIN");
        Path bin = override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of("..", "js", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("anvil not found at " + bin.toAbsolutePath()
                    + ": run 'npm ci' in clients/js, set ANVIL_BIN, or set STELE_RPC_URL to a running node");
        }
        return bin;
    }

    private void awaitRpc(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!anvil.isAlive()) {
                throw new IOException("anvil exited early with code " + anvil.exitValue());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"result\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("anvil did not answer at " + rpcUrl + " within " + timeout, notYetListening);
                }
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        if (anvil == null) {
            return;
        }
        anvil.destroy();
        try {
            if (!anvil.waitFor(10, TimeUnit.SECONDS)) {
                anvil.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
