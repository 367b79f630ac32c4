package org.stele.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.node.cli.DevCommandAccess;
import org.stele.node.devnode.DevConfig;

/**
 * {@code stele dev}'s settings from defaults, a TOML file, {@code STELE_*} variables and flags: flags win over the
 * environment, the environment over the file, the file over the defaults.
 */
class DevConfigSourcesTest {
    @TempDir
    Path dir;

    private Path file(String toml) throws Exception {
        Path f = dir.resolve("stele.toml");
        Files.writeString(f, toml);
        return f;
    }

    @Test
    void withNothingGivenTheDefaultsAreAnvilsAndTheOldFlagsOnes() {
        DevConfig c = DevCommandAccess.config(Map.of());
        assertThat(c).isEqualTo(DevConfig.DEFAULTS);
        assertThat(c.node().rpcHttp().port()).isEqualTo(8545);
        assertThat(c.node().rpcHttp().host()).isEqualTo("127.0.0.1");
        assertThat(c.node().dataPath()).isEqualTo(Path.of(".stele/dev"));
        assertThat(c.chainId()).isEqualTo(31337);
    }

    /** Each of four sources may set a port; the one that wins is the highest present. */
    @Property(tries = 32)
    void theHighestSourcePresentDecides(@ForAll boolean inFile, @ForAll boolean inEnv, @ForAll boolean onFlag,
            @ForAll @IntRange(min = 1, max = 60_000) int base) throws Exception {
        Path d = Files.createTempDirectory("stele-config");
        try {
            Path f = d.resolve("stele.toml");
            Files.writeString(f, inFile ? "rpc-http-port = " + base + "\n" : "chain-id = 5\n");
            Map<String, String> env = inEnv ? Map.of("STELE_RPC_HTTP_PORT", String.valueOf(base + 1)) : Map.of();
            String[] args = onFlag
                    ? new String[]{"--config", f.toString(), "--rpc-http-port", String.valueOf(base + 2)}
                    : new String[]{"--config", f.toString()};
            int expected = onFlag ? base + 2 : inEnv ? base + 1 : inFile ? base : 8545;
            assertThat(DevCommandAccess.config(env, args).node().rpcHttp().port()).isEqualTo(expected);
        } finally {
            try (var files = Files.list(d)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(d);
        }
    }

    @Test
    void theOldFlagNamesAndTheKeysNameTheSameSettings() {
        DevConfig c = DevCommandAccess.config(Map.of(), "--port", "9000", "--data-dir", "/tmp/x", "--host", "0.0.0.0",
                "-b", "2", "-a", "3", "--chain-id", "7");
        assertThat(c.node().rpcHttp().port()).isEqualTo(9000);
        assertThat(c.node().dataPath()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.node().rpcHttp().host()).isEqualTo("0.0.0.0");
        assertThat(c.blockTime()).isEqualTo(2);
        assertThat(c.accounts()).isEqualTo(3);
        assertThat(c.chainId()).isEqualTo(7);
        assertThat(DevCommandAccess.config(Map.of(), "--data-path", "/tmp/y").node().dataPath())
                .isEqualTo(Path.of("/tmp/y"));
    }

    @Test
    void nestedSettingsOfTheRpcServerAndThePoolAreKeysToo() throws Exception {
        Path f = file("""
                tx-pool-min-gas-price = 7
                [rpc-http]
                cors-origins = "https://example.org"
                limits-max-batch-size = 10
                """);
        DevConfig c = DevCommandAccess.config(Map.of("STELE_TX_POOL_MAX_TOTAL", "100"), "--config", f.toString());
        assertThat(c.node().rpcHttp().corsOrigins()).isEqualTo("https://example.org");
        assertThat(c.node().rpcHttp().limits().maxBatchSize()).isEqualTo(10);
        assertThat(c.node().txPool().minGasPrice()).isEqualTo(BigInteger.valueOf(7));
        assertThat(c.node().txPool().maxTotal()).isEqualTo(100);
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorOfOneLine() throws Exception {
        Path f = file("rpc-http-prot = 1\n");
        assertThatThrownBy(() -> DevCommandAccess.config(Map.of(), "--config", f.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(f + ": unknown key 'rpc-http-prot'");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyAndWhereItCameFrom() throws Exception {
        assertThatThrownBy(() -> DevCommandAccess.config(Map.of("STELE_RPC_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("environment: STELE_RPC_HTTP_PORT = ")
                .hasMessageContaining("not a valid integer");
        Path f = file("chain-id = \"x\"\n");
        assertThatThrownBy(() -> DevCommandAccess.config(Map.of(), "--config", f.toString()))
                .hasMessageStartingWith(f + ": chain-id = ");
        assertThatThrownBy(() -> DevCommandAccess.config(Map.of(), "-a", "0"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("accounts must be between 1 and 1000");
    }

    @Test
    void aFileThatIsMissingOrNotTomlIsAnError() throws Exception {
        assertThatThrownBy(() -> DevCommandAccess.config(Map.of(), "--config", dir.resolve("none.toml").toString()))
                .hasMessageEndingWith("none.toml: no such file");
        Path f = file("port = = 1\n");
        assertThatThrownBy(() -> DevCommandAccess.config(Map.of(), "--config", f.toString()))
                .hasMessageStartingWith(f + ": not valid TOML");
    }

    @Test
    void environmentVariablesAreTheKeysInUpperCase() {
        for (ConfigSchema.Key k : DevConfig.SCHEMA.keys()) {
            assertThat(k.environmentVariable())
                    .isEqualTo("STELE_" + k.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        assertThat(DevConfig.SCHEMA.keys()).extracting(ConfigSchema.Key::name).contains("data-path", "rpc-http-host",
                "rpc-http-port", "rpc-http-cors-origins", "tx-pool-max-total", "chain-id", "gas-limit", "block-time",
                "mnemonic", "accounts");
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        Path doc = Path.of(System.getProperty("stele.root", "..")).resolve("docs/configuration.md");
        String text = Files.readString(doc);
        for (ConfigSchema.Key k : DevConfig.SCHEMA.keys()) {
            assertThat(text).as("docs/configuration.md lists %s", k.name()).contains("`" + k.name() + "`");
        }
    }
}
