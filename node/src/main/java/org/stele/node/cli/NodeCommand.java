package org.stele.node.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stele.chain.BlockHeader;
import org.stele.common.Fork;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.execution.importer.GenesisChain;
import org.stele.execution.importer.SealVerifier;
import org.stele.node.logging.Logging;
import org.stele.node.logging.LoggingConfig;
import org.stele.node.metrics.MetricsConfig;
import org.stele.node.wiring.NodeConfig;
import org.stele.node.wiring.NodeServices;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.storage.KeyValueStore;
import org.stele.storage.StorageException;
import org.stele.txpool.TxPoolConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stele node --genesis genesis.json --data-dir D}: serves the chain in {@code D} (started from that genesis,
 * extended by {@code stele blocks import}) with the {@link NodeServices} that {@code stele dev} runs, the same
 * JSON-RPC included, and no sealer. The network issue grows this command into a member's node.
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Serve a chain (created by `stele blocks import`) over JSON-RPC, without sealing.")
public final class NodeCommand implements Callable<Integer> {
    @Option(names = "--genesis", required = true, description = "The chain's genesis.json (geth/Besu format).")
    Path genesis;

    @Option(names = "--data-dir", required = true, description = "The chain's data directory.")
    Path dataDir;

    @Option(names = "--host", description = "Interface for JSON-RPC (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = {"--port",
            "-p"}, description = "Port for JSON-RPC over HTTP and WebSocket (default: ${DEFAULT-VALUE}).", defaultValue = "8545")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Logging.configure(LoggingConfig.DEFAULT);
        GenesisFile spec;
        NodeServices node;
        try {
            spec = GenesisFile.read(genesis);
            node = services(spec, dataDir, host, port);
        } catch (GenesisFormatException | IllegalStateException | StorageException e) {
            err.println("stele node: " + e.getMessage());
            return 2;
        }
        InetSocketAddress address;
        try {
            address = node.start();
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
        System.out.println("Stele node (" + spec.profile().name() + ", chain id " + spec.chainId() + ")");
        System.out.println("  JSON-RPC:   http://" + host + ":" + address.getPort() + "  (WebSocket on the same port)");
        node.metricsAddress().ifPresent(m -> System.out.println("  metrics:    http://"
                + m.getAddress().getHostAddress() + ":" + m.getPort() + "/metrics"));
        System.out.println("  data dir:   " + dataDir.toAbsolutePath() + "  (head block " + head.number() + " "
                + head.hash(NodeServices.SUITE) + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /**
     * The node's services over the chain in {@code dataDir}, not yet serving: the directory is created from
     * {@code spec} when empty, and must hold the chain {@code spec} starts otherwise.
     */
    static NodeServices services(GenesisFile spec, Path dataDir, String host, int port) {
        try (KeyValueStore store = BlocksCommand.openStore(dataDir)) {
            GenesisChain.open(spec, NodeServices.SUITE, store, new KeyValueBlockStore(store, NodeServices.SUITE),
                    SealVerifier.NONE);
        }
        NodeConfig config = new NodeConfig(dataDir, new RpcServerConfig(host, port, RpcLimits.DEFAULT, "*"),
                TxPoolConfig.DEFAULT, LoggingConfig.DEFAULT, MetricsConfig.NODE);
        return new NodeServices(config, spec.chainId(), Fork.CANCUN, () -> {
            throw new IllegalStateException("the genesis block is written before the node opens the chain");
        }, InstantSource.system());
    }
}
