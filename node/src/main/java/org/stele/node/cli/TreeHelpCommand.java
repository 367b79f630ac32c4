package org.stele.node.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND…]}: the usage of the command at the end of a path, as git's and cargo's help do, so that
 * {@code stele help points transfer} shows {@code points transfer}'s usage. picocli's own help command reads only the
 * first name and showed the group's usage for that line.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of a command (a path of names: help points transfer).")
public final class TreeHelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command whose usage to show.")
    List<String> path = List.of();

    private CommandLine parent;
    private ColorScheme colors;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.parent = helpCommandLine.getParent();
        this.colors = colorScheme;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        CommandLine target = parent;
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null)
                throw new CommandLine.ParameterException(target,
                        "Unknown command '" + name + "' in '" + commandName(target) + "': its commands are "
                                + String.join(", ", target.getSubcommands().keySet()) + ".");
            target = next;
        }
        target.usage(out, colors);
        out.flush();
        err.flush();
    }

    private static String commandName(CommandLine c) {
        return c.getCommandSpec().qualifiedName(" ");
    }
}
