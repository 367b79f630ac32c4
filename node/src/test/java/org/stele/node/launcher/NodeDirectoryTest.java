package org.stele.node.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.node.config.ConfigException;

class NodeDirectoryTest {
    @TempDir
    Path network;

    private void node(String name, String toml) throws IOException {
        Path dir = Files.createDirectories(network.resolve(name));
        Files.writeString(dir.resolve(NodeDirectory.CONFIG_FILE), toml);
    }

    @Test
    void nodesAreFoundInTheOrderOfTheirNumbersNotOfTheirNames() throws IOException {
        for (int i : new int[]{10, 2, 1})
            node("node-" + i, "rpc-http-port = " + (8000 + i) + "\np2p-port = " + (9000 + i) + "\n");
        Files.createDirectories(network.resolve("node-x"));
        Files.writeString(network.resolve("genesis.json"), "{}");

        List<NodeDirectory> nodes = NodeDirectory.scan(network);

        assertThat(nodes).extracting(NodeDirectory::index).containsExactly(1, 2, 10);
        assertThat(nodes).extracting(NodeDirectory::rpcPort).containsExactly(8001, 8002, 8010);
    }

    @Test
    void theBannerNamesEveryAddressTheFileSets() throws IOException {
        node("node-3", """
                rpc-http-host = "127.0.0.1"
                rpc-http-port = 8545
                p2p-host = "127.0.0.2"
                p2p-port = 30303
                metrics-port = 9545
                """);

        NodeDirectory node = NodeDirectory.scan(network).getFirst();

        assertThat(node.banner()).isEqualTo("node 3  rpc http://127.0.0.1:8545  ws ws://127.0.0.1:8545"
                + "  p2p 127.0.0.2:30303  metrics http://127.0.0.1:9545/metrics");
    }

    @Test
    void withoutMetricsTheBannerLeavesThemOut() throws IOException {
        node("node-1", "rpc-http-port = 8545\np2p-port = 30303\n");

        assertThat(NodeDirectory.scan(network).getFirst().banner())
                .isEqualTo("node 1  rpc http://127.0.0.1:8545  ws ws://127.0.0.1:8545  p2p 127.0.0.1:30303");
    }

    @Test
    void aDirectoryWithoutNodesIsRefusedWithTheCommandThatMakesThem() {
        assertThatThrownBy(() -> NodeDirectory.scan(network)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("stele network init");
    }

    @Test
    void aNodeFileWithoutItsPortsIsRefusedNamingTheKey() throws IOException {
        node("node-1", "rpc-http-port = 8545\n");

        assertThatThrownBy(() -> NodeDirectory.scan(network)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'p2p-port' must be set");
    }

    @Test
    void aPortOutOfRangeIsRefused() throws IOException {
        node("node-1", "rpc-http-port = 70000\np2p-port = 30303\n");

        assertThatThrownBy(() -> NodeDirectory.scan(network)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'rpc-http-port' must be a port from 1 to 65535");
    }

    @Test
    void aNodeFileThatIsNotTomlIsRefusedNamingTheFile() throws IOException {
        node("node-1", "rpc-http-port = = 1\n");

        assertThatThrownBy(() -> NodeDirectory.scan(network)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.toml: not valid TOML");
    }
}
