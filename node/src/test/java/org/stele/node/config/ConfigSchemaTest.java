package org.stele.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys come from the records' components, whatever their types: a setting added to a component record is read from
 * every source without code in the node.
 */
class ConfigSchemaTest {
    record Limits(int maxConnections, Duration idleTimeout) {}

    record Server(String host, List<String> hostAllowlist, boolean enabled, Limits limits) {}

    record Settings(@Flatten Common common, Server rpcHttp, BigInteger minGasPrice) {}

    record Common(Path dataPath) {}

    private static final Settings DEFAULTS = new Settings(new Common(Path.of("data")),
            new Server("127.0.0.1", List.of("localhost"), false, new Limits(100, Duration.ofSeconds(30))),
            BigInteger.ZERO);
    private static final ConfigSchema<Settings> SCHEMA = new ConfigSchema<>(Settings.class, DEFAULTS);

    private static ConfigSource given(String name, Map<String, String> values) {
        Map<String, JsonNode> nodes = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> nodes.put(k, TextNode.valueOf(v)));
        return new ConfigSource(name, nodes, Map.of());
    }

    @Test
    void everyComponentIsAKeyNamedByItsPathInKebabCase() {
        assertThat(SCHEMA.keys()).extracting(ConfigSchema.Key::name).containsExactly("data-path", "rpc-http-host",
                "rpc-http-host-allowlist", "rpc-http-enabled", "rpc-http-limits-max-connections",
                "rpc-http-limits-idle-timeout", "min-gas-price");
        assertThat(SCHEMA.build(List.of())).isEqualTo(DEFAULTS);
    }

    @Test
    void textFromTheEnvironmentOrFlagsBecomesEachComponentsType() {
        Settings s = SCHEMA.build(List.of(given("flags",
                Map.of("rpc-http-host-allowlist", "a.example, b.example", "rpc-http-enabled", "true",
                        "rpc-http-limits-idle-timeout", "500ms", "rpc-http-limits-max-connections", "1_000",
                        "min-gas-price", "1000000000000000000000", "data-path", "/srv/stele"))));
        assertThat(s.rpcHttp().hostAllowlist()).containsExactly("a.example", "b.example");
        assertThat(s.rpcHttp().enabled()).isTrue();
        assertThat(s.rpcHttp().limits().idleTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.rpcHttp().limits().maxConnections()).isEqualTo(1000);
        assertThat(s.minGasPrice()).isEqualTo(BigInteger.TEN.pow(21));
        assertThat(s.common().dataPath()).isEqualTo(Path.of("/srv/stele"));
        assertThat(SCHEMA.build(List.of(given("f", Map.of("rpc-http-limits-idle-timeout", "PT2M")))).rpcHttp()
                .limits().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void environmentVariablesNameNoOtherKeysAndOthersAreLeftAlone() {
        Settings s = SCHEMA.build(List.of(SCHEMA.environment(
                Map.of("STELE_RPC_HTTP_LIMITS_MAX_CONNECTIONS", "7", "STELE_RPC_URL", "http://elsewhere"))));
        assertThat(s.rpcHttp().limits().maxConnections()).isEqualTo(7);
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndTheirSource() {
        assertThatThrownBy(() -> SCHEMA.build(List.of(given("flags", Map.of("rpc-http-enabled", "yes")))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("flags: rpc-http-enabled = \"yes\"");
        assertThatThrownBy(
                () -> SCHEMA.build(List.of(given("flags", Map.of("rpc-http-limits-max-connections", "3000000000")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a valid integer");
        assertThatThrownBy(
                () -> SCHEMA.build(List.of(given("flags", Map.of("rpc-http-limits-idle-timeout", "soon")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("want a duration");
        assertThatThrownBy(() -> SCHEMA.build(List.of(given("f.toml", Map.of("rpc-http-hots", "x")))))
                .isInstanceOf(ConfigException.class).hasMessage("f.toml: unknown key 'rpc-http-hots'");
    }
}
