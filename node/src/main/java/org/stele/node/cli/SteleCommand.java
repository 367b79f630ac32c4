package org.stele.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stele} command line. Each subcommand is a class of its own, registered here. */
@Command(name = "stele", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class, description = "Stele: a consortium blockchain with EVM contracts and QBFT finality.", subcommands = {
        VersionCommand.class, DevCommand.class, EvmCommand.class, ConsensusCommand.class, KeysCommand.class,
        BlocksCommand.class, NodeCommand.class, NetworkCommand.class, ProofCommand.class, CharityCommand.class,
        NotaryCommand.class,
        org.stele.node.gov.GovCommand.class, org.stele.node.vc.VcCommand.class, org.stele.node.did.DidCommand.class,
        org.stele.node.audit.AuditCommand.class, PointsCommand.class,
        CommandLine.HelpCommand.class})
public final class SteleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SteleCommand()).execute(args));
    }
}
