package org.stele.node.cli;

import java.util.LinkedHashSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code stele} command line. Each subcommand is a class of its own, registered here. */
@Command(name = "stele", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class, description = "Stele: a consortium blockchain with EVM contracts and QBFT finality.", subcommands = {
        VersionCommand.class, DevCommand.class, EvmCommand.class, ConsensusCommand.class, KeysCommand.class,
        BlocksCommand.class, NodeCommand.class, NetworkCommand.class, ProofCommand.class, CharityCommand.class,
        NotaryCommand.class,
        org.stele.node.gov.GovCommand.class, org.stele.node.vc.VcCommand.class, org.stele.node.did.DidCommand.class,
        org.stele.node.audit.AuditCommand.class, PointsCommand.class,
        TreeHelpCommand.class})
public final class SteleCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The whole command tree, with {@code -h}/{@code --help} on every command and a {@code help} subcommand in every
     * group: a command class that forgets {@code mixinStandardHelpOptions} would otherwise answer {@code --help} with
     * "Unknown option", and {@code stele help} only knows the top-level commands. {@code help} takes a path of names.
     */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new SteleCommand());
        withHelp(root);
        return root;
    }

    private static void withHelp(CommandLine command) {
        // A copy: a group gains its help subcommand while its subcommands are walked.
        for (CommandLine sub : new LinkedHashSet<>(command.getSubcommands().values())) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null)
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            if (!sub.getSubcommands().isEmpty() && !sub.getSubcommands().containsKey("help"))
                sub.addSubcommand("help", new TreeHelpCommand());
            withHelp(sub);
        }
    }
}
