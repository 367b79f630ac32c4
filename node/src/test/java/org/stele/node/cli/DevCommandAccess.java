package org.stele.node.cli;

import java.util.Map;
import org.stele.node.devnode.DevConfig;
import picocli.CommandLine;

/** Parses {@code stele dev}'s arguments as the command line would and resolves its settings, without starting it. */
public final class DevCommandAccess {
    private DevCommandAccess() {
    }

    public static DevConfig config(Map<String, String> env, String... args) {
        CommandLine line = new CommandLine(new DevCommand());
        line.parseArgs(args);
        DevCommand command = line.getCommand();
        return command.config(env);
    }
}
