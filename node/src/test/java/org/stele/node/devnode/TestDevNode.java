package org.stele.node.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.node.config.ConfigSource;
import org.stele.node.dev.DevAccounts;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.keys.Web3Keystore;

/**
 * A {@code stele dev} node in the test's own process, the one set-up the command and application tests share: its
 * chain under {@code dataPath}, JSON-RPC on a free loopback port, {@code accounts} funded dev accounts, and the clock
 * the test gives it (most tests fix it, so that block times and rate buckets do not move while they run).
 */
public final class TestDevNode implements AutoCloseable {
    /** The clock most tests fix their chain's time to. */
    public static final InstantSource FIXED_CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

    private final DevNode node;
    private final String rpc;

    private TestDevNode(DevNode node, String rpc) {
        this.node = node;
        this.rpc = rpc;
    }

    /** A node with the fixed clock. */
    public static TestDevNode start(Path dataPath, int accounts) throws InterruptedException {
        return start(dataPath, accounts, FIXED_CLOCK, Map.of());
    }

    /** A node with this clock and these settings besides its data path, port and accounts (config file keys). */
    public static TestDevNode start(Path dataPath, int accounts, InstantSource clock, Map<String, JsonNode> settings)
            throws InterruptedException {
        Map<String, JsonNode> values = new HashMap<>(settings);
        values.put("data-path", TextNode.valueOf(dataPath.toString()));
        values.put("rpc-http-port", IntNode.valueOf(0));
        values.put("accounts", IntNode.valueOf(accounts));
        DevNode node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))), clock);
        return new TestDevNode(node, "http://127.0.0.1:" + node.start().getPort());
    }

    public DevNode node() {
        return node;
    }

    /** The JSON-RPC URL, {@code http://127.0.0.1:PORT}. */
    public String rpc() {
        return rpc;
    }

    public List<DevAccounts.Account> accounts() {
        return node.accounts();
    }

    /** The dev accounts' addresses, lower-case hex. */
    public List<String> addresses() {
        return node.accounts().stream().map(a -> a.address().toHex()).toList();
    }

    public Path genesisFile() {
        return node.genesisFile();
    }

    /** Writes {@code account}'s key to a new hex key file, as {@code --key-file} and {@code --key} read it. */
    public static Path keyFile(Path file, DevAccounts.Account account) throws KeyFileException {
        NodeKeyFile.write(file, account.key(), Optional.empty(), Web3Keystore.Params.STANDARD, new SecureRandom());
        return file;
    }

    @Override
    public void close() {
        node.close();
    }
}
