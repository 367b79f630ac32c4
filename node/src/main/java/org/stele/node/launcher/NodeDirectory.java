package org.stele.node.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.stele.node.config.ConfigException;
import org.stele.node.config.ConfigSource;
import org.stele.node.config.TomlFile;

/**
 * One node's folder in a network directory: {@code node-N/} with its {@code node.toml}, key and data. The addresses a
 * banner shows are read from the file the node itself reads, so they cannot disagree.
 *
 * @param index       N of {@code node-N}
 * @param dir         the folder; the node runs with it as working directory, so the file's relative paths hold
 * @param rpcHost     {@code rpc-http-host}
 * @param rpcPort     {@code rpc-http-port}
 * @param p2pHost     {@code p2p-host}
 * @param p2pPort     {@code p2p-port}
 * @param metricsHost {@code metrics-host}
 * @param metricsPort {@code metrics-port} when the file sets it
 */
public record NodeDirectory(int index, Path dir, String rpcHost, int rpcPort, String p2pHost, int p2pPort,
        String metricsHost, OptionalInt metricsPort) {
    /** The file a node reads its settings from, in its folder. */
    public static final String CONFIG_FILE = "node.toml";

    private static final Pattern NAME = Pattern.compile("node-([1-9][0-9]{0,3})");

    /** {@code rpc-http-host} and {@code p2p-host} when the file leaves them out, as the node itself defaults. */
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * The node folders of {@code network}, in the order of their numbers.
     *
     * @throws ConfigException when the directory holds no node folder or a folder's file is unusable
     */
    public static List<NodeDirectory> scan(Path network) {
        List<NodeDirectory> nodes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(network)) {
            for (Path entry : entries.toList()) {
                Matcher m = NAME.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry))
                    nodes.add(read(Integer.parseInt(m.group(1)), entry));
            }
        } catch (IOException e) {
            throw new ConfigException(network + ": cannot list the network directory: " + e.getMessage());
        }
        if (nodes.isEmpty())
            throw new ConfigException(network + ": no node-N folders; run `stele network init` first");
        nodes.sort(Comparator.comparingInt(NodeDirectory::index));
        return List.copyOf(nodes);
    }

    static NodeDirectory read(int index, Path dir) {
        Path file = dir.resolve(CONFIG_FILE);
        ConfigSource source = TomlFile.read(file);
        return new NodeDirectory(index, dir, text(source, "rpc-http-host", LOOPBACK), port(source, "rpc-http-port"),
                text(source, "p2p-host", LOOPBACK), port(source, "p2p-port"), text(source, "metrics-host", LOOPBACK),
                optionalPort(source, "metrics-port"));
    }

    private static String text(ConfigSource source, String key, String otherwise) {
        JsonNode value = source.values().get(key);
        return value == null ? otherwise : value.asText();
    }

    private static int port(ConfigSource source, String key) {
        return optionalPort(source, key).orElseThrow(
                () -> new ConfigException(source.name() + ": '" + key + "' must be set for `stele network up`"));
    }

    private static OptionalInt optionalPort(ConfigSource source, String key) {
        JsonNode value = source.values().get(key);
        if (value == null)
            return OptionalInt.empty();
        if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > 65_535)
            throw new ConfigException(source.name() + ": '" + key + "' must be a port from 1 to 65535, not " + value);
        return OptionalInt.of(value.asInt());
    }

    /** The banner line: how to reach this node. */
    public String banner() {
        String rpc = rpcHost + ":" + rpcPort;
        String line = "node " + index + "  rpc http://" + rpc + "  ws ws://" + rpc + "  p2p " + p2pHost + ":" + p2pPort;
        if (metricsPort.isPresent())
            line += "  metrics http://" + metricsHost + ":" + metricsPort.getAsInt() + "/metrics";
        return line;
    }
}
