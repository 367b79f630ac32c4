package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.node.dev.DevAccounts;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.keys.Web3Keystore;
import org.stele.node.devnode.TestDevNode;

/**
 * {@code stele did} against a real dev chain over JSON-RPC: every command, changes sent by the owner and relayed
 * gas-free for a key that holds no coin, key files in each form, refusals, and {@code resolve} giving what the node's
 * {@code /1.0/identifiers/} endpoint gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DidCommandTest {
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    static Path dir;
    private TestDevNode node;
    private String rpc;
    private Path ownerKey;
    private Path relayerKey;
    private DevAccounts.Account owner;

    @BeforeAll
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("data"), 3, InstantSource.system(), Map.of());
        rpc = node.rpc();
        owner = node.accounts().get(0);
        ownerKey = dir.resolve("owner.key");
        // Hex without 0x and with a trailing newline, as people write key files by hand.
        Files.writeString(ownerKey, owner.key().privateKey().toHex().substring(2) + "\n");
        relayerKey = TestDevNode.keyFile(dir.resolve("relayer.key"), node.accounts().get(1));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private CliRun did(String... args) {
        return CliRun.against(rpc, "did", args);
    }

    private JsonNode resolved(String did) throws Exception {
        CliRun run = did("resolve", did);
        assertThat(run.status()).as(run.err()).isZero();
        return json.readTree(run.out());
    }

    private JsonNode rpcCall(String method, String params) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rpc))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                        + "\",\"params\":[" + params + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).get("result");
    }

    private JsonNode fromEndpoint(String did) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(rpc + "/1.0/identifiers/" + did)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    @Test
    void createWritesANewKeyOnceAndPrintsItsDidOnTheNodesChain() throws Exception {
        Path key = dir.resolve("new.key");

        CliRun run = did("create", "--key-file", key.toString());

        assertThat(run.status()).as(run.err()).isZero();
        Address address = Address.fromHex(run.out().strip().substring("did:ethr:0x7a69:".length()));
        assertThat(run.out().strip()).isEqualTo("did:ethr:0x7a69:" + address.toChecksumHex());
        assertThat(org.stele.common.crypto.Secp256k1KeccakSuite.instance()
                .address(NodeKeyFile.load(key, Optional.empty()).publicKey())).isEqualTo(address);
        CliRun again = did("create", "--key-file", key.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).startsWith("stele did: ").doesNotContain("\tat ");
    }

    @Test
    void theOwnersChangesShowInTheDocumentThatResolveAndTheEndpointGiveAlike() throws Exception {
        String ownerDid = "did:ethr:0x7a69:" + owner.address().toChecksumHex();
        Address delegate = Address.fromHex("0x00000000000000000000000000000000000000d1");
        Address revoked = Address.fromHex("0x00000000000000000000000000000000000000d2");
        String key = "0x02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71";

        for (String[] change : List.of(
                new String[]{"add-key", "--public-key", key, "--purpose", "sigAuth"},
                new String[]{"add-service", "--type", "HubService", "--endpoint", "https://hub.example.org"},
                new String[]{"add-delegate", "--delegate", delegate.toHex()},
                new String[]{"add-delegate", "--delegate", revoked.toHex(), "--delegate-type", "sigAuth"},
                new String[]{"revoke-delegate", "--delegate", revoked.toHex(), "--delegate-type", "sigAuth"})) {
            List<String> args = new ArrayList<>(List.of(change));
            args.addAll(List.of("--key-file", ownerKey.toString()));
            CliRun run = did(args.toArray(String[]::new));
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains(ownerDid).contains("in block");
        }
        // A revocation takes effect once its block's second is past on the clock validity is judged by; a dev chain's
        // timestamps may run ahead of the wall clock when blocks come faster than one a second.
        long last = Long.decode(rpcCall("eth_getBlockByNumber", "\"latest\",false").get("timestamp").asText());
        while (System.currentTimeMillis() / 1000 < last + 2) Thread.sleep(100);

        JsonNode result = resolved(ownerDid);
        JsonNode document = result.get("didDocument");
        assertThat(document.get("verificationMethod").findValuesAsText("id")).containsExactly(ownerDid + "#controller",
                ownerDid + "#delegate-1", ownerDid + "#delegate-2");
        assertThat(document.at("/verificationMethod/1/publicKeyHex").asText()).isEqualTo(key.substring(2));
        assertThat(document.at("/authentication/1").asText()).isEqualTo(ownerDid + "#delegate-1");
        assertThat(document.at("/service/0/serviceEndpoint").asText()).isEqualTo("https://hub.example.org");
        assertThat(result).isEqualTo(fromEndpoint(ownerDid));
        CliRun show = did("show", ownerDid);
        assertThat(show.status()).as(show.err()).isZero();
        assertThat(json.readTree(show.out()).get("owner").asText()).isEqualTo(owner.address().toChecksumHex());
    }

    @Test
    void aKeyWithoutCoinChangesItsDidThroughARelayerThenHandsItOverAndTheNewOwnerDeactivatesIt() throws Exception {
        Path key = dir.resolve("poor.key");
        String poorDid = did("create", "--key-file", key.toString()).out().strip();
        Address poor = Address.fromHex(poorDid.substring(poorDid.lastIndexOf(':') + 1));
        Path passphrase = dir.resolve("pass.txt");
        Files.writeString(passphrase, "correct horse\n");
        Path keystore = dir.resolve("poor.json");
        NodeKeyFile.write(keystore, NodeKeyFile.load(key, Optional.empty()), Optional.of("correct horse"),
                Web3Keystore.Params.LIGHT, new SecureRandom());

        CliRun service = did("add-service", "--type", "Messaging", "--endpoint", "{\"uri\":\"https://m.example\"}",
                "--key-file", keystore.toString(), "--passphrase-file", passphrase.toString(), "--relay-key-file",
                relayerKey.toString());
        assertThat(service.status()).as(service.err()).isZero();
        assertThat(service.out()).contains("(relayed)");
        JsonNode shown = json.readTree(did("show", "--key-file", key.toString()).out());
        assertThat(shown.get("ownerNonce").asInt()).isEqualTo(1);
        assertThat(resolved(poorDid).at("/didDocument/service/0/serviceEndpoint/uri").asText())
                .isEqualTo("https://m.example");

        Address newOwner = node.accounts().get(1).address();
        CliRun handOver = did("change-owner", "--new-owner", newOwner.toHex(), "--key-file", key.toString(),
                "--relay-key-file", relayerKey.toString());
        assertThat(handOver.status()).as(handOver.err()).isZero();
        assertThat(resolved(poorDid).at("/didDocument/verificationMethod/0/blockchainAccountId").asText())
                .isEqualTo("eip155:31337:" + newOwner.toChecksumHex());
        // The old key no longer owns it.
        CliRun refused = did("add-service", "--type", "X", "--endpoint", "https://x.example", "--key-file",
                key.toString(), "--relay-key-file", relayerKey.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("NotIdentityOwner").doesNotContain("\tat ");

        CliRun deactivate = did("deactivate", "--identity", poorDid, "--key-file", relayerKey.toString());
        assertThat(deactivate.status()).as(deactivate.err()).isZero();
        JsonNode gone = resolved(poorDid);
        assertThat(gone.at("/didDocumentMetadata/deactivated").asBoolean()).isTrue();
        assertThat(gone.at("/didDocument/verificationMethod")).isEmpty();
        assertThat(json.readTree(did("show", poor.toHex()).out()).get("deactivated").asBoolean()).isTrue();
    }

    @Test
    void badArgumentsAndUnresolvableDidsAreSaidInOneLine() {
        assertThat(did("add-delegate", "--delegate", "0x12", "--key-file", ownerKey.toString()).status())
                .isEqualTo(2);
        assertThat(did("add-key", "--public-key", "zz", "--key-file", ownerKey.toString()).status()).isEqualTo(2);
        assertThat(did("change-owner", "--new-owner", Address.ZERO.toHex(), "--key-file", ownerKey.toString())
                .status()).isEqualTo(2);
        CliRun missing = did("show", "--key-file", dir.resolve("nope.key").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).startsWith("stele did: ").doesNotContain("\tat ");
        CliRun web = did("resolve", "did:web:example.org");
        assertThat(web.status()).isEqualTo(1);
        assertThat(web.err()).contains("methodNotSupported");
        CliRun unreachable = CliRun.of("did", "resolve", "did:ethr:0x7a69:" + Bytes.wrap(new byte[20]).toHex(),
                "--rpc", "http://127.0.0.1:1");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach");
    }

    @Test
    void everyDidCommandAnswersHelpWithItsUsageAndOptions() {
        CliRun top = CliRun.of("did", "--help");
        assertThat(top.status()).as(top.err()).isZero();
        assertThat(top.out()).startsWith("Usage: stele did ").contains("-h, --help").contains("add-delegate");
        for (String command : List.of("create", "show", "add-key", "add-service", "add-delegate", "revoke-delegate",
                "change-owner", "deactivate", "resolve")) {
            CliRun help = CliRun.of("did", command, "--help");
            assertThat(help.status()).as(command + ": " + help.err()).isZero();
            assertThat(help.err()).as(command).isEmpty();
            assertThat(help.out()).as(command).startsWith("Usage: stele did " + command + " ")
                    .contains("-h, --help").contains("--rpc=<rpc>");
        }
        // a change's help says who signs it and who may relay it
        assertThat(CliRun.of("did", "deactivate", "--help").out()).contains("--key-file=<keyFile>")
                .contains("--relay-key-file=<relayKeyFile>").contains("--relay=URL").contains("--identity=<identity>");
    }

    @Test
    void aNodeThatCannotBeReachedOrAnRpcThatIsNoUrlIsSaidInOneLine() {
        String nobody = Bytes.wrap(new byte[20]).toHex();
        String refused = "stele did: cannot reach the node at http://127.0.0.1:1 (connection refused)"
                + System.lineSeparator();
        CliRun show = CliRun.of("did", "show", nobody, "--rpc", "http://127.0.0.1:1");
        assertThat(show.status()).isEqualTo(1);
        assertThat(show.err()).isEqualTo(refused);
        CliRun change = CliRun.of("did", "add-service", "--type", "X", "--endpoint", "https://x.example", "--key-file",
                ownerKey.toString(), "--rpc", "http://127.0.0.1:1");
        assertThat(change.status()).isEqualTo(1);
        assertThat(change.err()).isEqualTo(refused);
        // the node answers, the relayer named does not
        CliRun relayed = did("add-service", "--type", "X", "--endpoint", "https://x.example", "--key-file",
                ownerKey.toString(), "--relay", "http://127.0.0.1:1");
        assertThat(relayed.status()).isEqualTo(1);
        assertThat(relayed.err()).isEqualTo(refused);
        CliRun resolve = CliRun.of("did", "resolve", "did:ethr:0x7a69:" + nobody, "--rpc", "http://127.0.0.1:1");
        assertThat(resolve.status()).isEqualTo(1);
        assertThat(resolve.err()).isEqualTo("stele did: internalError: cannot reach the node at http://127.0.0.1:1"
                + " (connection refused)" + System.lineSeparator());

        CliRun noUrl = CliRun.of("did", "show", nobody, "--rpc", "localhost:8545");
        assertThat(noUrl.status()).isEqualTo(2);
        assertThat(noUrl.err()).isEqualTo("stele did: not an http:// or https:// URL of a node: localhost:8545"
                + System.lineSeparator());
        CliRun noHost = CliRun.of("did", "create", "--key-file", dir.resolve("never.key").toString(), "--rpc",
                "http:8545");
        assertThat(noHost.status()).isEqualTo(2);
        assertThat(noHost.err()).isEqualTo("stele did: not an http:// or https:// URL of a node: http:8545"
                + System.lineSeparator());
        assertThat(dir.resolve("never.key")).doesNotExist();
    }
}
