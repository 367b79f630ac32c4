package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every command and command group of {@code stele}, found by walking picocli's command tree (so a command added later
 * is covered without touching this test), answers {@code --help}, {@code -h} and its group's {@code help} command with
 * its own usage and exit status 0.
 */
class CommandTreeHelpTest {

    /** The path of every node below the root, such as {@code [points]} and {@code [points, transfer]}. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        walk(SteleCommand.commandLine(), List.of(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            // Aliases are listed under each of their names; the command's own name is enough.
            if (!name.equals(sub.getCommandName()))
                return;
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            walk(sub, subPath, paths);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpWithItsUsageAndExitsZero() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).as("the tree holds the groups and their commands")
                .contains(List.of("points"), List.of("points", "transfer"), List.of("gov"), List.of("notary"),
                        List.of("vc"), List.of("network", "up"));
        return paths.stream().flatMap(path -> Stream.of("--help", "-h").map(flag -> DynamicTest
                .dynamicTest("stele " + String.join(" ", path) + " " + flag, () -> {
                    List<String> args = new ArrayList<>(path);
                    args.add(flag);
                    assertAnswersWithUsage(CliRun.of(args.toArray(String[]::new)), path);
                })));
    }

    /** {@code stele help points}, {@code stele points help transfer}: each group's help names its own commands. */
    @TestFactory
    Stream<DynamicTest> theHelpCommandOfEachGroupShowsTheUsageOfEveryCommandInIt() {
        return commandPaths().stream().map(path -> {
            List<String> args = new ArrayList<>(path.subList(0, path.size() - 1));
            args.add("help");
            args.add(path.getLast());
            return DynamicTest.dynamicTest("stele " + String.join(" ", args),
                    () -> assertAnswersWithUsage(CliRun.of(args.toArray(String[]::new)), path));
        });
    }

    /** {@code stele help points transfer}: the help command follows a whole path, as git's and cargo's do. */
    @TestFactory
    Stream<DynamicTest> theTopLevelHelpCommandFollowsAPathToEveryCommand() {
        return commandPaths().stream().filter(path -> path.size() > 1).map(path -> {
            List<String> args = new ArrayList<>();
            args.add("help");
            args.addAll(path);
            return DynamicTest.dynamicTest("stele " + String.join(" ", args),
                    () -> assertAnswersWithUsage(CliRun.of(args.toArray(String[]::new)), path));
        });
    }

    @Test
    void helpForANameThatIsNotACommandSaysWhichGroupLacksItAndFails() {
        CliRun run = CliRun.of("help", "points", "nosuch");

        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("Unknown command 'nosuch' in 'stele points': its commands are ")
                .contains("transfer").doesNotContain("Exception");
    }

    private static void assertAnswersWithUsage(CliRun run, List<String> path) {
        assertThat(run.status()).as("exit status, stderr: %s", run.err()).isZero();
        // The command's own usage line; picocli's help command puts a header line before its own.
        assertThat(run.out().lines().filter(l -> l.startsWith("Usage:")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).startsWith("Usage: stele " + String.join(" ", path) + " "));
        assertThat(run.err()).doesNotContain("Unknown option");
    }
}
