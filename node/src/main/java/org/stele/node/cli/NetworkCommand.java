package org.stele.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stele.node.launcher.NetworkUpCommand;
import org.stele.node.network.NetworkInit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stele network}: a network of validators defined on disk. */
@Command(name = "network", description = "A QBFT network: write its definition (genesis, keys, configurations) and run it on this machine.", subcommands = {
        NetworkCommand.Init.class, NetworkUpCommand.class})
public final class NetworkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code stele network init --validators N --out DIR}. */
    @Command(name = "init", mixinStandardHelpOptions = true, description = "Write genesis.json, one key and node.toml per validator, and a README into a directory.")
    public static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--validators", required = true, description = "How many validators (1 to 64).")
        int validators;

        @Option(names = "--out", required = true, description = "Directory to write the network definition into.")
        Path out;

        @Option(names = "--chain-id", description = "Chain id (default: ${DEFAULT-VALUE}).", defaultValue = "1337")
        long chainId;

        @Option(names = "--base-port", description = "Node I gets JSON-RPC on BASE+10(I-1), P2P on the next port and metrics on the one after (default: free ports picked now).")
        int basePort;

        @Option(names = "--passphrase-file", description = "Encrypt every key as a web3 keystore with the first line of this file.")
        Path passphraseFile;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<NetworkInit.NodeFiles> nodes;
            try {
                nodes = new NetworkInit(validators, chainId, basePort, Optional.ofNullable(passphraseFile)).write(out,
                        new SecureRandom());
            } catch (IllegalArgumentException | IllegalStateException e) {
                err.println("stele network init: " + e.getMessage());
                return 2;
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("A " + validators + "-validator network in " + out.toAbsolutePath() + " (see its README.md):");
            for (NetworkInit.NodeFiles n : nodes)
                o.printf("  node %d  %s  rpc http://127.0.0.1:%d  p2p 127.0.0.1:%d%n", n.index(),
                        n.address().toChecksumHex(), n.rpcPort(), n.p2pPort());
            o.flush();
            return 0;
        }
    }
}
