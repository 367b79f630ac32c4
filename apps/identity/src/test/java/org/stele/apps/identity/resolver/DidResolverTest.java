package org.stele.apps.identity.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.stele.chain.rules.EthereumCancun;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.apps.identity.cli.RegistryChange;
import org.stele.apps.identity.resolver.DidResolution.Outcome;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.testkit.TestKeys;

/**
 * Resolution on a real chain, from the index the block store keeps: each document shape ethr-did-resolver produces
 * (delegates, keys in each encoding, services, a revoked and an expired delegate, a new owner, a public-key DID, a
 * deactivated DID), versions by block and by time, and each error of the HTTP binding.
 */
class DidResolverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair ALICE = TestKeys.named("alice");
    private static final KeyPair BOB = TestKeys.named("bob");
    private static final KeyPair CAROL = TestKeys.named("carol");
    private static final Address D1 = TestKeys.address(TestKeys.named("delegate-1"));
    private static final Address D2 = TestKeys.address(TestKeys.named("delegate-2"));
    private static final Address D3 = TestKeys.address(TestKeys.named("delegate-3"));
    private static final Bytes SECP_KEY = Bytes.fromHex(
            "0x02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71");
    private static final Bytes ED_KEY = Bytes.fromHex(
            "0x0011223344556677889900112233445566778899001122334455667788990011");
    private static final Bytes X_KEY = Bytes.fromHex(
            "0xffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
    private static final String CONTEXT = """
            ["https://www.w3.org/ns/did/v1","https://w3id.org/security/suites/secp256k1recovery-2020/v2",\
            "https://w3id.org/security/v3-unstable"]""";

    private final IndexedRegistryChain chain = new IndexedRegistryChain(List.of(ALICE, BOB, CAROL));
    private final Address alice = TestKeys.address(ALICE);
    private final String did = "did:ethr:0x539:" + alice.toChecksumHex();

    /** Nine changes of Alice's DID, one per block (block n at time n). */
    private void nineChanges() {
        BigInteger day = BigInteger.valueOf(1000);
        chain.change(ALICE, alice, new RegistryChange.AddDelegate(RegistryChange.name("veriKey"), D1, day));
        chain.change(ALICE, alice, new RegistryChange.AddDelegate(RegistryChange.name("sigAuth"), D2, day));
        chain.change(ALICE, alice, new RegistryChange.SetAttribute(
                RegistryChange.name("did/pub/Secp256k1/veriKey/hex"), SECP_KEY, day));
        chain.change(ALICE, alice, new RegistryChange.SetAttribute(RegistryChange.name("did/svc/HubService"),
                utf8("https://hub.example.org"), day));
        chain.change(ALICE, alice, new RegistryChange.AddDelegate(RegistryChange.name("veriKey"), D3, BigInteger.ONE));
        chain.change(ALICE, alice, new RegistryChange.RevokeDelegate(RegistryChange.name("sigAuth"), D2));
        chain.change(ALICE, alice, new RegistryChange.SetAttribute(
                RegistryChange.name("did/pub/Ed25519/veriKey/base58"), ED_KEY, day));
        chain.change(ALICE, alice, new RegistryChange.SetAttribute(RegistryChange.name("did/svc/Messaging"),
                utf8("{\"uri\":\"https://m.example\",\"accept\":[\"didcomm/v2\"]}"), day));
        chain.change(ALICE, alice, new RegistryChange.SetAttribute(
                RegistryChange.name("did/pub/X25519/enc/base64"), X_KEY, day));
    }

    @Test
    void aDidWithoutChangesResolvesToItsControllerOnly() throws Exception {
        DidResolution r = chain.resolverAt(100).resolve(did, Map.of());

        assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(r.result().toString()).isEqualTo(compact("""
                {"didDocument":{"id":"%1$s","verificationMethod":[{"id":"%1$s#controller",\
                "type":"EcdsaSecp256k1RecoveryMethod2020","controller":"%1$s",\
                "blockchainAccountId":"eip155:1337:%2$s"}],"authentication":["%1$s#controller"],\
                "assertionMethod":["%1$s#controller"],"@context":%3$s},\
                "didResolutionMetadata":{"contentType":"application/did+ld+json"},"didDocumentMetadata":{}}"""
                .formatted(did, alice.toChecksumHex(), CONTEXT)));
    }

    @Test
    void delegatesKeysAndServicesAppearAsEthrDidResolverNumbersThemWithRevokedAndExpiredOnesCounted()
            throws Exception {
        nineChanges();

        DidResolution r = chain.resolverAt(100).resolve(did, Map.of());

        assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(r.result().get("didDocument").toString()).isEqualTo(compact("""
                {"id":"%1$s","verificationMethod":[\
                {"id":"%1$s#controller","type":"EcdsaSecp256k1RecoveryMethod2020","controller":"%1$s",\
                "blockchainAccountId":"eip155:1337:%2$s"},\
                {"id":"%1$s#delegate-1","type":"EcdsaSecp256k1RecoveryMethod2020","controller":"%1$s",\
                "blockchainAccountId":"eip155:1337:%3$s"},\
                {"id":"%1$s#delegate-3","type":"EcdsaSecp256k1VerificationKey2019","controller":"%1$s",\
                "publicKeyHex":"02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71"},\
                {"id":"%1$s#delegate-6","type":"Ed25519VerificationKey2018","controller":"%1$s",\
                "publicKeyBase58":"%4$s"},\
                {"id":"%1$s#delegate-7","type":"X25519KeyAgreementKey2019","controller":"%1$s",\
                "publicKeyBase64":"/+7dzLuqmYh3ZlVEMyIRAP/u3cy7qpmId2ZVRDMiEQA="}],\
                "authentication":["%1$s#controller"],\
                "assertionMethod":["%1$s#controller","%1$s#delegate-1","%1$s#delegate-3","%1$s#delegate-6"],\
                "service":[{"id":"%1$s#service-1","type":"HubService","serviceEndpoint":"https://hub.example.org"},\
                {"id":"%1$s#service-2","type":"Messaging",\
                "serviceEndpoint":{"uri":"https://m.example","accept":["didcomm/v2"]}}],\
                "keyAgreement":["%1$s#delegate-7"],"@context":%5$s}"""
                .formatted(did, alice.toChecksumHex(), D1.toChecksumHex(),
                        "1G9spZjaDkgYTcr69CxF5aY5kbQCMrvqPVuB17mMuvY",
                        CONTEXT)));
        assertThat(r.result().get("didDocumentMetadata").toString())
                .isEqualTo("{\"versionId\":\"9\",\"updated\":\"1970-01-01T00:00:09Z\"}");
    }

    @Test
    void anOlderVersionIsJudgedAtItsBlocksTimeAndNamesTheNextVersion() throws Exception {
        nineChanges();

        JsonNode atTwo = chain.resolverAt(100).resolve(did, Map.of("versionId", "2")).result();

        assertThat(atTwo.at("/didDocument/authentication").toString())
                .isEqualTo("[\"%1$s#controller\",\"%1$s#delegate-2\"]".formatted(did));
        assertThat(atTwo.at("/didDocument/assertionMethod").toString())
                .isEqualTo("[\"%1$s#controller\",\"%1$s#delegate-1\",\"%1$s#delegate-2\"]".formatted(did));
        assertThat(atTwo.get("didDocumentMetadata").toString()).isEqualTo("{\"versionId\":\"2\","
                + "\"updated\":\"1970-01-01T00:00:02Z\",\"nextVersionId\":\"3\",\"nextUpdate\":\"1970-01-01T00:00:"
                + "03Z\"}");
        // At block 5's time the delegate added there for one second is still valid.
        JsonNode atFive = chain.resolverAt(100).resolve(did + "?versionTime=1970-01-01T00:00:05.500Z", Map.of())
                .result();
        assertThat(atFive.at("/didDocument/verificationMethod/4/id").asText()).isEqualTo(did + "#delegate-4");
        assertThat(atFive.at("/didDocumentMetadata/versionId").asText()).isEqualTo("5");
        // The query may come percent-encoded inside the DID URL too.
        assertThat(chain.resolverAt(100).resolve(did + "?versionId%3D2".replace("%3D", "="), Map.of()).result())
                .isEqualTo(atTwo);
    }

    @Test
    void aNewOwnerBecomesTheControllerAndAPublicKeyDidLosesItsControllerKey() throws Exception {
        String keyDid = "did:ethr:0x539:" + compressed(ALICE);
        JsonNode before = chain.resolverAt(100).resolve(keyDid, Map.of()).result();
        assertThat(before.at("/didDocument/verificationMethod/1").toString()).isEqualTo(compact("""
                {"id":"%1$s#controllerKey","type":"EcdsaSecp256k1VerificationKey2019","controller":"%1$s",\
                "publicKeyHex":"%2$s"}""".formatted(keyDid, compressed(ALICE).substring(2))));
        assertThat(before.at("/didDocument/authentication").toString())
                .isEqualTo("[\"%1$s#controller\",\"%1$s#controllerKey\"]".formatted(keyDid));

        chain.change(ALICE, alice, new RegistryChange.ChangeOwner(TestKeys.address(BOB)));

        JsonNode after = chain.resolverAt(100).resolve(keyDid, Map.of()).result();
        assertThat(after.at("/didDocument/verificationMethod").size()).isEqualTo(1);
        assertThat(after.at("/didDocument/verificationMethod/0/blockchainAccountId").asText())
                .isEqualTo("eip155:1337:" + TestKeys.address(BOB).toChecksumHex());
    }

    @Test
    void aDeactivatedDidIsGoneWithItsResultStillSent() throws Exception {
        chain.change(ALICE, alice, new RegistryChange.AddDelegate(RegistryChange.name("veriKey"), D1,
                BigInteger.valueOf(1000)));
        chain.change(ALICE, alice, new RegistryChange.ChangeOwner(TestKeys.address(CAROL)));
        chain.change(CAROL, alice, new RegistryChange.ChangeOwner(Address.ZERO));

        DidResolution r = chain.resolverAt(100).resolve(did, Map.of());

        assertThat(r.outcome()).isEqualTo(Outcome.DEACTIVATED);
        assertThat(r.outcome().httpStatus()).isEqualTo(410);
        assertThat(r.result().get("didDocument").toString()).isEqualTo(compact("""
                {"id":"%s","verificationMethod":[],"authentication":[],"assertionMethod":[],"@context":%s}"""
                .formatted(did, CONTEXT)));
        assertThat(r.result().get("didDocumentMetadata").toString())
                .isEqualTo("{\"deactivated\":true,\"versionId\":\"3\",\"updated\":\"1970-01-01T00:00:03Z\"}");
        // Before its deactivation it resolves, naming the deactivation as its next version.
        DidResolution earlier = chain.resolverAt(100).resolve(did, Map.of("versionId", "2"));
        assertThat(earlier.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(earlier.result().at("/didDocumentMetadata/nextVersionId").asText()).isEqualTo("3");
    }

    @Test
    void eachBadRequestGetsTheBindingsErrorAndStatus() {
        DidResolver resolver = chain.resolverAt(100);
        String lower = "did:ethr:0x539:" + alice.toHex();

        assertError(resolver.resolve("did:ethr", Map.of()), Outcome.INVALID_DID, 400);
        assertError(resolver.resolve("did:ethr:0x539:0x1234", Map.of()), Outcome.INVALID_DID, 400);
        assertError(resolver.resolve("did:ethr:0x539:0x" + "aB".repeat(20), Map.of()), Outcome.INVALID_DID, 400);
        assertError(resolver.resolve("did:ethr:0x539:0x02" + "00".repeat(32), Map.of()), Outcome.INVALID_DID, 400);
        assertError(resolver.resolve("did:web:example.org", Map.of()), Outcome.METHOD_NOT_SUPPORTED, 501);
        assertError(resolver.resolve("did:ethr:0x1:" + alice.toHex(), Map.of()), Outcome.NOT_FOUND, 404);
        assertError(resolver.resolve("did:ethr:" + alice.toHex(), Map.of()), Outcome.NOT_FOUND, 404);
        assertError(resolver.resolve(lower, Map.of("versionId", "latest")), Outcome.INVALID_OPTIONS, 400);
        assertError(resolver.resolve(lower, Map.of("versionId", "99")), Outcome.NOT_FOUND, 404);
        assertError(resolver.resolve(lower, Map.of("versionTime", "yesterday")), Outcome.INVALID_OPTIONS, 400);
        assertError(resolver.resolve(lower, Map.of("versionTime", "1969-12-31T23:59:59Z")), Outcome.NOT_FOUND, 404);
        assertError(resolver.resolveHttp("did%ZZ", null), Outcome.INVALID_DID, 400);
        assertError(resolver.resolveHttp("did%3Aethr%3A0x539%3A0x12%", null), Outcome.INVALID_DID, 400);
        assertThat(resolver.resolve(lower, Map.of()).outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(resolver.resolveHttp(lower.replace(":", "%3A"), "versionId=0").result())
                .isEqualTo(resolver.resolve(lower, Map.of("versionId", "0")).result());
    }

    @Test
    void aChainStoredBeforeTheIndexIsNotAnsweredUntilTheIndexIsBuiltThenAnsweredAlike() {
        nineChanges();
        IndexedRegistryChain old = new IndexedRegistryChain(List.of(ALICE, BOB, CAROL), false);
        BigInteger day = BigInteger.valueOf(1000);
        old.change(ALICE, alice, new RegistryChange.AddDelegate(RegistryChange.name("veriKey"), D1, day));
        for (int i = 0; i < 8; i++)
            old.send(BOB, new RegistryChange.ChangeOwner(TestKeys.address(BOB))
                    .call(TestKeys.address(BOB)));
        DidIndex index = new DidIndex(old.chain().store());
        KeyValueBlockStore reopened = new KeyValueBlockStore(old.chain().store(), TestKeys.SUITE,
                new EthereumCancun(), List.of(index));
        DidResolver resolver = new DidResolver(new StoreDidChain(reopened, index, 1337),
                InstantSource.fixed(Instant.ofEpochSecond(100)));

        DidResolution building = resolver.resolve(did, Map.of());
        assertThat(building.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(building.outcome().httpStatus()).isEqualTo(503);

        assertThat(reopened.buildIndexes(4)).isEqualTo(6);
        assertThat(reopened.buildIndexes(100)).isZero();
        JsonNode built = resolver.resolve(did, Map.of()).result();
        assertThat(built.at("/didDocument/verificationMethod/1/blockchainAccountId").asText())
                .isEqualTo("eip155:1337:" + D1.toChecksumHex());
        assertThat(built.at("/didDocumentMetadata/versionId").asText()).isEqualTo("1");
        // Reopened again, the store remembers that the index is complete.
        assertThat(new KeyValueBlockStore(old.chain().store(), TestKeys.SUITE, new EthereumCancun(), List.of(index))
                .indexedFrom(DidIndex.NAME)).isZero();
    }

    @Test
    void aBranchThatReplacesTheHeadTakesItsChangesIntoTheIndexAndTheOldBranchsOut() {
        chain.change(ALICE, alice, new RegistryChange.AddDelegate(RegistryChange.name("veriKey"), D1,
                BigInteger.valueOf(1000)));
        var fork = chain.chain().head();
        chain.change(ALICE, alice, new RegistryChange.AddDelegate(RegistryChange.name("veriKey"), D2,
                BigInteger.valueOf(1000)));
        var tx = org.stele.testkit.TxBuilder.feeMarket().chainId(org.stele.testkit.TestChainSpec.CHAIN_ID).nonce(1)
                .fees(BigInteger.TEN.pow(10), BigInteger.ONE).gasLimit(500_000)
                .to(org.stele.apps.identity.DidRegistry.ADDRESS)
                .data(new RegistryChange.SetAttribute(RegistryChange.name("did/svc/HubService"),
                        utf8("https://hub.example.org"), BigInteger.valueOf(1000)).call(alice))
                .signedBy(ALICE);
        var side = new org.stele.execution.block.BlockExecutor(org.stele.testkit.TestChainSpec.FORK, TestKeys.SUITE,
                org.stele.testkit.TestChainSpec.CHAIN_ID, chain.chain().store(), chain.chain().blocks())
                .build(fork, fork.timestamp() + 5, Address.ZERO,
                        List.of(new org.stele.execution.block.BlockExecutor.Candidate(tx, alice)));

        chain.chain().blocks().put(side.block(), side.receipts(), side.batch(), true);

        JsonNode document = chain.resolverAt(100).resolve(did, Map.of()).result().get("didDocument");
        assertThat(document.get("verificationMethod").findValuesAsText("blockchainAccountId"))
                .containsExactly("eip155:1337:" + alice.toChecksumHex(), "eip155:1337:" + D1.toChecksumHex());
        assertThat(document.at("/service/0/serviceEndpoint").asText()).isEqualTo("https://hub.example.org");
        assertThat(chain.index().history(alice)).hasSize(2);
    }

    private static void assertError(DidResolution r, Outcome outcome, int status) {
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.outcome().httpStatus()).isEqualTo(status);
        assertThat(r.result().get("didDocument").isNull()).isTrue();
        assertThat(r.result().at("/didResolutionMetadata/error").asText()).isEqualTo(outcome.error());
        assertThat(r.result().at("/didResolutionMetadata/message").asText()).isNotBlank();
    }

    private static String compact(String json) throws Exception {
        return JSON.readTree(json).toString();
    }

    private static Bytes utf8(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String compressed(KeyPair key) {
        byte[] xy = key.publicKey().xy().unsafeArray();
        byte[] out = new byte[33];
        out[0] = (byte) ((xy[63] & 1) == 0 ? 2 : 3);
        System.arraycopy(xy, 0, out, 1, 32);
        return Bytes.wrap(out).toHex();
    }
}
