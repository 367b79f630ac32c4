package org.stele.node.cli.common;

import java.io.IOException;
import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --rpc}: the node a command talks to, the same option with the same default in every command. */
public final class RpcOption {
    @Option(names = "--rpc", defaultValue = "http://127.0.0.1:8545", description = "The node's JSON-RPC URL (default ${DEFAULT-VALUE}).")
    URI rpc;

    public URI uri() {
        return rpc;
    }

    public String url() {
        return rpc.toString();
    }

    /** The node could not be reached (a connection or transport failure). */
    public CommandErrors.Failure unreachable(IOException e) {
        return CommandErrors.Failure.refused("the node at " + rpc + " cannot be reached (" + e.getMessage() + ")");
    }

    /** The node answered with an error that is not a contract's refusal. */
    public CommandErrors.Failure answered(Exception e) {
        return CommandErrors.Failure.refused("the node at " + rpc + " answered: " + e.getMessage());
    }
}
