package org.stele.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stele.common.Address;
import org.stele.node.launcher.NetworkUpCommand;
import org.stele.node.network.NetworkInit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stele network}: a network of validators defined on disk. */
@Command(name = "network", description = "A QBFT network: write its definition (genesis, keys, configurations) and run it on this machine.", subcommands = {
        NetworkCommand.Init.class, NetworkCommand.Genesis.class, NetworkUpCommand.class})
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

        @Option(names = "--gas-limit", description = "Block gas limit in genesis (at least 21000; default: ${DEFAULT-VALUE}); the governance contract's parameter can change it later.", defaultValue = "30000000")
        long gasLimit;

        @Option(names = "--block-period-ms", description = "Least time between blocks, in milliseconds (default: ${DEFAULT-VALUE}).", defaultValue = "250")
        long blockPeriodMillis;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<NetworkInit.NodeFiles> nodes;
            try {
                nodes = new NetworkInit(validators, chainId, basePort, Optional.ofNullable(passphraseFile),
                        blockPeriodMillis, gasLimit).write(out, new SecureRandom());
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

    /**
     * {@code stele network genesis --validator 0xA --validator 0xB … --out genesis.json}: the genesis of a network whose
     * members made their keys on their own machines and sent only their addresses, so no key leaves its owner.
     */
    @Command(name = "genesis", mixinStandardHelpOptions = true, description = "Write a QBFT genesis.json whose validators are the given node addresses (each member keeps its own key).")
    public static final class Genesis implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--validator", required = true, description = "A validator's node address (repeat for each; stele keys show prints it).")
        List<String> validators;

        @Option(names = "--out", required = true, description = "The genesis file to write; an existing file is never overwritten.")
        Path out;

        @Option(names = "--chain-id", description = "Chain id (default: ${DEFAULT-VALUE}).", defaultValue = "1337")
        long chainId;

        @Option(names = "--gas-limit", description = "Block gas limit in genesis (at least 21000; default: ${DEFAULT-VALUE}); the governance contract's parameter can change it later.", defaultValue = "30000000")
        long gasLimit;

        @Option(names = "--block-period-ms", description = "Least time between blocks, in milliseconds (default: ${DEFAULT-VALUE}).", defaultValue = "250")
        long blockPeriodMillis;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            java.util.TreeSet<Address> addresses = new java.util.TreeSet<>();
            try {
                for (String v : validators) {
                    Address a;
                    try {
                        a = Address.fromHex(v.strip());
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("--validator " + v + " is not a 20-byte 0x address");
                    }
                    if (!addresses.add(a))
                        throw new IllegalArgumentException("--validator " + v + " is given twice");
                }
                String genesis = new NetworkInit(addresses.size(), chainId, 0, Optional.empty(), blockPeriodMillis,
                        gasLimit).genesis(List.copyOf(addresses));
                if (out.toAbsolutePath().getParent() != null)
                    java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(out, genesis, java.nio.file.StandardOpenOption.CREATE_NEW);
            } catch (IllegalArgumentException e) {
                err.println("stele network genesis: " + e.getMessage());
                return 2;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                err.println("stele network genesis: " + out + " exists; it is not overwritten");
                return 2;
            } catch (java.io.IOException e) {
                err.println("stele network genesis: cannot write " + out + ": " + e.getMessage());
                return 2;
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("Genesis of chain " + chainId + " with " + addresses.size() + " validators written to " + out);
            for (Address a : addresses)
                o.println("  " + a.toChecksumHex());
            o.flush();
            return 0;
        }
    }
}
