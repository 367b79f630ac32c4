package org.stele.node.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Fork;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.execution.importer.GenesisChain;
import org.stele.execution.importer.SealVerifier;
import org.stele.node.logging.Logging;
import org.stele.node.logging.LoggingConfig;
import org.stele.node.metrics.MetricsConfig;
import org.stele.node.config.ConfigException;
import org.stele.node.config.ConfigFlags;
import org.stele.node.did.DidRelayService;
import org.stele.node.validator.NetworkNode;
import org.stele.node.validator.NetworkNodeConfig;
import org.stele.node.validator.NodeStartException;
import org.stele.node.validator.QbftSealVerifier;
import org.stele.node.wiring.NodeConfig;
import org.stele.node.wiring.NodeServices;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.storage.KeyValueStore;
import org.stele.storage.StorageException;
import org.stele.txpool.TxPoolConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stele node}: one member's node. With a node key on a QBFT chain it joins the network: P2P with its peers,
 * QBFT when its key is a validator's, following the chain otherwise. Without a node key it serves the chain in its
 * data path (started from the genesis, extended by {@code stele blocks import}) over JSON-RPC and takes part in
 * nothing. Every setting is a key of {@link NetworkNodeConfig}, from flags, {@code STELE_*} variables or the
 * {@code --config} TOML file.
 */
@Command(name = "node", mixinStandardHelpOptions = true, usageHelpWidth = 120, modelTransformer = NodeCommand.Keys.class, description = "Run a member's node of a QBFT network (or, without --node-key-file, serve a chain over JSON-RPC).", footer = {
        "", "Precedence: flags, then STELE_* environment variables, then the --config file, then defaults.",
        "Keys are listed in docs/configuration.md."})
public final class NodeCommand implements Callable<Integer> {
    /** The names {@code stele node} had before its settings became configuration keys, kept for scripts. */
    static final Map<String, List<String>> ALIASES = Map.of("data-path", List.of("--data-dir"), "rpc-http-host",
            List.of("--host"), "rpc-http-port", List.of("--port", "-p"));

    /** Adds an option per configuration key. */
    public static final class Keys implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            ConfigFlags.addTo(spec, NetworkNodeConfig.SCHEMA, ALIASES);
            return spec;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "<file>", description = "A TOML file of settings (keys as the long flags, without --).")
    Path configFile;

    NetworkNodeConfig config(Map<String, String> env) {
        return NetworkNodeConfig.SCHEMA.load(configFile, env,
                ConfigFlags.given(spec.commandLine().getParseResult(), NetworkNodeConfig.SCHEMA));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        NetworkNodeConfig config;
        try {
            config = config(System.getenv());
        } catch (ConfigException e) {
            err.println("stele node: " + e.getMessage());
            return 2;
        }
        Logging.configure(config.node().logging());
        if (config.nodeKeyFile() == null)
            return serve(config, err);
        NetworkNode node;
        try {
            node = NetworkNode.start(config);
        } catch (NodeStartException | StorageException e) {
            err.println("stele node: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }));
        BlockHeader head = node.services().head();
        String host = config.node().rpcHttp().host();
        System.out.println("Stele node " + node.address().toChecksumHex() + " ("
                + (node.isValidator() ? "validator" : "not a validator: follows the chain") + ", chain id "
                + node.chainId() + ")");
        System.out.println("  JSON-RPC:   http://" + host + ":" + node.rpcAddress().getPort()
                + "  (WebSocket on the same port)");
        System.out.println("  P2P:        " + node.address().toChecksumHex() + "@" + config.p2p().host() + ":"
                + node.p2pAddress().getPort());
        System.out.println("  data path:  " + config.node().dataPath().toAbsolutePath() + "  (head block "
                + head.number() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** Without a node key: the chain in the data path, served over JSON-RPC, sealing nothing. */
    private int serve(NetworkNodeConfig config, PrintWriter err) throws InterruptedException {
        if (config.genesis() == null) {
            err.println("stele node: no genesis: give --genesis or the key genesis in the --config file");
            return 2;
        }
        if (config.pointsRelayer().enabled()) {
            err.println("stele node: the points relayer (points-relayer-*) needs a node of the network: give"
                    + " --node-key-file");
            return 2;
        }
        GenesisFile spec;
        NodeServices node;
        Optional<DidRelayService> didRelay;
        Path dataDir = config.node().dataPath();
        try {
            didRelay = DidRelayService.fromKeyFile(config.didRelayKeyFile(), config.didRelayKeyPasswordFile());
            spec = GenesisFile.read(config.genesis());
            node = services(spec, config.node());
        } catch (GenesisFormatException | IllegalStateException | IllegalArgumentException | StorageException e) {
            err.println("stele node: " + e.getMessage());
            return 2;
        }
        didRelay.ifPresent(r -> node.addMethods(r.methods()));
        InetSocketAddress address;
        try {
            address = node.start();
            InetSocketAddress listening = address;
            didRelay.ifPresent(r -> r.listening(listening));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // A metrics port in use, an unreadable admin token file: one line, not a stack trace.
            node.close();
            err.println("stele node: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }));
        BlockHeader head = node.head();
        System.out.println("Stele node (" + spec.profile().name() + ", chain id " + spec.chainId()
                + ", no node key: serving only)");
        System.out.println("  JSON-RPC:   http://" + config.node().rpcHttp().host() + ":" + address.getPort()
                + "  (WebSocket on the same port)");
        node.metricsAddress().ifPresent(m -> System.out.println("  metrics:    http://"
                + m.getAddress().getHostAddress() + ":" + m.getPort() + "/metrics"));
        System.out.println("  data dir:   " + dataDir.toAbsolutePath() + "  (head block " + head.number() + " "
                + node.blocks().hash(head) + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /**
     * The node's services over the chain in {@code dataDir}, not yet serving: the directory is created from
     * {@code spec} when empty, and must hold the chain {@code spec} starts otherwise.
     */
    static NodeServices services(GenesisFile spec, Path dataDir, String host, int port) {
        return services(spec, new NodeConfig(dataDir, new RpcServerConfig(host, port, RpcLimits.DEFAULT, "*"),
                TxPoolConfig.DEFAULT, LoggingConfig.DEFAULT, MetricsConfig.NODE));
    }

    private static NodeServices services(GenesisFile spec, NodeConfig config) {
        SealVerifier seals = spec.profile() instanceof SteleQbft
                ? new QbftSealVerifier(NodeServices.SUITE)
                : SealVerifier.NONE;
        try (KeyValueStore store = BlocksCommand.openStore(config.dataPath())) {
            GenesisChain.open(spec, NodeServices.SUITE, store,
                    new KeyValueBlockStore(store, NodeServices.SUITE, spec.profile()), seals);
        }
        return new NodeServices(config, spec.chainId(), Fork.CANCUN, spec.profile(), seals, store -> {
            throw new IllegalStateException("the genesis block is written before the node opens the chain");
        }, InstantSource.system());
    }
}
