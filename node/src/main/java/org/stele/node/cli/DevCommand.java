package org.stele.node.cli;

import picocli.CommandLine.Command;

/**
 * {@code stele dev}: the single-node development chain. Until the node and JSON-RPC land (issue 4) it says what it
 * will do instead of pretending to run.
 */
@Command(name = "dev", description = "Run a single-node development chain with prefunded accounts (JSON-RPC on 127.0.0.1:8545).")
public final class DevCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("""
                stele dev will start a single-validator chain in ./.stele/dev with JSON-RPC on http://127.0.0.1:8545,
                ten prefunded accounts from the mnemonic 'test test test test test test test test test test test junk',
                and blocks sealed as transactions arrive. The node and JSON-RPC server are not built yet.
                Available now: see ./stele --help (stele version, stele evm, stele consensus).""");
        return 2;
    }
}
