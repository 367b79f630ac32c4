package org.stele.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Values for some keys from one place.
 *
 * @param name where they came from, for error messages ({@code stele.toml}, {@code environment}, {@code flags})
 * @param values by key; TOML values keep their type, the environment and flags give text
 * @param names how each key is spelt in this source ({@code STELE_RPC_HTTP_PORT}, {@code --port}), for messages
 */
public record ConfigSource(String name, Map<String, JsonNode> values, Map<String, String> names) {
    public ConfigSource {
        values = Map.copyOf(values);
        names = Map.copyOf(names);
    }

    String spelling(String key) {
        return names.getOrDefault(key, key);
    }
}
