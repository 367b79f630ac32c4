package org.stele.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.stele.node.config.ConfigException;
import org.stele.node.config.ConfigFlags;
import org.stele.node.dev.DevAccounts;
import org.stele.node.devnode.DevConfig;
import org.stele.node.devnode.DevNode;
import org.stele.node.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stele dev}: the single-node development chain. Every setting is a key of {@link DevConfig}, given as
 * {@code --key}, {@code STELE_KEY} or in the {@code --config} TOML file; the flags anvil users know ({@code --port},
 * {@code --data-dir}, {@code -b}...) name the same keys.
 */
@Command(name = "dev", mixinStandardHelpOptions = true, usageHelpWidth = 120, modelTransformer = DevCommand.Keys.class, description = "Run a single-node development chain with prefunded accounts (JSON-RPC on 127.0.0.1:8545).", footer = {
        "", "Precedence: flags, then STELE_* environment variables, then the --config file, then defaults.",
        "Keys are listed in docs/configuration.md."})
public final class DevCommand implements Callable<Integer> {
    /** The names {@code stele dev} had before its settings became configuration keys, kept for scripts. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(Map.entry("data-path", List.of("--data-dir")),
            Map.entry("rpc-http-host", List.of("--host")), Map.entry("rpc-http-port", List.of("--port", "-p")),
            Map.entry("block-time", List.of("-b")), Map.entry("mnemonic", List.of("-m")),
            Map.entry("accounts", List.of("-a")),
            // geth's names for the same settings, which operators and scripts already use.
            Map.entry("rpc-http-browsers-cors-domains", List.of("--http.corsdomain")),
            Map.entry("rpc-http-browsers-vhosts", List.of("--http.vhosts")),
            Map.entry("rpc-http-connections-max-connections", List.of("--http.maxconnections")),
            Map.entry("rpc-http-connections-header-read-timeout", List.of("--http.readheadertimeout")),
            Map.entry("rpc-http-connections-idle-timeout", List.of("--http.idletimeout")),
            Map.entry("rpc-http-connections-max-pipelined", List.of("--http.maxpipelined")),
            Map.entry("rpc-http-limits-max-batch-size", List.of("--rpc.batch-request-limit")),
            Map.entry("rpc-http-limits-max-subscriptions-per-connection", List.of("--ws.max-subscriptions")),
            Map.entry("rpc-http-limits-max-trace-bytes", List.of("--rpc.trace-limit")),
            Map.entry("tx-pool-min-gas-price", List.of("--txpool.pricelimit")),
            Map.entry("tx-pool-allow-unprotected", List.of("--rpc.allow-unprotected-txs")));

    /** Adds an option per configuration key. */
    public static final class Keys implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            ConfigFlags.addTo(spec, DevConfig.SCHEMA, ALIASES);
            return spec;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "<file>", description = "A TOML file of settings (keys as the long flags, without --).")
    Path configFile;

    @Option(names = "--reset", description = "Delete the data directory first and start a new chain.")
    boolean reset;

    /** The settings from the command line as parsed, {@code env} and the {@code --config} file. */
    DevConfig config(Map<String, String> env) {
        return DevConfig.SCHEMA.load(configFile, env,
                ConfigFlags.given(spec.commandLine().getParseResult(), DevConfig.SCHEMA));
    }

    @Override
    public Integer call() throws Exception {
        DevConfig config;
        try {
            config = config(System.getenv());
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("stele dev: " + e.getMessage());
            return 2;
        }
        Logging.configure(config.node().logging());
        Path dataDir = config.node().dataPath();
        if (reset) deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        DevNode node = new DevNode(config, InstantSource.system());
        InetSocketAddress address;
        try {
            address = node.start();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // A metrics port in use, an unreadable admin token file: one line, not a stack trace.
            node.close();
            spec.commandLine().getErr().println("stele dev: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }));
        String host = config.node().rpcHttp().host();
        System.out.println("Stele dev chain");
        System.out.println("  chain id:   " + config.chainId());
        System.out.println("  JSON-RPC:   http://" + host + ":" + address.getPort() + "  (WebSocket on the same port)");
        node.services().metricsAddress().ifPresent(m -> System.out.println(
                "  metrics:    http://" + config.node().metrics().host() + ":" + m.getPort() + "/metrics"));
        System.out.println("  data dir:   " + dataDir.toAbsolutePath() + "  (head block " + node.head().number() + ")");
        System.out.println("  blocks:     "
                + (config.blockTime() == 0 ? "sealed as transactions arrive" : "every " + config.blockTime() + " s"));
        System.out.println("  validator:  " + node.validator().toChecksumHex() + "  (m/44'/60'/1'/0/0; genesis in "
                + node.genesisFile() + ")");
        System.out.println("  mnemonic:   " + config.mnemonic());
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
