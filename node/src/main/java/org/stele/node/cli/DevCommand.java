package org.stele.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.stele.node.dev.DevAccounts;
import org.stele.node.dev.Mnemonic;
import org.stele.node.devnode.DevNode;
import org.stele.node.devnode.DevNodeConfig;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.server.BrowserPolicy;
import org.stele.rpc.server.ConnectionLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stele dev}: the single-node development chain, with flags named as anvil names them. */
@Command(name = "dev", mixinStandardHelpOptions = true, description = "Run a single-node development chain with prefunded accounts (JSON-RPC on 127.0.0.1:8545).")
public final class DevCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Where the chain is kept (default: ${DEFAULT-VALUE}).", defaultValue = ".stele/dev")
    Path dataDir;

    @Option(names = "--host", description = "Interface for JSON-RPC (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = {"--port",
            "-p"}, description = "Port for JSON-RPC over HTTP and WebSocket (default: ${DEFAULT-VALUE}).", defaultValue = "8545")
    int port;

    @Option(names = "--chain-id", description = "EIP-155 chain id (default: ${DEFAULT-VALUE}, as anvil and Hardhat).", defaultValue = "31337")
    long chainId;

    @Option(names = {"--block-time",
            "-b"}, description = "Seal a block every N seconds; 0 seals as transactions arrive (default).", defaultValue = "0")
    long blockTime;

    @Option(names = {"--mnemonic",
            "-m"}, description = "BIP-39 mnemonic of the prefunded accounts.", defaultValue = Mnemonic.DEFAULT)
    String mnemonic;

    @Option(names = {"--accounts",
            "-a"}, description = "How many prefunded accounts (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int accounts;

    @Option(names = "--gas-limit", description = "Block gas limit (default: ${DEFAULT-VALUE}).", defaultValue = "30000000")
    long gasLimit;

    @Option(names = "--reset", description = "Delete the data directory first and start a new chain.")
    boolean reset;

    @Option(names = "--http.corsdomain", split = ",", description = "Origins of web pages allowed to call the node; * matches anything (default: ${DEFAULT-VALUE}).", defaultValue = "http://localhost:*,http://127.0.0.1:*,http://[::1]:*")
    List<String> corsDomains;

    @Option(names = "--http.vhosts", split = ",", description = "Host names the node answers under, * for any; IP addresses always work (default: ${DEFAULT-VALUE}).", defaultValue = "localhost")
    List<String> vhosts;

    @Option(names = "--http.maxconnections", description = "Most open JSON-RPC connections (default: ${DEFAULT-VALUE}).", defaultValue = "1024")
    int maxConnections;

    @Option(names = "--http.readheadertimeout", description = "Seconds a request may take to arrive once it starts (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    long readHeaderTimeout;

    @Option(names = "--http.idletimeout", description = "Seconds an idle HTTP connection is kept (default: ${DEFAULT-VALUE}).", defaultValue = "120")
    long idleTimeout;

    @Option(names = "--http.maxpipelined", description = "Most pipelined HTTP requests awaiting replies per connection (default: ${DEFAULT-VALUE}).", defaultValue = "128")
    int maxPipelined;

    @Option(names = "--rpc.batch-request-limit", description = "Most calls in one JSON-RPC batch (default: ${DEFAULT-VALUE}).", defaultValue = "1024")
    int batchLimit;

    @Option(names = "--ws.max-subscriptions", description = "Most subscriptions per WebSocket connection (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    int maxSubscriptions;

    @Option(names = "--rpc.trace-limit", description = "Largest struct-log trace, in MiB of JSON (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    long traceLimitMiB;

    @Option(names = "--txpool.pricelimit", description = "Lowest fee cap per gas the pool accepts, in wei (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    BigInteger priceLimit;

    @Option(names = "--rpc.allow-unprotected-txs", description = "Accept transactions without EIP-155 replay protection.")
    boolean allowUnprotected;

    @Override
    public Integer call() throws Exception {
        if (accounts < 1 || accounts > 1000)
            throw new IllegalArgumentException("--accounts must be between 1 and 1000");
        if (blockTime < 0) throw new IllegalArgumentException("--block-time must not be negative");
        Mnemonic m = Mnemonic.parse(mnemonic);
        if (reset) deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        RpcLimits limits = new RpcLimits(RpcLimits.DEFAULT.maxRequestBytes(), batchLimit, maxSubscriptions,
                traceLimitMiB << 20);
        ConnectionLimits connections = new ConnectionLimits(maxConnections, Duration.ofSeconds(readHeaderTimeout),
                Duration.ofSeconds(idleTimeout), maxPipelined);
        DevNode node = new DevNode(new DevNodeConfig(dataDir, host, port, chainId, m, accounts, blockTime, gasLimit,
                limits, new BrowserPolicy(corsDomains, vhosts), connections, priceLimit, allowUnprotected),
                InstantSource.system());
        var address = node.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }));
        System.out.println("Stele dev chain");
        System.out.println("  chain id:   " + chainId);
        System.out.println("  JSON-RPC:   http://" + host + ":" + address.getPort() + "  (WebSocket on the same port)");
        System.out.println("  data dir:   " + dataDir.toAbsolutePath() + "  (head block " + node.head().number() + ")");
        System.out.println(
                "  blocks:     " + (blockTime == 0 ? "sealed as transactions arrive" : "every " + blockTime + " s"));
        System.out.println("  mnemonic:   " + m.phrase());
        System.out.println("  accounts (" + DevAccounts.PATH_PREFIX + "i, 10000 ETH each at genesis):");
        for (DevAccounts.Account a : node.accounts()) {
            System.out.printf("  (%d) %s  key %s%n", a.index(), a.address().toChecksumHex(),
                    a.key().privateKey().toHex());
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
