package org.stele.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stele evm}: tools for the EVM on its own, as geth's {@code evm} command offers them. */
@Command(name = "evm", mixinStandardHelpOptions = true, description = "Run EVM bytecode, Ethereum state tests and blockchain tests.", subcommands = {
        EvmRunCommand.class, StateTestCommand.class, BlockTestCommand.class})
public final class EvmCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
