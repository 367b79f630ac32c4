package org.stele.node.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.DidRegistry;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.governance.GovernanceGenesis;
import org.stele.node.dev.DevAccounts;
import org.stele.node.dev.Mnemonic;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.keys.Web3Keystore;

/**
 * Writes a network definition: {@code DIR/genesis.json}, and for each node {@code DIR/node-I/key} and
 * {@code DIR/node-I/node.toml} with paths relative to {@code DIR/node-I} (the node's working directory), and a README
 * for the operator. Every node is a validator; the dev accounts of the well-known mnemonic are funded, as on
 * {@code stele dev}.
 *
 * @param validators   how many validators (1 to 64)
 * @param chainId      the chain id
 * @param basePort     0: free ports picked now; else node I has RPC on {@code base + 10(I-1)}, P2P one above and
 *                     metrics two above
 * @param passphrase   encrypts the keys as web3 keystores with this passphrase, read from {@code passphraseFile}
 * @param blockPeriodMillis the block period genesis gives the chain (QBFT settings and the {@code Parameters} contract)
 * @param gasLimit     the block gas limit genesis gives the chain (its header and the {@code Parameters} contract)
 */
public record NetworkInit(int validators, long chainId, int basePort, Optional<Path> passphraseFile,
        long blockPeriodMillis, long gasLimit) {
    /** JSON-RPC, P2P and metrics. */
    private static final int PORTS_PER_NODE = 3;

    public static final long DEFAULT_CHAIN_ID = 1337;
    public static final long GAS_LIMIT = 30_000_000;
    /** The least gas limit: one plain transfer fits in a block. */
    public static final long MIN_GAS_LIMIT = 21_000;
    public static final long DEFAULT_BLOCK_PERIOD_MILLIS = 250;
    /** Funded accounts: the first ones of {@code stele dev}'s, so the same scripts and wallets work. */
    public static final int FUNDED_ACCOUNTS = 10;
    private static final String BALANCE = "0x21e19e0c9bab2400000"; // 10,000 ETH

    /** A network with the default block period. */
    public NetworkInit(int validators, long chainId, int basePort, Optional<Path> passphraseFile) {
        this(validators, chainId, basePort, passphraseFile, DEFAULT_BLOCK_PERIOD_MILLIS, GAS_LIMIT);
    }

    /** A network with the default gas limit. */
    public NetworkInit(int validators, long chainId, int basePort, Optional<Path> passphraseFile,
            long blockPeriodMillis) {
        this(validators, chainId, basePort, passphraseFile, blockPeriodMillis, GAS_LIMIT);
    }

    public NetworkInit {
        if (blockPeriodMillis <= 0)
            throw new IllegalArgumentException("--block-period-ms must be positive");
        if (gasLimit < MIN_GAS_LIMIT)
            throw new IllegalArgumentException("--gas-limit must be at least " + MIN_GAS_LIMIT
                    + " (one plain transfer), not " + gasLimit);
        if (validators < 1 || validators > 64)
            throw new IllegalArgumentException("--validators must be between 1 and 64");
        if (chainId <= 0)
            throw new IllegalArgumentException("--chain-id must be positive");
        if (basePort != 0 && (basePort < 1024 || basePort + 10 * validators > 65535))
            throw new IllegalArgumentException("--base-port must leave room for 10 ports per node below 65536");
    }

    /** One node of the definition. */
    public record NodeFiles(int index, Address address, Path dir, int rpcPort, int p2pPort, int metricsPort) {
        public String endpoint() {
            return address.toChecksumHex() + "@127.0.0.1:" + p2pPort;
        }
    }

    /**
     * Writes the definition into {@code out}, which must not hold one yet.
     *
     * @throws IllegalStateException with a message for the operator when a file cannot be written
     */
    public List<NodeFiles> write(Path out, SecureRandom random) {
        Path genesisFile = out.resolve("genesis.json");
        if (Files.exists(genesisFile))
            throw new IllegalStateException(genesisFile + " exists already; choose another --out");
        Optional<String> passphrase;
        try {
            passphrase = passphraseFile.isPresent()
                    ? Optional.of(NodeKeyFile.readPassphrase(passphraseFile.get()))
                    : Optional.empty();
        } catch (KeyFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < validators; i++)
            keys.add(suite.generateKeyPair(random));
        // Node I is the I-th validator in address order, the order of the extra data and of proposer rotation.
        keys.sort(Comparator.comparing(k -> suite.address(k.publicKey())));
        List<Integer> ports = ports(PORTS_PER_NODE * validators);
        List<NodeFiles> nodes = new ArrayList<>();
        for (int i = 0; i < validators; i++)
            nodes.add(new NodeFiles(i + 1, suite.address(keys.get(i).publicKey()), out.resolve("node-" + (i + 1)),
                    ports.get(PORTS_PER_NODE * i), ports.get(PORTS_PER_NODE * i + 1),
                    ports.get(PORTS_PER_NODE * i + 2)));
        try {
            Files.createDirectories(out);
            Files.writeString(genesisFile, genesis(nodes.stream().map(NodeFiles::address).toList()),
                    StandardCharsets.UTF_8);
            for (int i = 0; i < validators; i++) {
                NodeFiles n = nodes.get(i);
                Files.createDirectories(n.dir());
                NodeKeyFile.write(n.dir().resolve("key"), keys.get(i), passphrase, Web3Keystore.Params.STANDARD,
                        random);
                Files.writeString(n.dir().resolve("node.toml"), toml(n, nodes), StandardCharsets.UTF_8);
            }
            Files.writeString(out.resolve("README.md"), readme(nodes), StandardCharsets.UTF_8);
        } catch (KeyFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the network definition in " + out + ": " + e.getMessage(), e);
        }
        return nodes;
    }

    /** The genesis of a QBFT chain whose first validators are {@code validators} (sorted). */
    public String genesis(List<Address> validators) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ObjectNode config = root.putObject("config");
        config.put("chainId", chainId);
        for (String fork : List.of("homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
                "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock"))
            config.put(fork, 0);
        config.put("shanghaiTime", 0);
        config.put("cancunTime", 0);
        config.put("terminalTotalDifficulty", 0);
        ObjectNode qbft = config.putObject("qbft");
        // Besu counts the block period in whole seconds; Stele reads blockperiodmilliseconds first when it is there.
        qbft.put("blockperiodseconds", 1);
        qbft.put("blockperiodmilliseconds", blockPeriodMillis);
        qbft.put("emptyblockperiodseconds", 5);
        qbft.put("epochlength", 30000);
        qbft.put("requesttimeoutseconds", 2);
        root.put("nonce", "0x0");
        root.put("timestamp", "0x0");
        root.put("gasLimit", "0x" + Long.toHexString(gasLimit));
        root.put("difficulty", "0x1");
        root.put("mixHash", SteleQbft.MIX_HASH.toHex());
        root.put("coinbase", Address.ZERO.toHex());
        root.put("baseFeePerGas", "0x3b9aca00");
        root.put("extraData", extraData(validators).toHex());
        ObjectNode alloc = root.putObject("alloc");
        for (DevAccounts.Account a : DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", FUNDED_ACCOUNTS))
            alloc.putObject(a.address().toHex()).put("balance", BALANCE);
        DidRegistry.addTo(alloc);
        org.stele.apps.identity.status.StatusLists.addTo(alloc);
        org.stele.apps.identity.trust.TrustRegistry.addTo(alloc);
        GovernanceGenesis.ofValidators(validators, gasLimit, blockPeriodMillis).addTo(alloc);
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** QBFT extra data listing {@code validators}, with no vote, round 0 and no seals. */
    public static Bytes extraData(List<Address> validators) {
        return BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(new byte[BftExtraData.VANITY_LENGTH]),
                validators, Optional.empty(), 0, List.of()));
    }

    private String toml(NodeFiles n, List<NodeFiles> all) {
        StringBuilder peers = new StringBuilder();
        for (NodeFiles other : all)
            if (other.index() != n.index())
                peers.append(peers.isEmpty() ? "" : ", ").append('"').append(other.endpoint()).append('"');
        StringBuilder t = new StringBuilder();
        t.append("# Node ").append(n.index()).append(" (").append(n.address().toChecksumHex())
                .append("); start it from this directory: stele node --config node.toml\n");
        t.append("data-path = \"data\"\n");
        t.append("genesis = \"../genesis.json\"\n");
        t.append("node-key-file = \"key\"\n");
        passphraseFile.ifPresent(
                p -> t.append("node-key-password-file = \"").append(toml(p.toAbsolutePath())).append("\"\n"));
        t.append("rpc-http-host = \"127.0.0.1\"\n");
        t.append("rpc-http-port = ").append(n.rpcPort()).append('\n');
        t.append("p2p-host = \"127.0.0.1\"\n");
        t.append("p2p-port = ").append(n.p2pPort()).append('\n');
        t.append("p2p-static-peers = [").append(peers).append("]\n");
        t.append("metrics-host = \"127.0.0.1\"\n");
        t.append("metrics-port = ").append(n.metricsPort()).append('\n');
        return t.toString();
    }

    private static String toml(Path p) {
        return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private String readme(List<NodeFiles> nodes) {
        StringBuilder r = new StringBuilder();
        r.append("# A ").append(nodes.size()).append("-validator Stele network\n\n");
        r.append("Written by `stele network init`. `genesis.json` is the chain (chain id ").append(chainId)
                .append(", QBFT with a block period of ").append(blockPeriodMillis).append(" ms and a gas limit of ")
                .append(gasLimit).append(", the validators below in its extra data, the ").append(FUNDED_ACCOUNTS)
                .append(" accounts of `stele dev`'s mnemonic funded). Each `node-I` holds the node's key (mode 0600)")
                .append(" and its `node.toml`, whose paths are relative to that directory.\n\n");
        r.append("Start each node from its own directory, each in its own terminal:\n\n```sh\n");
        for (NodeFiles n : nodes)
            r.append("(cd node-").append(n.index()).append(" && stele node --config node.toml)\n");
        r.append("```\n\n");
        r.append("Blocks are sealed once more than two thirds of the validators run. ")
                .append("Any setting can be overridden by a flag (`--rpc-http-port 9000`) or a `STELE_*` variable; ")
                .append("docs/configuration.md lists the keys.\n\n");
        r.append("| node | address | JSON-RPC | P2P |\n| --- | --- | --- | --- |\n");
        for (NodeFiles n : nodes)
            r.append("| ").append(n.index()).append(" | ").append(n.address().toChecksumHex())
                    .append(" | http://127.0.0.1:").append(n.rpcPort()).append(" | 127.0.0.1:").append(n.p2pPort())
                    .append(" |\n");
        return r.toString();
    }

    private List<Integer> ports(int count) {
        List<Integer> ports = new ArrayList<>();
        if (basePort != 0) {
            for (int i = 0; i < count / PORTS_PER_NODE; i++)
                for (int j = 0; j < PORTS_PER_NODE; j++)
                    ports.add(basePort + 10 * i + j);
            return ports;
        }
        // Held open together so that no two are the same; free now, which is all a port picked ahead can promise.
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports.add(s.getLocalPort());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot find free ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket s : held)
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used cannot lose anything
                }
        }
        return ports;
    }
}
