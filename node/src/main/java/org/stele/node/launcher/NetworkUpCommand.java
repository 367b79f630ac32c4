package org.stele.node.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.stele.node.config.ConfigException;
import org.stele.node.launcher.NetworkSupervisor.NodeStartException;
import org.stele.node.network.NetworkInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stele network up}: every node of a network directory as a process of its own on this machine, in the
 * foreground until Ctrl-C, which stops them all. A directory without a network gets a new one (as {@code stele
 * network init} writes it); run again on the same directory, it resumes the same chain.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Run every node of a network directory as its own process on this machine; Ctrl-C stops them all.")
public final class NetworkUpCommand implements Callable<Integer> {
    @Option(names = "--dir", description = "The network directory, made by `stele network init` (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of(".stele/network");

    @Option(names = "--validators", description = "Validators of a new network, when the directory holds none yet (default: ${DEFAULT-VALUE}).")
    int validators = 4;

    @Option(names = "--chain-id", description = "Chain id of a new network (default: ${DEFAULT-VALUE}).")
    long chainId = 1337;

    @Option(names = "--gas-limit", description = "Block gas limit of a new network (at least 21000; default: ${DEFAULT-VALUE}).")
    long gasLimit = NetworkInit.GAS_LIMIT;

    @Option(names = "--block-period-ms", description = "Block period of a new network, in milliseconds (default: ${DEFAULT-VALUE}).")
    long blockPeriodMillis = NetworkInit.DEFAULT_BLOCK_PERIOD_MILLIS;

    @Option(names = "--heap", description = "Heap of each node's JVM (default: ${DEFAULT-VALUE}).")
    String heap = "1g";

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "An option for every node's JVM, after the heap, e.g. --jvm-option=-XX:StartFlightRecording=filename=node.jfr (a relative path is in the node's folder); repeatable.")
    List<String> jvmOptions = new java.util.ArrayList<>();

    @Option(names = "--start-timeout", description = "How long a node may take to serve JSON-RPC, in seconds (default: ${DEFAULT-VALUE}).")
    long startTimeoutSeconds = 120;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        NodeCommandLine commandLine;
        try {
            commandLine = NodeCommandLine.ofThisJvm(heap, jvmOptions);
        } catch (IllegalArgumentException e) {
            System.err.println("stele network up: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(dir.resolve("genesis.json"))) {
            try {
                new NetworkInit(validators, chainId, 0, Optional.empty(), blockPeriodMillis, gasLimit).write(dir,
                        new SecureRandom());
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println("stele network up: " + e.getMessage());
                return 2;
            }
            out.println("A new " + validators + "-validator network in " + dir.toAbsolutePath()
                    + " (its README.md says how to run each node by hand)");
        } else {
            out.println("Resuming the network in " + dir.toAbsolutePath());
        }
        List<NodeDirectory> nodes;
        try {
            nodes = NodeDirectory.scan(dir);
        } catch (ConfigException e) {
            System.err.println("stele network up: " + e.getMessage());
            return 2;
        }
        NetworkSupervisor supervisor = new NetworkSupervisor(nodes, commandLine, out);
        Thread stopper = new Thread(supervisor::close, "stele-network-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            supervisor.start(Duration.ofSeconds(startTimeoutSeconds));
        } catch (NodeStartException e) {
            System.err.println("stele network up: " + e.getMessage());
            return 1;
        }
        out.println(nodes.size() + " nodes running from " + dir.toAbsolutePath() + "; Ctrl-C stops them all");
        CompletableFuture.allOf(supervisor.processes().stream().map(Process::onExit).toArray(CompletableFuture[]::new))
                .join();
        out.println("every node has exited");
        return 1;
    }
}
