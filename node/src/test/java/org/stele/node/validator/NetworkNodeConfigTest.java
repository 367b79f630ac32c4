package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.node.config.ConfigException;
import org.stele.node.config.ConfigSchema;
import org.stele.node.config.ConfigSource;

class NetworkNodeConfigTest {
    private static ConfigSource source(String name, Map<String, String> values) {
        Map<String, JsonNode> v = new java.util.HashMap<>();
        values.forEach((k, x) -> v.put(k, TextNode.valueOf(x)));
        return new ConfigSource(name, v, Map.of());
    }

    @Test
    void theNetworkKeysAreNamedAsOperatorsAreTold() {
        assertThat(NetworkNodeConfig.SCHEMA.keys()).extracting(ConfigSchema.Key::name).contains("genesis",
                "node-key-file", "node-key-password-file", "p2p-host", "p2p-port", "p2p-static-peers",
                "p2p-allowlist", "qbft-block-period", "qbft-empty-block-period", "qbft-request-timeout",
                "qbft-max-timeout-exponent", "data-path", "rpc-http-host", "rpc-http-port");
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        String text = Files.readString(
                Path.of(System.getProperty("stele.root", "..")).resolve("docs/configuration.md"));
        for (ConfigSchema.Key k : NetworkNodeConfig.SCHEMA.keys())
            assertThat(text).as("docs/configuration.md lists %s", k.name()).contains("`" + k.name() + "`");
    }

    @Test
    void aBlockPeriodFromTheConfigurationWinsOverTheGenesisWhichWinsOverTheDefault(@TempDir Path dir)
            throws Exception {
        Path withPeriod = dir.resolve("g1.json");
        Files.writeString(withPeriod, "{\"config\":{\"qbft\":{\"blockperiodseconds\":2,\"requesttimeoutseconds\":4}}}");
        Path without = dir.resolve("g2.json");
        Files.writeString(without, "{\"config\":{\"qbft\":{}}}");
        NetworkNodeConfig configured = NetworkNodeConfig.SCHEMA
                .build(List.of(source("flags", Map.of("qbft-block-period", "75ms"))));
        assertThat(QbftTimings.resolve(configured.qbft(), withPeriod).blockPeriod()).isEqualTo(Duration.ofMillis(75));
        QbftTimings fromGenesis = QbftTimings.resolve(NetworkNodeConfig.DEFAULTS.qbft(), withPeriod);
        assertThat(fromGenesis.blockPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fromGenesis.engineConfig().baseRoundTimeoutMillis()).isEqualTo(4_000);
        assertThat(QbftTimings.resolve(NetworkNodeConfig.DEFAULTS.qbft(), without).blockPeriod())
                .isEqualTo(QbftTimings.DEFAULT_BLOCK_PERIOD);
    }

    @Test
    void aStaticPeerThatIsNotAddressAtHostPortIsRefusedNamingTheKeys() {
        assertThatThrownBy(() -> NetworkNodeConfig.SCHEMA
                .build(List.of(source("flags", Map.of("p2p-static-peers", "127.0.0.1:30303")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("p2p-")
                .hasMessageContaining("ADDRESS@HOST:PORT");
    }

    @Test
    void listsCanBeGivenCommaSeparatedOnTheCommandLine() {
        NetworkNodeConfig c = NetworkNodeConfig.SCHEMA.build(List.of(source("flags",
                Map.of("p2p-allowlist",
                        "0x00000000000000000000000000000000000000aa,0x00000000000000000000000000000000000000bb"))));
        assertThat(c.p2p().allowlistAddresses()).hasSize(2);
    }
}
