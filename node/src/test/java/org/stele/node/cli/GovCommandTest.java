package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.governance.GovernanceCalls;
import org.stele.node.dev.DevAccounts;
import org.stele.node.devnode.DevNode;
import org.stele.node.devnode.TestDevNode;
import org.stele.node.wiring.NodeServices;

/**
 * {@code stele gov} against a real dev chain over JSON-RPC: dev account 0 is its one governor, so a shortcut's
 * proposal and yes vote execute it; the freeze then holds in the node's pool.
 */
class GovCommandTest {
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private TestDevNode dev;
    private DevNode node;
    private String rpc;
    private Path governorKey;
    private DevAccounts.Account suspect;

    @BeforeEach
    void start() throws Exception {
        dev = TestDevNode.start(dir.resolve("data"), 3);
        node = dev.node();
        rpc = dev.rpc();
        governorKey = TestDevNode.keyFile(dir.resolve("governor.key"), node.accounts().get(0));
        suspect = node.accounts().get(2);
    }

    @AfterEach
    void stop() {
        dev.close();
    }

    private CliRun gov(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "gov";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[]{"--rpc", rpc, "--key", governorKey.toString()}, 0, all, args.length + 1, 4);
        return CliRun.of(all);
    }

    private JsonNode rpc(String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rpc))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private JsonNode sendFromSuspect() throws Exception {
        var tx = new FeeMarketTransaction(BigInteger.valueOf(31337), 0, BigInteger.ONE,
                BigInteger.valueOf(50_000_000_000L), 21_000, Optional.of(node.accounts().get(1).address()),
                BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.UNSIGNED)
                .sign(suspect.key(), NodeServices.SUITE);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\""
                + Bytes.wrap(tx.encode()).toHex() + "\"]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rpc))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    @Test
    void aFreezeProposedAndVotedByTheCommandExecutesAndTheNodeRefusesTheAccount() throws Exception {
        CliRun freeze = gov("freeze", suspect.address().toHex(), "--reason", "court order", "--json");

        assertThat(freeze.status()).as(freeze.err()).isZero();
        JsonNode result = json.readTree(freeze.out());
        assertThat(result.get("proposal").asLong()).isEqualTo(1);
        assertThat(result.get("executed").asBoolean()).isTrue();
        assertThat(awaitLine(dir.resolve("data").resolve("audit.log"), "Freezes.isFrozen")).as("the freeze, audited")
                .contains("\"caller\":\"committee proposal #1, executed by the vote of "
                        + node.accounts().get(0).address().toChecksumHex())
                .contains("\"change\":{\"what\":\"Freezes.isFrozen(" + suspect.address().toChecksumHex()
                        + ")\",\"old\":\"false\",\"new\":\"true\"}");
        JsonNode refused = sendFromSuspect();
        assertThat(refused.path("error").path("message").asText())
                .isEqualTo("refused by the chain's governance: account "
                        + suspect.address().toChecksumHex() + " is frozen by governance (Freezes "
                        + "0x0000000000000000000000000000000000001004)");

        String frozenFrom = "[{\"from\":\"" + suspect.address().toHex() + "\",\"to\":\""
                + node.accounts().get(1).address().toHex() + "\"},\"latest\"]";
        for (String method : List.of("eth_call", "eth_estimateGas"))
            assertThat(rpc(method, frozenFrom).path("error").path("message").asText()).as(method)
                    .isEqualTo("refused by the chain's governance: account " + suspect.address().toChecksumHex()
                            + " is frozen by governance (Freezes 0x0000000000000000000000000000000000001004)");
        String frozenTo = "[{\"from\":\"" + node.accounts().get(1).address().toHex() + "\",\"to\":\""
                + suspect.address().toHex() + "\"},\"latest\"]";
        assertThat(rpc("eth_call", frozenTo).path("error").path("message").asText())
                .isEqualTo("refused by the chain's governance: recipient " + suspect.address().toChecksumHex()
                        + " is frozen by governance (Freezes 0x0000000000000000000000000000000000001004)");

        CliRun list = gov("list", "--json");
        assertThat(json.readTree(list.out()).get(0).get("state").asText()).isEqualTo("executed");
        CliRun history = gov("history");
        assertThat(history.out()).contains("event=ProposalCreated").contains("event=Frozen")
                .contains("reason=court order").contains("event=ProposalExecuted");
        CliRun show = gov("show", "1", "--json");
        assertThat(json.readTree(show.out()).get("yes").asLong()).isEqualTo(1);

        assertThat(gov("unfreeze", suspect.address().toHex()).status()).isZero();
        assertThat(sendFromSuspect().has("result")).isTrue();
        assertThat(rpc("eth_call", frozenFrom).has("result")).as("eth_call once unfrozen").isTrue();
    }

    /** Deploys {@code runtime} from dev account 1 and returns its address once the creation is in a block. */
    private Address deploy(long nonce, String runtime) throws Exception {
        int n = runtime.length() / 2;
        // PUSH1 n DUP1 PUSH1 11 PUSH1 0 CODECOPY PUSH1 0 RETURN, then the runtime code it copies out.
        Bytes init = Bytes.fromHex(String.format("60%02x80600b6000396000f3", n) + runtime);
        DevAccounts.Account deployer = node.accounts().get(1);
        var tx = new FeeMarketTransaction(BigInteger.valueOf(31337), nonce, BigInteger.ONE,
                BigInteger.valueOf(50_000_000_000L), 200_000, Optional.empty(), BigInteger.valueOf(1000), init,
                List.of(), TransactionSignature.UNSIGNED).sign(deployer.key(), NodeServices.SUITE);
        String hash = rpc("eth_sendRawTransaction", "[\"" + Bytes.wrap(tx.encode()).toHex() + "\"]").path("result")
                .asText();
        for (int i = 0; i < 200; i++) {
            JsonNode receipt = rpc("eth_getTransactionReceipt", "[\"" + hash + "\"]").path("result");
            if (receipt.has("contractAddress"))
                return Address.fromHex(receipt.get("contractAddress").asText());
            Thread.sleep(50);
        }
        throw new AssertionError("the creation " + hash + " was not included");
    }

    @Test
    void aFrozenAddressCanBeNeitherCreatedAtNorPaidBySelfDestructInsideAContract() throws Exception {
        // CREATE2 of the init code 0x00 with salt 0, passing a revert on; and SELFDESTRUCT to calldata[0].
        Address factory = deploy(0, "6000600160006000f515600e57005b3d600060003e3d6000fd");
        Address destructor = deploy(1, "600035ff");
        Address landing = org.stele.evm.Evm.create2Address(factory, new byte[32],
                org.stele.common.crypto.Keccak256.hash(new byte[1]));
        String callFactory = "[{\"to\":\"" + factory.toHex() + "\"},\"latest\"]";
        String payTheSuspect = "[{\"to\":\"" + destructor.toHex() + "\",\"data\":\"0x"
                + "0".repeat(24) + suspect.address().toHex().substring(2) + "\"},\"latest\"]";
        assertThat(rpc("eth_call", callFactory).has("result")).as("before the freezes").isTrue();
        assertThat(rpc("eth_call", payTheSuspect).has("result")).as("before the freezes").isTrue();

        assertThat(gov("freeze", landing.toHex(), "--reason", "reserved").status()).isZero();
        assertThat(gov("freeze", suspect.address().toHex(), "--reason", "court order").status()).isZero();

        assertThat(rpc("eth_call", callFactory).path("error").path("message").asText())
                .isEqualTo("execution reverted: creation at " + landing.toChecksumHex()
                        + " refused: it is frozen by governance (Freezes 0x0000000000000000000000000000000000001004)");
        assertThat(rpc("eth_call", payTheSuspect).path("error").path("message").asText())
                .isEqualTo("execution reverted: SELFDESTRUCT paying " + suspect.address().toChecksumHex()
                        + " refused: it is frozen by governance (Freezes 0x0000000000000000000000000000000000001004)");
    }

    @Test
    void removingTheLastValidatorsIsRefusedWithItsReason() {
        CliRun run = gov("remove-validator", node.validator().toHex());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("stele gov: refused: 0 validators would remain; under 4 QBFT tolerates no "
                + "faulty or stopped validator. Give --allow-below-four to do it anyway\n");
    }

    @Test
    void addingAValidatorAdmitsItsNodeFirstAndThenRefusesWhileItIsNotAConnectedPeer() {
        Address stranger = Address.fromHex("0x00000000000000000000000000000000000000aa");

        CliRun run = gov("add-validator", stranger.toHex(), "--sync-timeout", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("step=admit  state=done  proposal=1").contains("executed=true");
        assertThat(run.err()).startsWith("stele gov: refused: " + stranger.toChecksumHex()
                + " is admitted but not a connected peer of the node at " + rpc + " (head ")
                .contains("after 1 s; a validator that cannot sign halts a chain whose quorum needs it");
        Path audit = dir.resolve("data").resolve("audit.log");
        assertThat(audit).content().contains("\"method\":\"node.start\"")
                .containsPattern(
                        "\"remote\":\"127\\.0\\.0\\.1:[0-9]+\",\"account\":\"[^\"]+\",\"method\":\"admin_peers\"")
                .contains("\"outcome\":\"ok\"");
        CliRun verified = CliRun.of("audit", "verify", audit.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
        assertThat(verified.out()).endsWith("entries, the chain is intact\n");
        CliRun again = gov("add-validator", stranger.toHex(), "--sync-timeout", "1");
        assertThat(again.out()).as("admitted already: no second proposal")
                .isEqualTo("step=admit  state=done  node=" + stranger.toChecksumHex() + "\n");
        assertThat(json(gov("list", "--json"))).hasSize(1);
    }

    @Test
    void removingMoreValidatorsAtOnceThanTheRestGoOnWithoutIsRefusedEvenBelowFourAllowed() {
        CliRun run = gov("remove-validator", node.validator().toHex(), "--allow-below-four");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("stele gov: refused: 1 validator removal at once (this one), but 1 validators "
                + "go on with at most 0 stopped (quorum 1), and a removed validator may be stopped as soon as its "
                + "removal is proposed; let the open removals execute or expire first\n");
    }

    private JsonNode json(CliRun run) {
        try {
            return json.readTree(run.out());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCommitteeAdmitsAnIssuerToTheTrustRegistryByProposal() throws Exception {
        Bytes schema = org.stele.governance.GovernanceCalls.encode("setSchema",
                new org.web3j.abi.datatypes.Utf8String("CourseCertificate"),
                new org.web3j.abi.datatypes.Utf8String("https://example.edu/course.json"),
                new org.web3j.abi.datatypes.generated.Bytes32(new byte[32]));
        Bytes admit = org.stele.governance.GovernanceCalls.encode("admit",
                new org.web3j.abi.datatypes.Address(suspect.address().toHex()),
                new org.web3j.abi.datatypes.Utf8String("CourseCertificate"));

        for (Bytes call : List.of(schema, admit)) {
            CliRun proposed = gov("propose", "--target", "TrustRegistry", "--data", call.toHex(), "--description",
                    "the university's certificates", "--json");
            assertThat(proposed.status()).as(proposed.err()).isZero();
            JsonNode proposal = json.readTree(proposed.out());
            assertThat(proposal.get("target").asText()).isEqualTo("TrustRegistry");
            CliRun voted = gov("vote", proposal.get("proposal").asText(), "--json");
            assertThat(voted.status()).as(voted.err()).isZero();
            assertThat(json.readTree(voted.out()).get("executed").asBoolean()).isTrue();
        }

        JsonNode logs = rpc("eth_getLogs",
                "[{\"fromBlock\":\"0x0\",\"address\":\"0x0000000000000000000000000000000000005101\"}]");
        assertThat(logs.path("result")).as("the registry's events: SchemaSet, IssuerAdmitted").hasSize(2);

        CliRun history = gov("history", "--json");
        assertThat(history.status()).as(history.err()).isZero();
        List<JsonNode> registry = new java.util.ArrayList<>();
        json.readTree(history.out()).forEach(row -> {
            if (row.path("contract").asText().equals("TrustRegistry")) registry.add(row);
        });
        assertThat(registry).as("decoded, not unknown").hasSize(2);
        assertThat(registry.get(0).path("event").asText()).isEqualTo("SchemaSet");
        assertThat(registry.get(0).path("credentialType").asText()).isEqualTo("CourseCertificate");
        assertThat(registry.get(0).path("schemaId").asText()).isEqualTo("https://example.edu/course.json");
        assertThat(registry.get(0).path("contentHash").asText()).isEqualTo("0x" + "00".repeat(32));
        assertThat(registry.get(0).path("by").asText()).isEqualTo(COMMITTEE_CHECKSUM);
        assertThat(registry.get(1).path("event").asText()).isEqualTo("IssuerAdmitted");
        assertThat(registry.get(1).path("issuer").asText()).isEqualTo(suspect.address().toChecksumHex());
        assertThat(registry.get(1).path("typeHash").asText()).isEqualTo(org.stele.common.Bytes.wrap(
                org.stele.common.crypto.Keccak256
                        .hash("CourseCertificate".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .toHex());
        assertThat(gov("history").out()).contains("contract=TrustRegistry  event=IssuerAdmitted  issuer="
                + suspect.address().toChecksumHex());
    }

    @Test
    void aParameterChangedByAProposalIsWrittenToTheAuditLogWithWhoWhatTheOldAndTheNewValue() throws Exception {
        long before = Long.decode(rpc("eth_getBlockByNumber", "[\"latest\",false]").path("result").path("gasLimit")
                .asText());

        CliRun set = gov("set-param", "block-gas-limit", "25000000", "--json");

        assertThat(set.status()).as(set.err()).isZero();
        JsonNode result = json.readTree(set.out());
        assertThat(result.get("executed").asBoolean()).isTrue();
        Path audit = dir.resolve("data").resolve("audit.log");
        awaitLine(audit, "\"config.change\"");
        List<JsonNode> changes = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(audit))
            if (line.contains("\"config.change\"")) changes.add(json.readTree(line));
        assertThat(changes).as("one parameter changed").hasSize(1);
        JsonNode entry = changes.getFirst();
        assertThat(entry.path("change").path("what").asText()).isEqualTo("Parameters.blockGasLimit");
        assertThat(entry.path("change").path("old").asText()).isEqualTo(Long.toString(before));
        assertThat(entry.path("change").path("new").asText()).isEqualTo("25000000");
        assertThat(entry.path("caller").asText()).isEqualTo("committee proposal #" + result.get("proposal").asText()
                + ", executed by the vote of " + node.accounts().get(0).address().toChecksumHex() + " in "
                + result.get("voteTransaction").asText());
        JsonNode receipt = rpc("eth_getTransactionReceipt", "[\"" + result.get("voteTransaction").asText() + "\"]");
        assertThat(entry.path("block").asLong()).isEqualTo(Long.decode(receipt.path("result").path("blockNumber")
                .asText()));
        assertThat(entry.path("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(entry.path("blockTime").asText()).isNotEmpty();
        CliRun verified = CliRun.of("audit", "verify", audit.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
    }

    @Test
    void theCommitteesThresholdsAndVotingPeriodChangedByProposalsAreWrittenToTheAuditLog() throws Exception {
        String participation = committeeNumber("participationThreshold()");
        String win = committeeNumber("winThreshold()");
        String period = committeeNumber("votingPeriod()");
        Path audit = dir.resolve("data").resolve("audit.log");

        JsonNode thresholds = proposedAndPassed(GovernanceCalls.setThresholds(60, 70));
        JsonNode participationEntry = json.readTree(awaitLine(audit, "Committee.participationThreshold"));
        JsonNode winEntry = json.readTree(awaitLine(audit, "Committee.winThreshold"));
        JsonNode periodChange = proposedAndPassed(GovernanceCalls.setVotingPeriod(777));
        JsonNode periodEntry = json.readTree(awaitLine(audit, "Committee.votingPeriod"));

        assertThat(participationEntry.path("change").toString()).isEqualTo(
                "{\"what\":\"Committee.participationThreshold\",\"old\":\"" + participation + "\",\"new\":\"60\"}");
        assertThat(winEntry.path("change").toString())
                .isEqualTo("{\"what\":\"Committee.winThreshold\",\"old\":\"" + win + "\",\"new\":\"70\"}");
        assertThat(periodEntry.path("change").toString())
                .isEqualTo("{\"what\":\"Committee.votingPeriod\",\"old\":\"" + period + "\",\"new\":\"777\"}");
        String governor = node.accounts().get(0).address().toChecksumHex();
        for (var pair : List.of(List.of(participationEntry, thresholds), List.of(winEntry, thresholds),
                List.of(periodEntry, periodChange)))
            assertThat(pair.get(0).path("caller").asText()).isEqualTo("committee proposal #"
                    + pair.get(1).get("proposal").asText() + ", executed by the vote of " + governor + " in "
                    + pair.get(1).get("voteTransaction").asText());
        assertThat(committeeNumber("votingPeriod()")).isEqualTo("777");
        CliRun verified = CliRun.of("audit", "verify", audit.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
    }

    /** Proposes a call of the committee to itself and votes it through: the proposal's id and the vote's JSON. */
    private JsonNode proposedAndPassed(Bytes call) throws Exception {
        CliRun proposed = gov("propose", "--target", "Committee", "--data", call.toHex(), "--json");
        assertThat(proposed.status()).as(proposed.err()).isZero();
        String id = json.readTree(proposed.out()).get("proposal").asText();
        CliRun voted = gov("vote", id, "--json");
        assertThat(voted.status()).as(voted.err()).isZero();
        JsonNode vote = json.readTree(voted.out());
        assertThat(vote.get("executed").asBoolean()).as(voted.out()).isTrue();
        return ((com.fasterxml.jackson.databind.node.ObjectNode) vote).put("proposal", id);
    }

    /** A number the committee contract answers (a view function without arguments), in decimal. */
    private String committeeNumber(String signature) throws Exception {
        String selector = Bytes.wrap(java.util.Arrays.copyOf(org.stele.common.crypto.Keccak256
                .hash(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 4)).toHex();
        JsonNode answer = rpc("eth_call", "[{\"to\":\"0x0000000000000000000000000000000000001000\",\"data\":\""
                + selector + "\"},\"latest\"]");
        return new BigInteger(answer.path("result").asText().substring(2), 16).toString();
    }

    /** The last line of {@code file} holding {@code text}, waited for: a block's audit entry follows its receipt. */
    static String awaitLine(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            String last = null;
            for (String line : java.nio.file.Files.readAllLines(file))
                if (line.contains(text)) last = line;
            if (last != null || System.nanoTime() > deadline) {
                assertThat(last).as("a line of " + file + " holding " + text).isNotNull();
                return last;
            }
            Thread.sleep(50);
        }
    }

    private static final String COMMITTEE_CHECKSUM = org.stele.common.Address
            .fromHex("0x0000000000000000000000000000000000001000").toChecksumHex();

    @Test
    void aCommandWithoutAKeyFileSaysSo() {
        CliRun run = CliRun.of("gov", "vote", "1", "--rpc", rpc);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("stele gov: give the governor's key file with --key\n");
    }
}
