package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.execution.genesis.GenesisFile;
import org.stele.node.config.ConfigSource;
import org.stele.node.config.TomlFile;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.network.NetworkInit;
import org.stele.node.validator.NetworkNodeConfig;
import org.stele.node.validator.QbftTimings;

class NetworkCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void networkInitWritesAGenesisListingEveryNodesKeyAndOneConfigPerNode(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("net");
        CliRun r = run("network", "init", "--validators", "4", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();

        GenesisFile genesis = GenesisFile.read(out.resolve("genesis.json"));
        assertThat(genesis.profile()).isInstanceOf(SteleQbft.class);
        List<Address> validators = BftExtraDataCodec.decode(genesis.template().extraData()).validators();
        List<Address> keys = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path node = out.resolve("node-" + i);
            Path key = node.resolve("key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            keys.add(Secp256k1KeccakSuite.instance().address(NodeKeyFile.load(key, Optional.empty()).publicKey()));
            ConfigSource toml = TomlFile.read(node.resolve("node.toml"));
            assertThat(toml.values().keySet()).containsExactlyInAnyOrder("data-path", "genesis", "node-key-file",
                    "rpc-http-host", "rpc-http-port", "p2p-host", "p2p-port", "p2p-static-peers", "metrics-host",
                    "metrics-port");
            NetworkNodeConfig config = NetworkNodeConfig.SCHEMA.build(List.of(toml));
            assertThat(config.genesis()).isEqualTo(Path.of("../genesis.json"));
            assertThat(config.node().dataPath()).isEqualTo(Path.of("data"));
            assertThat(config.p2p().staticPeerEndpoints()).hasSize(3)
                    .noneMatch(p -> p.port() == config.p2p().port());
            assertThat(r.out()).contains("rpc http://127.0.0.1:" + config.node().rpcHttp().port());
        }
        assertThat(validators).isEqualTo(keys).isSorted();
        assertThat(Files.readString(out.resolve("README.md"))).contains("(cd node-4 && stele node --config node.toml)");
        QbftTimings timings = QbftTimings.resolve(NetworkNodeConfig.DEFAULTS.qbft(), out.resolve("genesis.json"));
        assertThat(timings.blockPeriod().toMillis()).isEqualTo(250);
    }

    @Test
    void networkInitRefusesToWriteOverAnExistingNetwork(@TempDir Path dir) {
        assertThat(run("network", "init", "--validators", "1", "--out", dir.toString()).status()).isZero();
        CliRun again = run("network", "init", "--validators", "1", "--out", dir.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err().strip()).startsWith("stele network init:").contains("exists already")
                .doesNotContain("\n");
    }

    @Test
    void nodeExplainsAnUnknownConfigKeyInOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("node.toml"), "p2p-prot = 30303\n");
        CliRun r = run("node", "--config", dir.resolve("node.toml").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).contains("unknown key 'p2p-prot'").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void nodeExplainsAMalformedGenesisInOneLine(@TempDir Path dir) throws Exception {
        run("network", "init", "--validators", "1", "--out", dir.toString());
        Files.writeString(dir.resolve("genesis.json"), "{\"config\": ");
        CliRun r = run("node", "--genesis", dir.resolve("genesis.json").toString(), "--node-key-file",
                dir.resolve("node-1/key").toString(), "--data-dir", dir.resolve("d").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("stele node:").contains("not valid JSON").doesNotContain("\n");
    }

    @Test
    void nodeExplainsAWrongPassphraseInOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pass"), "right horse\n");
        Files.writeString(dir.resolve("wrong"), "wrong horse\n");
        Path net = dir.resolve("net");
        assertThat(run("network", "init", "--validators", "1", "--out", net.toString(), "--passphrase-file",
                dir.resolve("pass").toString()).status()).isZero();
        assertThat(Files.readString(net.resolve("node-1/node.toml"))).contains("node-key-password-file");
        CliRun r = run("node", "--genesis", net.resolve("genesis.json").toString(), "--node-key-file",
                net.resolve("node-1/key").toString(), "--node-key-password-file", dir.resolve("wrong").toString(),
                "--data-dir", dir.resolve("d").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("stele node:").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void networkGenesisListsTheGivenAddressesInOrderAndRefusesBadOnesInOneLine(@TempDir Path dir) throws Exception {
        List<String> given = List.of("0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "0xcccccccccccccccccccccccccccccccccccccccc", "0x1111111111111111111111111111111111111111");
        List<String> args = new ArrayList<>(List.of("network", "genesis", "--chain-id", "2026", "--out",
                dir.resolve("genesis.json").toString()));
        given.forEach(a -> args.addAll(List.of("--validator", a)));
        CliRun r = run(args.toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isZero();
        GenesisFile genesis = GenesisFile.read(dir.resolve("genesis.json"));
        assertThat(genesis.chainId()).isEqualTo(2026);
        assertThat(genesis.profile()).isInstanceOf(SteleQbft.class);
        assertThat(BftExtraDataCodec.decode(genesis.template().extraData()).validators())
                .isEqualTo(given.stream().map(Address::fromHex).sorted().toList());

        CliRun again = run(args.toArray(String[]::new));
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("exists; it is not overwritten").hasLineCount(1);
        CliRun bad = run("network", "genesis", "--validator", "0x12", "--out", dir.resolve("g2.json").toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("stele network genesis: --validator 0x12 is not a 20-byte 0x address\n");
        CliRun twice = run("network", "genesis", "--validator", given.get(0), "--validator", given.get(0), "--out",
                dir.resolve("g3.json").toString());
        assertThat(twice.err()).contains("is given twice");
        assertThat(dir.resolve("g2.json")).doesNotExist();
        assertThat(dir.resolve("g3.json")).doesNotExist();
    }

    @Test
    void networkInitWritesTheGivenGasLimitAndBlockPeriodIntoGenesisAndItsParameters(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("net");
        CliRun r = run("network", "init", "--validators", "1", "--out", out.toString(), "--gas-limit", "120000000",
                "--block-period-ms", "400");
        assertThat(r.status()).as(r.err()).isZero();
        GenesisFile genesis = GenesisFile.read(out.resolve("genesis.json"));
        assertThat(genesis.template().gasLimit()).isEqualTo(120_000_000L);
        List<Address> validators = BftExtraDataCodec.decode(genesis.template().extraData()).validators();
        // The governance contracts (among them Parameters, which the pool and the builder read) hold the same values.
        assertThat(genesis.alloc()).containsAllEntriesOf(
                org.stele.governance.GovernanceGenesis.ofValidators(validators, 120_000_000L, 400).allocations());
        Address parameters = org.stele.governance.SystemContract.PARAMETERS.address();
        assertThat(genesis.alloc().get(parameters)).isNotEqualTo(org.stele.governance.GovernanceGenesis
                .ofValidators(validators, NetworkInit.GAS_LIMIT, 400).allocations().get(parameters));
        assertThat(QbftTimings.resolve(NetworkNodeConfig.DEFAULTS.qbft(), out.resolve("genesis.json")).blockPeriod()
                .toMillis()).isEqualTo(400);
    }

    @Test
    void networkInitRefusesAGasLimitBelowOneTransferOrNotANumberInOneLine(@TempDir Path dir) {
        CliRun low = run("network", "init", "--validators", "1", "--out", dir.resolve("a").toString(), "--gas-limit",
                "20999");
        assertThat(low.status()).isEqualTo(2);
        assertThat(low.err()).isEqualTo("stele network init: --gas-limit must be at least 21000 (one plain transfer),"
                + " not 20999\n");
        CliRun word = run("network", "init", "--validators", "1", "--out", dir.resolve("b").toString(), "--gas-limit",
                "lots");
        assertThat(word.status()).isEqualTo(2);
        assertThat(word.err().lines().findFirst().orElseThrow()).contains("--gas-limit").contains("lots");
        CliRun period = run("network", "genesis", "--validator", "0x1111111111111111111111111111111111111111",
                "--out", dir.resolve("g.json").toString(), "--block-period-ms", "0");
        assertThat(period.err()).isEqualTo("stele network genesis: --block-period-ms must be positive\n");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("g.json")).doesNotExist();
    }
}
