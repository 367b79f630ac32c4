package org.stele.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * One command-line option per key ({@code --rpc-http-port}), plus the short or older names a command keeps for it
 * ({@code --port}, {@code -p}). Options carry no default of their own: a flag that was not given leaves the key to
 * the environment, the file or the default.
 */
public final class ConfigFlags {
    private ConfigFlags() {
    }

    /** Adds an option for every key of {@code schema} to {@code spec}. */
    public static void addTo(CommandSpec spec, ConfigSchema<?> schema, Map<String, List<String>> aliases) {
        for (ConfigSchema.Key k : schema.keys()) {
            List<String> names = new ArrayList<>();
            names.add("--" + k.name());
            names.addAll(aliases.getOrDefault(k.name(), List.of()));
            OptionSpec.Builder option = OptionSpec.builder(names.toArray(String[]::new)).type(String.class)
                    .paramLabel("<" + ConfigSchema.typeName(k.type()) + ">")
                    .description("Default: " + (k.defaultValue() == null ? "none" : k.defaultValue()) + "; environment "
                            + k.environmentVariable() + ".");
            if (k.isBoolean()) option.arity("0..1").fallbackValue("true");
            spec.addOption(option.build());
        }
    }

    /** The keys given on the command line. */
    public static ConfigSource given(ParseResult parsed, ConfigSchema<?> schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ConfigSchema.Key k : schema.keys()) {
            OptionSpec option = parsed.matchedOption("--" + k.name());
            if (option == null) continue;
            values.put(k.name(), JsonNodeFactory.instance.textNode(option.getValue().toString()));
            names.put(k.name(), option.longestName());
        }
        return new ConfigSource("command line", values, names);
    }
}
