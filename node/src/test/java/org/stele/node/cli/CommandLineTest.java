package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestKeys.DEV_0;
import static org.stele.testkit.TestKeys.SUITE;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.Block;
import org.stele.common.Address;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.importer.BlockFile;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/** The {@code stele} command line as a user runs it: arguments in, printed lines and exit status out. */
class CommandLineTest {
    private static final Path FIXTURE = Path.of(System.getProperty("stele.shared.dir", "../../shared"),
            "ethereum-tests/GeneralStateTests/VMTests/vmArithmeticTest/add.json");

    private static final Path BLOCK_FIXTURE = Path.of(System.getProperty("stele.shared.dir", "../../shared"),
            "ethereum-tests/BlockchainTests/ValidBlocks/bcExample/basefeeExample.json");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void versionNamesTheReleaseTheCommitAndTheJdk() {
        CliRun r = run("version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Stele ").contains("commit ").contains("JDK " + Runtime.version().feature());
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = run("--help");
        assertThat(r.out()).contains("version", "dev", "evm", "consensus", "keys");
    }

    @Test
    void devHelpListsEveryConfigurationKeyWithItsEnvironmentVariableAndTheOldFlagNames() {
        CliRun r = run("dev", "--help");
        assertThat(r.status()).isZero();
        for (var k : org.stele.node.devnode.DevConfig.SCHEMA.keys()) {
            assertThat(r.out()).contains("--" + k.name(), k.environmentVariable());
        }
        assertThat(r.out()).contains("--data-dir", "--port", "--host", "--config", "--reset");
    }

    @Test
    void devSaysInOneLineThatItsMetricsPortIsTakenOrItsAdminTokenFileMissing(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CliRun r = run("dev", "--data-dir", dir.resolve("a").toString(), "--port", "0", "--metrics-enabled",
                    "--metrics-port", Integer.toString(taken.getLocalPort()), "--logging-level", "warn");
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().strip())
                    .startsWith("stele dev: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\n");
            Path missing = dir.resolve("no.token");
            r = run("dev", "--data-dir", dir.resolve("b").toString(), "--port", "0", "--rpc-http-host", "0.0.0.0",
                    "--rpc-http-admin-token-file", missing.toString(), "--logging-level", "warn");
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("stele dev: cannot read the admin token file " + missing);
        } finally {
            // The command set logging up for a node; the rest of the tests log as the test configuration says.
            var context = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
            context.reset();
            new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
        }
    }

    @Test
    void devExplainsABadConfigurationInOneLineAndExitsWithTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dev.toml");
        Files.writeString(file, "rpc-http-prot = 1\n");
        CliRun r = run("dev", "--config", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("stele dev: " + file + ": unknown key 'rpc-http-prot'");
    }

    @Test
    void statetestPrintsALineACaseAndASummaryAndSucceedsWhenAllPass(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURE, dir.resolve("add.json"));
        CliRun r = run("evm", "statetest", dir.toString());
        assertThat(r.status()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[0]).startsWith("{\"name\":\"add\",\"fork\":\"Cancun\",\"index\":{").contains("\"pass\":true");
        assertThat(lines[lines.length - 1]).isEqualTo(lines.length - 1 + " passed, 0 failed");
    }

    @Test
    void statetestFailsWhenACaseDoesNotMatchItsExpectedRoot(@TempDir Path dir) throws Exception {
        String text = Files.readString(FIXTURE);
        // Corrupt every expected post-state root: the runner must notice.
        Files.writeString(dir.resolve("add.json"), text.replaceAll("\"hash\" : \"0x[0-9a-f]{2}", "\"hash\" : \"0x00"));
        CliRun r = run("evm", "statetest", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("\"pass\":false").containsPattern("0 passed, [1-9][0-9]* failed");
    }

    @Test
    void statetestExplainsABadPathOrForkAndExitsWithTwo(@TempDir Path dir) {
        assertThat(run("evm", "statetest", dir.resolve("missing.json").toString()).status()).isEqualTo(2);
        CliRun bad = run("evm", "statetest", "--fork", "Atlantis", FIXTURE.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("Atlantis");
    }

    @Test
    void blocktestPrintsALineACaseAndItsSummaryOnStderrAndSucceedsWhenAllPass(@TempDir Path dir) throws Exception {
        Files.copy(BLOCK_FIXTURE, dir.resolve("basefeeExample.json"));
        CliRun r = run("evm", "blocktest", dir.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).isEqualTo(
                "{\"name\":\"basefeeExample_Cancun\",\"pass\":true,\"fork\":\"Cancun\",\"error\":null}");
        assertThat(r.err().strip()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void blocktestFailsWhenTheHeadIsNotTheExpectedLastBlock(@TempDir Path dir) throws Exception {
        String text = Files.readString(BLOCK_FIXTURE);
        Files.writeString(dir.resolve("basefeeExample.json"),
                text.replaceAll("\"lastblockhash\" : \"0x[0-9a-f]{2}", "\"lastblockhash\" : \"0x00"));
        CliRun r = run("evm", "blocktest", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("\"pass\":false").contains("expected 0x00");
        assertThat(r.err()).contains("0 passed, 1 failed");
    }

    private static final String GENESIS = """
            {"config": {"chainId": 1337, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
              "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
              "berlinBlock": 0, "londonBlock": 0, "shanghaiTime": 0, "cancunTime": 0,
              "terminalTotalDifficulty": 0, "terminalTotalDifficultyPassed": true},
             "gasLimit": "0x1c9c380", "timestamp": "0x0", "extraData": "0x", "difficulty": "0x0",
             "alloc": {"f39fd6e51aad88f6f4ce6ab8827279cfffb92266": {"balance": "0x56bc75e2d63100000"}}}
            """;

    /** The genesis block and five blocks of transfers, built as a producer would, written as an RLP block file. */
    private static List<Block> writeChain(Path genesisFile, Path rlpFile) throws Exception {
        Files.writeString(genesisFile, GENESIS);
        TestChain producer = new TestChain(GenesisFile.read(genesisFile)::build);
        Address sender = TestKeys.address(DEV_0);
        List<Block> chain = new ArrayList<>(List.of(producer.genesis()));
        for (int n = 0; n < 5; n++) {
            var tx = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(n).fees(10_000_000_000L, 1)
                    .to(Address.ZERO).value(10).signedBy(DEV_0);
            chain.add(producer.mine(List.of(new BlockExecutor.Candidate(tx, sender))).block());
        }
        try (OutputStream out = Files.newOutputStream(rlpFile)) {
            for (Block b : chain)
                BlockFile.write(out, b);
        }
        return chain;
    }

    @Test
    void blocksExportedAfterAnImportRoundTripToTheSameFileAndHead(@TempDir Path dir) throws Exception {
        List<Block> chain = writeChain(dir.resolve("genesis.json"), dir.resolve("chain.rlp"));
        String head = chain.get(chain.size() - 1).hash(SUITE).toString();

        CliRun imported = run("blocks", "import", "--genesis", dir.resolve("genesis.json").toString(), "--data-dir",
                dir.resolve("a").toString(), dir.resolve("chain.rlp").toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("imported 5 blocks (1 already known)").contains("head #5 " + head);

        CliRun exported = run("blocks", "export", "--data-dir", dir.resolve("a").toString(),
                dir.resolve("out.rlp").toString());
        assertThat(exported.status()).as(exported.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out.rlp"))).isEqualTo(Files.readAllBytes(dir.resolve("chain.rlp")));

        CliRun again = run("blocks", "import", "--genesis", dir.resolve("genesis.json").toString(), "--data-dir",
                dir.resolve("b").toString(), dir.resolve("out.rlp").toString());
        assertThat(again.err()).contains("head #5 " + head);
    }

    @Test
    void blocksImportStopsAtARefusedBlockAndNamesTheRule(@TempDir Path dir) throws Exception {
        List<Block> chain = writeChain(dir.resolve("genesis.json"), dir.resolve("chain.rlp"));
        Block third = chain.get(3);
        Block forged = new Block(third.header().toBuilder().gasUsed(third.header().gasUsed() + 1).build(),
                third.body());
        try (OutputStream out = Files.newOutputStream(dir.resolve("forged.rlp"))) {
            for (Block b : List.of(chain.get(1), chain.get(2), forged))
                BlockFile.write(out, b);
        }

        CliRun r = run("blocks", "import", "--genesis", dir.resolve("genesis.json").toString(), "--data-dir",
                dir.resolve("d").toString(), dir.resolve("forged.rlp").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("refused: GAS_USED").contains("imported 2 blocks").contains("head #2 ");
    }

    @Test
    void blocksImportExplainsAGenesisThatIsNotCancunFromTheStart(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("genesis.json"), GENESIS.replace("\"cancunTime\": 0", "\"cancunTime\": 100"));
        Files.write(dir.resolve("empty.rlp"), new byte[0]);
        CliRun r = run("blocks", "import", "--genesis", dir.resolve("genesis.json").toString(), "--data-dir",
                dir.resolve("d").toString(), dir.resolve("empty.rlp").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("config.cancunTime must be 0");
    }

    @Test
    void anImportedChainIsServedOverJsonRpcByTheNode(@TempDir Path dir) throws Exception {
        List<Block> chain = writeChain(dir.resolve("genesis.json"), dir.resolve("chain.rlp"));
        run("blocks", "import", "--genesis", dir.resolve("genesis.json").toString(), "--data-dir",
                dir.resolve("d").toString(), dir.resolve("chain.rlp").toString());
        var node = NodeCommand.services(GenesisFile.read(dir.resolve("genesis.json")), dir.resolve("d"), "127.0.0.1",
                0);
        try {
            int port = node.start().getPort();
            String answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\","
                                            + "\"params\":[\"latest\",false]}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(answer).contains("\"number\":\"0x5\"")
                    .contains("\"hash\":\"" + chain.get(5).hash(SUITE) + "\"");
        } finally {
            node.close();
        }
    }
}
