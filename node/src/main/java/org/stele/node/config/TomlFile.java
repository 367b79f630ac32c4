package org.stele.node.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration file in TOML, as Besu's: flat keys such as {@code rpc-http-port = 8545}. A table joins its name
 * to its keys with {@code -}, so {@code [rpc-http]} then {@code port = 8545} means the same.
 */
public final class TomlFile {
    private static final TomlMapper TOML = new TomlMapper();

    private TomlFile() {
    }

    /** @throws ConfigException when the file cannot be read or is not TOML */
    public static ConfigSource read(Path file) {
        String name = file.toString();
        JsonNode root;
        try {
            root = TOML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(name + ": no such file");
        } catch (JacksonException e) {
            throw new ConfigException(
                    name + ": not valid TOML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        flatten(root, "", values);
        return new ConfigSource(name, values, Map.of());
    }

    private static void flatten(JsonNode node, String prefix, Map<String, JsonNode> out) {
        node.fields().forEachRemaining(e -> {
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) flatten(e.getValue(), key + "-", out);
            else
                out.put(key, e.getValue());
        });
    }
}
