package org.stele.node.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts every node of a network directory as its own process, waits until each serves JSON-RPC, prints one banner
 * line per node, reports a node that exits, and stops them all. Output of node N goes to {@code node-N/node.log},
 * appended, so a resumed network keeps its history.
 */
public final class NetworkSupervisor implements AutoCloseable {
    /** Log file of a node, in its folder. */
    public static final String LOG_FILE = "node.log";
    /** The process id of a running node, in its folder, for scripts and operators. */
    public static final String PID_FILE = "node.pid";

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final List<NodeDirectory> nodes;
    private final NodeCommandLine commandLine;
    private final PrintStream out;
    private final List<Process> processes = new ArrayList<>();
    private volatile boolean stopping;

    public NetworkSupervisor(List<NodeDirectory> nodes, NodeCommandLine commandLine, PrintStream out) {
        this.nodes = List.copyOf(nodes);
        this.commandLine = commandLine;
        this.out = out;
    }

    /**
     * Starts the nodes and returns when each serves JSON-RPC, printing its banner line then.
     *
     * @throws NodeStartException when a node exits or does not answer within {@code startTimeout}; the nodes that
     *                            did start keep running until {@link #close()}
     */
    public void start(Duration startTimeout) {
        for (NodeDirectory node : nodes)
            processes.add(launch(node));
        for (int i = 0; i < nodes.size(); i++) {
            NodeDirectory node = nodes.get(i);
            awaitRpc(node, processes.get(i), startTimeout);
            out.println(node.banner());
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeDirectory node = nodes.get(i);
            processes.get(i).onExit().thenAccept(p -> reportExit(node, p));
        }
        out.flush();
    }

    /** The process of each node, in the order of the nodes. */
    public List<Process> processes() {
        return List.copyOf(processes);
    }

    private Process launch(NodeDirectory node) {
        Path log = node.dir().resolve(LOG_FILE);
        try {
            Process process = new ProcessBuilder(commandLine.arguments()).directory(node.dir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.writeString(node.dir().resolve(PID_FILE), process.pid() + "\n");
            return process;
        } catch (IOException e) {
            throw new NodeStartException("node " + node.index() + " could not be started: " + e.getMessage());
        }
    }

    private void awaitRpc(NodeDirectory node, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive())
                throw new NodeStartException("node " + node.index() + " exited with code " + process.exitValue()
                        + " while starting; see " + node.dir().resolve(LOG_FILE));
            if (answers(node))
                return;
            if (System.nanoTime() > deadline)
                throw new NodeStartException("node " + node.index() + " did not serve JSON-RPC on port "
                        + node.rpcPort() + " within " + timeout.toSeconds() + " s; see "
                        + node.dir().resolve(LOG_FILE));
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeStartException("interrupted while node " + node.index() + " was starting");
            }
        }
    }

    private static boolean answers(NodeDirectory node) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(node.rpcHost(), node.rpcPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void reportExit(NodeDirectory node, Process process) {
        try {
            Files.deleteIfExists(node.dir().resolve(PID_FILE));
        } catch (IOException e) {
            out.println("node " + node.index() + ": could not remove " + PID_FILE + ": " + e.getMessage());
        }
        if (stopping)
            return;
        out.println("node " + node.index() + " exited with code " + process.exitValue() + "; log: "
                + node.dir().resolve(LOG_FILE) + "; restart it with: " + commandLine.restartLine(node.dir()));
        out.flush();
    }

    /** Stops every node: a polite stop first (their shutdown hooks close the stores), then a forced one. */
    @Override
    public void close() {
        stopping = true;
        for (Process p : processes)
            p.destroy();
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Process p : processes) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    /** A node did not come up. */
    public static final class NodeStartException extends RuntimeException {
        public NodeStartException(String message) {
            super(message);
        }
    }

}
