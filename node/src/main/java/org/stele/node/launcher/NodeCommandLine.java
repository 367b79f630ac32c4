package org.stele.node.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a node process is started: the JVM running this launcher, with its class path and native-access flag, a heap
 * of its own, and {@code stele node --config node.toml} in the node's folder. The same line, shown to the operator,
 * restarts a node by hand.
 *
 * @param java      the {@code java} executable
 * @param classPath the launcher's own class path, which holds the node
 * @param heap      the {@code -Xmx} value, such as {@code 1g}
 * @param launcher  the {@code stele} script when the launcher was started through it, for a shorter restart line
 * @param jvmOptions more options for each node's JVM (a profiler, GC logging), after the heap
 */
public record NodeCommandLine(Path java, String classPath, String heap, Optional<Path> launcher,
        List<String> jvmOptions) {

    public NodeCommandLine {
        jvmOptions = List.copyOf(jvmOptions);
        for (String o : jvmOptions)
            if (o.isBlank() || o.chars().anyMatch(Character::isWhitespace))
                throw new IllegalArgumentException("a JVM option is one word without spaces, got '" + o + "'");
    }

    private static final String MAIN = "org.stele.node.cli.SteleCommand";

    /** For a launcher started in this JVM: {@code STELE_HOME} names the checkout whose {@code stele} started it. */
    public static NodeCommandLine ofThisJvm(String heap, List<String> jvmOptions) {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        Optional<Path> launcher = Optional.ofNullable(System.getenv("STELE_HOME")).map(h -> Path.of(h, "stele"));
        return new NodeCommandLine(java, System.getProperty("java.class.path"), heap, launcher, jvmOptions);
    }

    /** The process's arguments, run in the node's folder. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap));
        args.addAll(jvmOptions);
        args.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", classPath, MAIN));
        args.addAll(nodeArguments());
        return args;
    }

    /** What an operator types in {@code dir} to restart the node by hand. */
    public String restartLine(Path dir) {
        String start = launcher
                .map(l -> "STELE_JAVA_OPTS=" + javaOpts() + " " + l + " " + String.join(" ", nodeArguments()))
                .orElseGet(() -> String.join(" ", arguments()));
        return "cd " + dir.toAbsolutePath() + " && " + start;
    }

    /** The heap and the extra options as one {@code STELE_JAVA_OPTS} word (quoted when there are several). */
    private String javaOpts() {
        if (jvmOptions.isEmpty())
            return "-Xmx" + heap;
        return "'-Xmx" + heap + " " + String.join(" ", jvmOptions) + "'";
    }

    private static List<String> nodeArguments() {
        return List.of("node", "--config", NodeDirectory.CONFIG_FILE);
    }
}
