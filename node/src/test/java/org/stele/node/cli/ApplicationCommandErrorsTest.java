package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The option and error plumbing the application and tool commands share ({@code org.stele.node.cli.common}): the same
 * {@code --rpc} with the same default in each, a malformed URL refused as a bad argument, and a node that cannot be
 * reached said in one line with status 1, never a stack trace.
 */
class ApplicationCommandErrorsTest {
    private static final String CONTRACT = "0x" + "12".repeat(20);
    private static final String ACCOUNT = "0x" + "34".repeat(20);

    /** One read-only subcommand of each command: its path, and its arguments but --rpc. */
    private record Command(List<String> path, List<String> arguments) {
        CliRun run(String... more) {
            List<String> all = new ArrayList<>(path);
            all.addAll(arguments);
            all.addAll(List.of(more));
            return CliRun.of(all.toArray(String[]::new));
        }
    }

    private static final List<Command> COMMANDS = List.of(
            new Command(List.of("charity", "track"), List.of("--contract", CONTRACT, ACCOUNT)),
            new Command(List.of("notary", "status"), List.of("--contract", CONTRACT, "0x" + "ab".repeat(32))),
            new Command(List.of("points", "balance"), List.of("--token", CONTRACT, ACCOUNT)),
            new Command(List.of("vc", "trust", "show"), List.of("--type", "AnyCredential")),
            new Command(List.of("did", "resolve"), List.of("did:ethr:0x7a69:" + ACCOUNT)),
            new Command(List.of("gov", "list"), List.of()));

    @Test
    void everyCommandSaysInOneLineWithStatusOneThatTheNodeCannotBeReached() {
        for (Command command : COMMANDS) {
            CliRun r = command.run("--rpc", "http://127.0.0.1:1");
            assertThat(r.status()).as("%s: %s", command, r.err()).isEqualTo(1);
            assertThat(r.err().strip().lines()).as("%s", command).singleElement().asString()
                    .startsWith("stele " + command.path().getFirst()).contains("127.0.0.1:1").doesNotContain("\tat ");
        }
    }

    @Test
    void aMalformedRpcUrlIsABadArgumentOfEveryCommand() {
        for (Command command : COMMANDS) {
            CliRun r = command.run("--rpc", "http://no such host");
            assertThat(r.status()).as("%s: %s", command, r.err()).isEqualTo(2);
            assertThat(r.err()).as("%s", command).contains("--rpc").doesNotContain("\tat ");
        }
    }

    @Test
    void everyCommandOffersTheSameRpcOptionWithTheSameDefault() {
        for (Command command : COMMANDS) {
            CommandLine cli = new CommandLine(new SteleCommand());
            for (String name : command.path())
                cli = cli.getSubcommands().get(name);
            CommandLine.Model.OptionSpec rpc = cli.getCommandSpec().findOption("--rpc");
            assertThat(rpc.defaultValue()).as("%s", command).isEqualTo("http://127.0.0.1:8545");
            assertThat(rpc.description()).as("%s", command)
                    .containsExactly("The node's JSON-RPC URL (default http://127.0.0.1:8545).");
        }
    }
}
