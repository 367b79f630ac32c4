package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.apps.identity.cli.RegistryChange;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.HttpJsonRpc;
import org.stele.apps.identity.vc.VcException;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.node.dev.DevAccounts;
import org.stele.node.devnode.TestDevNode;

/**
 * The dev node's DID relayer ({@code did_relay}) and {@code stele did --relay} against a real dev chain: identities
 * that hold no coin change themselves, the operator (the second-to-last dev account) pays; a change the registry
 * would refuse is refused with its error and costs nothing; only the registry's {@code *Signed} calls are relayed;
 * each identity is held to its rate. The chain's clock is fixed, so the rate's buckets do not refill during a test.
 */
class DidRelayTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private TestDevNode node;
    private String rpc;
    private HttpJsonRpc jsonRpc;
    private DevAccounts.Account operator;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("data"), 4);
        rpc = node.rpc();
        jsonRpc = new HttpJsonRpc(URI.create(rpc));
        operator = node.accounts().get(2);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private CliRun did(String... args) {
        return CliRun.against(rpc, "did", args);
    }

    private BigInteger balance(Address a) {
        return Chain.quantity(jsonRpc.call("eth_getBalance", a.toHex(), "latest"));
    }

    private long nonce(Address a) {
        return Chain.quantity(jsonRpc.call("eth_getTransactionCount", a.toHex(), "latest")).longValueExact();
    }

    /** The relayer's refusal of {@code data}: the JSON-RPC error's message and its data (the refusal's code). */
    private String refusal(String data) {
        try {
            jsonRpc.call("did_relay", data);
        } catch (VcException e) {
            return e.getMessage();
        }
        throw new AssertionError("did_relay relayed " + data);
    }

    @Test
    void anIdentityWithoutCoinChangesItselfThroughTheRelayerAndTheOperatorPays() throws Exception {
        Path key = dir.resolve("new.key");
        CliRun created = did("create", "--key-file", key.toString());
        assertThat(created.status()).as(created.err()).isZero();
        String identity = created.out().strip();
        Address address = Address.fromHex(identity.substring(identity.lastIndexOf(':') + 1));
        assertThat(balance(address)).isZero();
        BigInteger paidBefore = balance(operator.address());
        Address delegate = SUITE.address(SUITE.generateKeyPair(new SecureRandom()).publicKey());

        CliRun added = did("add-delegate", "--delegate", delegate.toHex(), "--key-file", key.toString(), "--relay",
                rpc);
        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("addDelegate (relayed by " + rpc + ") of " + identity + ": transaction 0x");
        CliRun service = did("add-service", "--type", "LinkedDomains", "--endpoint", "https://ada.example",
                "--key-file", key.toString(), "--relay", rpc);
        assertThat(service.status()).as(service.err()).isZero();

        JsonNode document = json.readTree(did("resolve", identity).out()).get("didDocument");
        assertThat(document.at("/verificationMethod/1/blockchainAccountId").asText())
                .isEqualTo("eip155:31337:" + delegate.toChecksumHex());
        assertThat(document.at("/service/0/serviceEndpoint").asText()).isEqualTo("https://ada.example");
        assertThat(balance(address)).isZero();
        assertThat(balance(operator.address())).isLessThan(paidBefore);
        assertThat(nonce(operator.address())).isEqualTo(2);

        JsonNode config = jsonRpc.call("did_relayerConfig");
        assertThat(config.path("operator").asText()).isEqualTo(operator.address().toHex());
        assertThat(config.path("registry").asText()).isEqualTo("0xdca7ef03e98e0dc2b855be647c39abe984fcf21b");
        assertThat(config.path("chainId").asLong()).isEqualTo(31337);
        assertThat(config.at("/rate/burst").asInt()).isEqualTo(5);
    }

    @Test
    void aChangeTheRegistryWouldRefuseIsRefusedWithItsErrorAndNothingIsSent() throws Exception {
        KeyPair owner = SUITE.generateKeyPair(new SecureRandom());
        KeyPair stranger = SUITE.generateKeyPair(new SecureRandom());
        Address identity = SUITE.address(owner.publicKey());
        Path strangerKey = dir.resolve("stranger.key");
        Files.writeString(strangerKey, stranger.privateKey().toHex());
        // the stranger signs a change of the owner's identity: the registry's onlyOwner says no
        CliRun refused = did("change-owner", "--identity", identity.toHex(), "--new-owner",
                SUITE.address(stranger.publicKey()).toHex(), "--key-file", strangerKey.toString(), "--relay", rpc);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("stele did: the relayer at " + rpc
                + " refuses (registryRefuses): the registry refuses changeOwnerSigned of " + identity.toHex()
                + ": NotIdentityOwner(" + identity.toHex() + ", " + SUITE.address(stranger.publicKey()).toHex()
                + ")");
        // a signature over another nonce recovers to nobody the registry knows: refused too
        RegistryChange change = new RegistryChange.ChangeOwner(SUITE.address(stranger.publicKey()));
        String stale = change.signedCall(identity, SUITE.sign(change.signedHash(identity, BigInteger.TEN), owner))
                .toHex();
        assertThat(refusal(stale)).contains("NotIdentityOwner(" + identity.toHex()).endsWith("registryRefuses");
        assertThat(nonce(operator.address())).isZero();
    }

    @Test
    void onlyTheRegistrysSignedChangesAreRelayed() {
        KeyPair owner = SUITE.generateKeyPair(new SecureRandom());
        Address identity = SUITE.address(owner.publicKey());
        // the owner's own changeOwner call, which the operator would send as itself
        String direct = new RegistryChange.ChangeOwner(identity).call(identity).toHex();
        assertThat(refusal(direct)).contains("it is none of the registry's changeOwnerSigned").endsWith(
                "notSignedChange");
        String truncated = "0x240cf1fa"; // changeOwnerSigned's selector alone
        assertThat(refusal("0x")).contains("the call's selector is missing").endsWith("notSignedChange");
        assertThat(refusal(truncated)).contains("a *Signed call of the registry has at least four arguments")
                .endsWith("notSignedChange");
        assertThat(refusal("not hex")).contains("signed call data");
        assertThat(nonce(operator.address())).isZero();
    }

    @Test
    void aNodeWhoseRelayerKeyFileCannotBeReadSaysSoInOneLine() {
        CliRun run = CliRun.of("node", "--genesis", dir.resolve("genesis.json").toString(), "--data-dir",
                dir.resolve("node").toString(), "--did-relay-key-file", dir.resolve("missing.key").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("stele node: did-relay-key-file: ").doesNotContain("\n");
    }

    @Test
    void eachIdentityIsHeldToItsRateAndOthersAreNot() {
        KeyPair owner = SUITE.generateKeyPair(new SecureRandom());
        Address identity = SUITE.address(owner.publicKey());
        Address newOwner = SUITE.address(SUITE.generateKeyPair(new SecureRandom()).publicKey());
        RegistryChange change = new RegistryChange.ChangeOwner(newOwner);
        String wrongNonce = change.signedCall(identity, SUITE.sign(change.signedHash(identity, BigInteger.ONE), owner))
                .toHex();
        // refused requests count: five, then the identity waits, whatever it sends
        for (int i = 0; i < 5; i++)
            assertThat(refusal(wrongNonce)).endsWith("registryRefuses");
        String good = change.signedCall(identity, SUITE.sign(change.signedHash(identity, BigInteger.ZERO), owner))
                .toHex();
        assertThat(refusal(good)).contains(identity.toHex() + " has sent 5 changes lately").endsWith("rateLimited");
        // another identity is not held up by it
        KeyPair other = SUITE.generateKeyPair(new SecureRandom());
        Address otherIdentity = SUITE.address(other.publicKey());
        String otherChange = change.signedCall(otherIdentity,
                SUITE.sign(change.signedHash(otherIdentity, BigInteger.ZERO), other)).toHex();
        JsonNode done = jsonRpc.call("did_relay", otherChange);
        assertThat(done.path("transaction").asText()).startsWith("0x");
        assertThat(done.path("block").asLong()).isPositive();
    }
}
