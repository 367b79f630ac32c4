package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.apps.identity.DidRegistry;
import org.stele.apps.identity.status.Bitstring;
import org.stele.apps.identity.status.StatusLists;
import org.stele.apps.identity.status.StatusPurpose;
import org.stele.apps.identity.trust.TrustRegistry;
import org.stele.apps.identity.vc.Abi;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.ContractErrors;
import org.stele.apps.identity.vc.CredentialVerifier;
import org.stele.apps.identity.vc.CredentialVerifier.Verdict;
import org.stele.apps.identity.vc.DidEthr;
import org.stele.apps.identity.vc.HttpJsonRpc;
import org.stele.apps.identity.vc.Issuance;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;
import org.stele.common.Address;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.node.dev.DevAccounts;
import org.stele.node.devnode.TestDevNode;
import org.stele.node.vc.VcCommand;
import org.stele.node.vc.VcTransactions;

/**
 * {@code stele vc} and the credential library against a real dev chain over JSON-RPC: the StatusLists and
 * TrustRegistry contracts from genesis, the ERC-1056 registry for issuer keys, and the node's status-list route. Dev
 * account 0 governs (it grants itself the operator role), account 1 issues, account 2 holds, account 3 is anyone
 * else. The chain's clock is fixed at 2026-01-01, so every credential the CLI issues now postdates every admission.
 */
class VcCommandTest {
    private static final String TYPE = "VerifiedPerson";
    @TempDir
    Path dir;
    private TestDevNode node;
    private String rpc;
    private Path governorKey, issuerKey, otherKey;
    private DevAccounts.Account issuer, holder, other;
    private Chain chain;
    private DidEthr issuerDid;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("data"), 4);
        rpc = node.rpc();
        issuer = node.accounts().get(1);
        holder = node.accounts().get(2);
        other = node.accounts().get(3);
        governorKey = TestDevNode.keyFile(dir.resolve("governor.key"), node.accounts().get(0));
        // the issuer's file is bare hex without 0x and with a trailing newline, as users write them by hand
        issuerKey = dir.resolve("issuer.key");
        Files.writeString(issuerKey, Hex.encode(issuer.key().privateKey().toArray()).substring(2) + "\n");
        otherKey = TestDevNode.keyFile(dir.resolve("other.key"), other);
        chain = new Chain(new HttpJsonRpc(URI.create(rpc)), new ContractErrors(VcCommand.errors()));
        issuerDid = new DidEthr(31337, issuer.address());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private CliRun vc(String... args) {
        return CliRun.against(rpc, "vc", args);
    }

    /** The committee grants dev account 0 the operator role, which sets the type's schema and admits the issuer. */
    private void trustIssuer(String type) {
        CliRun grant = CliRun.of("gov", "grant", node.accounts().get(0).address().toHex(), "operator", "--rpc", rpc,
                "--key", governorKey.toString());
        assertThat(grant.status()).as(grant.err()).isZero();
        assertThat(vc("trust", "schema", "--type", type, "--schema-id", "https://schemas.example.org/" + type,
                "--schema-hash", "0x" + "11".repeat(32), "--key-file", governorKey.toString()).status()).isZero();
        CliRun admit = vc("trust", "admit", "--issuer", issuerDid.toString(), "--type", type, "--key-file",
                governorKey.toString());
        assertThat(admit.status()).as(admit.err()).isZero();
    }

    private String issue(String... extra) {
        String[] base = {"issue", "--key-file", issuerKey.toString(), "--subject",
                "did:ethr:0x7a69:" + holder.address().toHex(), "--claims", "{\"name\":\"Ada\",\"ageOver18\":true}",
                "--type", TYPE};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        CliRun r = vc(all);
        assertThat(r.status()).as(r.err()).isZero();
        return r.out().strip();
    }

    private static JsonNode payload(String jwt) throws Exception {
        return Jws.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void anIssuedCredentialIsAVcJwtInTheVc11ModelThatVerifies() throws Exception {
        trustIssuer(TYPE);
        String jwt = issue("--status", "--suspendable", "--expires", "P365D", "--id", "urn:uuid:1");
        JsonNode header = Jws.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        assertThat(header.path("alg").asText()).isEqualTo("ES256K");
        JsonNode p = payload(jwt);
        assertThat(p.path("iss").asText()).isEqualTo(issuerDid.toString());
        assertThat(p.path("sub").asText()).isEqualTo("did:ethr:0x7a69:" + holder.address().toHex());
        assertThat(p.path("jti").asText()).isEqualTo("urn:uuid:1");
        assertThat(p.path("exp").asLong() - p.path("nbf").asLong()).isEqualTo(365L * 86_400);
        assertThat(p.path("vc").path("@context").path(0).asText()).isEqualTo("https://www.w3.org/2018/credentials/v1");
        assertThat(p.path("vc").path("type").toString()).isEqualTo("[\"VerifiableCredential\",\"VerifiedPerson\"]");
        assertThat(p.path("vc").path("credentialSubject").path("name").asText()).isEqualTo("Ada");
        JsonNode status = p.path("vc").path("credentialStatus");
        assertThat(status.size()).isEqualTo(2);
        assertThat(status.path(0).path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.path(0).path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(status.path(0).path("statusListIndex").asText()).isEqualTo("0");
        assertThat(status.path(0).path("statusListCredential").asText())
                .isEqualTo(rpc + "/identity/status/" + issuer.address().toHex() + "/revocation/0");
        assertThat(status.path(1).path("statusPurpose").asText()).isEqualTo("suspension");

        CliRun verified = vc("verify", jwt);
        assertThat(verified.status()).as(verified.err()).isZero();
        assertThat(verified.out()).startsWith("valid: VerifiedPerson issued by " + issuerDid);
        // indices are handed out one by one per issuer
        assertThat(payload(issue("--status")).path("vc").path("credentialStatus").path("statusListIndex").asText())
                .isEqualTo("1");
    }

    @Test
    void aRevokedCredentialIsRefusedAndItsBitShowsInTheServedStatusList() throws Exception {
        trustIssuer(TYPE);
        String first = issue("--status");
        String second = issue("--status");
        CliRun revoked = vc("revoke", second, "--key-file", issuerKey.toString());
        assertThat(revoked.status()).as(revoked.err()).isZero();
        assertThat(revoked.out()).startsWith("revoked: revocation bit 1 of ");
        CliRun verify = vc("verify", second);
        assertThat(verify.status()).isEqualTo(1);
        assertThat(verify.err().strip()).startsWith("stele vc verify: revoked: revocation bit 1 of");
        assertThat(vc("verify", first).status()).isZero();
        // revoking twice changes nothing and is refused by the contract
        CliRun again = vc("revoke", second, "--key-file", issuerKey.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("StatusUnchanged(" + issuer.address().toHex() + ", 0, 1, true)");

        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                rpc + "/identity/status/" + issuer.address().toHex() + "/revocation/0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("content-type")).hasValue("application/vc+ld+json");
        assertThat(list.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(list.headers().firstValue("stele-block-number")).isPresent();
        JsonNode doc = Jws.JSON.readTree(list.body());
        assertThat(doc.path("type").toString())
                .isEqualTo("[\"VerifiableCredential\",\"BitstringStatusListCredential\"]");
        assertThat(doc.path("issuer").asText()).isEqualTo(issuerDid.toString());
        assertThat(doc.path("id").asText()).isEqualTo(rpc + "/identity/status/" + issuer.address().toHex()
                + "/revocation/0");
        assertThat(doc.path("credentialSubject").path("statusPurpose").asText()).isEqualTo("revocation");
        byte[] bits = Bitstring.decode(doc.path("credentialSubject").path("encodedList").asText());
        assertThat(bits).hasSize(16_384);
        assertThat(Bitstring.get(bits, 0)).isFalse();
        assertThat(Bitstring.get(bits, 1)).isTrue();
        for (int i = 2; i < 131_072; i++)
            assertThat(Bitstring.get(bits, i)).isFalse();
        assertThat(bits[0]).isEqualTo((byte) 0x40);
    }

    @Test
    void aSuspendedCredentialIsRefusedUntilItsSuspensionIsLifted() {
        trustIssuer(TYPE);
        String jwt = issue("--status", "--suspendable");
        assertThat(vc("suspend", jwt, "--key-file", issuerKey.toString()).status()).isZero();
        CliRun refused = vc("verify", jwt);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("verify: suspended: suspension bit 0");
        assertThat(vc("unsuspend", jwt, "--key-file", issuerKey.toString()).status()).isZero();
        assertThat(vc("verify", jwt).status()).isZero();
        CliRun again = vc("unsuspend", jwt, "--key-file", issuerKey.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("StatusUnchanged");
        CliRun noEntry = vc("suspend", issue("--status"), "--key-file", issuerKey.toString());
        assertThat(noEntry.status()).isEqualTo(2);
        assertThat(noEntry.err()).contains("no suspension status entry");
    }

    @Test
    void onlyTheIssuersOwnerChangesItsStatusAndRevocationIsFinal() {
        trustIssuer(TYPE);
        String jwt = issue("--status", "--suspendable");
        CliRun stranger = vc("revoke", jwt, "--key-file", otherKey.toString());
        assertThat(stranger.status()).isEqualTo(1);
        assertThat(stranger.err()).contains("NotIssuer(" + issuer.address().toHex() + ", " + other.address().toHex()
                + ")");
        VcTransactions tx = new VcTransactions(chain, Duration.ofSeconds(30));
        assertThatRefused(() -> tx.transact(other.key(), StatusLists.ADDRESS, StatusLists.allocate(issuer.address())),
                "NotIssuer(");
        assertThatRefused(() -> tx.transact(issuer.key(), StatusLists.ADDRESS,
                StatusLists.setStatus(issuer.address(), StatusPurpose.REVOCATION, 5, true)),
                "IndexNotAllocated(" + issuer.address().toHex() + ", 5, 1)");
        assertThatRefused(() -> tx.transact(issuer.key(), StatusLists.ADDRESS,
                Abi.call("setStatus(address,uint8,uint256,bool)", issuer.address(), 2, 0L, true)),
                "UnknownPurpose(2)");
        assertThat(vc("revoke", jwt, "--key-file", issuerKey.toString()).status()).isZero();
        assertThatRefused(() -> tx.transact(issuer.key(), StatusLists.ADDRESS,
                StatusLists.setStatus(issuer.address(), StatusPurpose.REVOCATION, 0, false)),
                "RevocationIsFinal(" + issuer.address().toHex() + ", 0)");
        assertThat(StatusLists.isSet(chain, issuer.address(), StatusPurpose.REVOCATION, 0)).isTrue();
        assertThat(StatusLists.allocated(chain, issuer.address())).isEqualTo(1);
    }

    @Test
    void aCredentialSignedByAKeyThatDoesNotSpeakForTheIssuerFailsOnSignatureUntilTheKeyIsADelegate() {
        trustIssuer(TYPE);
        CliRun forged = vc("issue", "--key-file", otherKey.toString(), "--issuer", issuerDid.toString(),
                "--subject", "did:ethr:0x7a69:" + holder.address().toHex(), "--claims", "{}", "--type", TYPE);
        assertThat(forged.status()).isZero();
        String jwt = forged.out().strip();
        CliRun refused = vc("verify", jwt);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("verify: signature: not signed by a key of " + issuerDid);
        // the issuer makes the other key a veriKey delegate in the ERC-1056 registry: now it speaks for the issuer
        new VcTransactions(chain, Duration.ofSeconds(30)).transact(issuer.key(), DidRegistry.ADDRESS,
                Abi.call("addDelegate(address,bytes32,address,uint256)", issuer.address(), Abi.bytes32("veriKey"),
                        other.address(), 100 * 31_536_000L)); // valid from the chain's 2026 past the wall clock
        assertThat(vc("verify", jwt).status()).isZero();
        // a tampered payload fails on signature
        String[] parts = jwt.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "fQ." + parts[2];
        CliRun bad = vc("verify", tampered);
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).containsAnyOf("signature:", "malformed:");
    }

    @Test
    void anIssuerNotAdmittedForTheTypeIsUnknownAndTheAuthorityRulesHold() {
        String jwt = issue();
        CliRun unknown = vc("verify", jwt);
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("verify: issuer unknown: " + issuerDid
                + " was not a trusted issuer of VerifiedPerson");
        // not an operator yet: refused
        CliRun notOperator = vc("trust", "schema", "--type", TYPE, "--schema-id", "https://s.example.org/p",
                "--schema-hash", "0x" + "22".repeat(32), "--key-file", otherKey.toString());
        assertThat(notOperator.status()).isEqualTo(1);
        assertThat(notOperator.err()).contains("NotAuthority(" + other.address().toHex() + ")");
        trustIssuer(TYPE);
        assertThat(vc("verify", jwt).status()).isZero();
        CliRun twice = vc("trust", "admit", "--issuer", issuerDid.toString(), "--type", TYPE, "--key-file",
                governorKey.toString());
        assertThat(twice.err()).contains("AlreadyAdmitted(" + issuer.address().toHex() + ", \"VerifiedPerson\")");
        CliRun noSchema = vc("trust", "admit", "--issuer", issuerDid.toString(), "--type", "Diploma", "--key-file",
                governorKey.toString());
        assertThat(noSchema.err()).contains("NoSchema(\"Diploma\")");
        CliRun notAdmitted = vc("trust", "remove", "--issuer", issuerDid.toString(), "--type", "Diploma",
                "--key-file", governorKey.toString());
        assertThat(notAdmitted.err()).contains("NotAdmitted(");
        CliRun emptyType = vc("trust", "schema", "--type", "", "--schema-id", "https://s.example.org/p",
                "--schema-hash", "0x" + "22".repeat(32), "--key-file", governorKey.toString());
        assertThat(emptyType.status()).isEqualTo(1);
        assertThat(emptyType.err()).contains("EmptyCredentialType()");
        CliRun show = vc("trust", "show", "--issuer", issuerDid.toString(), "--type", TYPE);
        assertThat(show.out()).contains("schema of VerifiedPerson: https://schemas.example.org/VerifiedPerson 0x1111")
                .contains("admitted for VerifiedPerson from 2026-01-01T").contains("(still admitted)");
    }

    @Test
    void trustIsJudgedAtIssuanceSoRemovalKeepsEarlierCredentialsAndRefusesLaterOnes() {
        trustIssuer(TYPE);
        long admittedAt = chain.headTime();
        assertThat(vc("trust", "remove", "--issuer", issuer.address().toHex(), "--type", TYPE, "--key-file",
                governorKey.toString()).status()).isZero();
        long removedAt = chain.headTime();
        assertThat(vc("trust", "show", "--issuer", issuerDid.toString(), "--type", TYPE).out())
                .contains("until " + Instant.ofEpochSecond(removedAt));
        InstantSource now = InstantSource.fixed(Instant.ofEpochSecond(removedAt + 100));
        CredentialVerifier verifier = new CredentialVerifier(chain, new TrustRegistry(chain), now);
        String before = credential(Instant.ofEpochSecond(admittedAt), Optional.empty());
        String after = credential(Instant.ofEpochSecond(removedAt), Optional.empty());
        assertThat(verifier.verify(before)).isInstanceOf(Verdict.Valid.class);
        assertThat(verifier.verify(after)).isInstanceOfSatisfying(Verdict.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(CredentialVerifier.Reason.ISSUER_UNTRUSTED));
        String tooEarly = credential(Instant.ofEpochSecond(admittedAt - 1), Optional.empty());
        assertThat(verifier.verify(tooEarly)).isInstanceOfSatisfying(Verdict.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(CredentialVerifier.Reason.ISSUER_UNTRUSTED));
    }

    @Test
    void expiryAndNotBeforeAreJudgedByTheVerifiersClock() {
        trustIssuer(TYPE);
        Instant issued = Instant.ofEpochSecond(chain.headTime() + 10);
        String jwt = credential(issued, Optional.of(issued.plusSeconds(3600)));
        TrustRegistry trust = new TrustRegistry(chain);
        assertThat(new CredentialVerifier(chain, trust, InstantSource.fixed(issued.minusSeconds(1))).verify(jwt))
                .isEqualTo(new Verdict.Refused(CredentialVerifier.Reason.NOT_YET_VALID, "valid from " + issued
                        + ", it is " + issued.minusSeconds(1)));
        assertThat(new CredentialVerifier(chain, trust, InstantSource.fixed(issued)).verify(jwt))
                .isInstanceOf(Verdict.Valid.class);
        assertThat(new CredentialVerifier(chain, trust, InstantSource.fixed(issued.plusSeconds(3599))).verify(jwt))
                .isInstanceOf(Verdict.Valid.class);
        assertThat(new CredentialVerifier(chain, trust, InstantSource.fixed(issued.plusSeconds(3600))).verify(jwt))
                .isEqualTo(new Verdict.Refused(CredentialVerifier.Reason.EXPIRED, "expired at "
                        + issued.plusSeconds(3600)));
        CliRun expired = vc("verify", credential(Instant.parse("2026-01-01T00:00:00Z"),
                Optional.of(Instant.parse("2026-01-02T00:00:00Z"))));
        assertThat(expired.status()).isEqualTo(1);
        assertThat(expired.err().strip()).isEqualTo("stele vc verify: expired: expired at 2026-01-02T00:00:00Z");
    }

    @Test
    void badInputsGetOneLineAndStatusTwo() {
        CliRun notJwt = vc("verify", "hello");
        assertThat(notJwt.status()).isEqualTo(1);
        assertThat(notJwt.err().strip()).isEqualTo("stele vc verify: malformed: not a JWT: a JWT has three parts "
                + "separated by dots");
        CliRun claims = vc("issue", "--key-file", issuerKey.toString(), "--subject", "did:ethr:0x7a69:"
                + holder.address().toHex(), "--claims", "[1]");
        assertThat(claims.status()).isEqualTo(2);
        assertThat(claims.err().strip()).isEqualTo("stele vc issue: --claims must be a JSON object");
        CliRun missingKey = vc("issue", "--key-file", dir.resolve("nope").toString(), "--subject", "did:ethr:x",
                "--claims", "{}");
        assertThat(missingKey.status()).isEqualTo(2);
        assertThat(missingKey.err()).contains("key file not found");
        CliRun expires = vc("issue", "--key-file", issuerKey.toString(), "--subject", "x", "--claims", "{}",
                "--expires", "tomorrow");
        assertThat(expires.status()).isEqualTo(2);
        assertThat(expires.err()).contains("--expires tomorrow");
        CliRun unreachable = CliRun.of("vc", "verify", credential(Instant.now(), Optional.empty()), "--rpc",
                "http://127.0.0.1:1");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.err().strip()).startsWith("stele vc verify: cannot reach the node at http://127.0.0.1:1")
                .doesNotContain("\n");
    }

    @Test
    void anSdJwtVcDisclosesOnlyWhatItsHolderChoosesBoundToTheVerifiersNonce() throws Exception {
        trustIssuer(TYPE);
        Path holderKey = TestDevNode.keyFile(dir.resolve("holder.key"), holder);
        String sd = issue("--format", "sd-jwt", "--status", "--holder-key", holder.key().publicKey().xy().toHex());
        String[] parts = sd.split("~", -1);
        assertThat(parts).hasSize(4); // the issuer's JWT, two disclosures, and nothing after the last ~
        JsonNode header = Jws.JSON.readTree(Base64.getUrlDecoder().decode(parts[0].split("\\.")[0]));
        assertThat(header.path("typ").asText()).isEqualTo("dc+sd-jwt");
        JsonNode p = payload(parts[0]);
        assertThat(p.path("vct").asText()).isEqualTo(TYPE);
        assertThat(p.path("_sd").size()).isEqualTo(2);
        assertThat(p.path("_sd_alg").asText()).isEqualTo("sha-256");
        assertThat(p.has("name")).isFalse();
        assertThat(p.path("cnf").path("jwk").path("crv").asText()).isEqualTo("secp256k1");

        CliRun presented = vc("present", sd, "--disclose", "ageOver18", "--nonce", "n-123", "--aud",
                "https://dating.example", "--key-file", holderKey.toString());
        assertThat(presented.status()).as(presented.err()).isZero();
        String presentation = presented.out().strip();
        assertThat(presentation.split("~", -1)).hasSize(3);
        CliRun ok = vc("verify", presentation, "--nonce", "n-123", "--aud", "https://dating.example");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("presented by its holder").contains("\"ageOver18\":true")
                .doesNotContain("Ada");
        CliRun otherNonce = vc("verify", presentation, "--nonce", "n-999", "--aud", "https://dating.example");
        assertThat(otherNonce.status()).isEqualTo(1);
        assertThat(otherNonce.err().strip()).isEqualTo(
                "stele vc verify: holder binding: the nonce is \"n-123\", not \"n-999\"");
        CliRun unbound = vc("verify", sd, "--nonce", "n-123");
        assertThat(unbound.err()).contains("holder binding: the presentation has no key-binding JWT");
        // someone else's key cannot present it
        CliRun stolen = vc("present", sd, "--disclose", "name", "--nonce", "n", "--aud", "a", "--key-file",
                otherKey.toString());
        assertThat(vc("verify", stolen.out().strip(), "--nonce", "n").err())
                .contains("holder binding: the key-binding JWT is not signed by the cnf key");
        // a disclosure the issuer did not sign cannot be slipped in
        String forged = parts[0] + "~" + org.stele.apps.identity.sdjwt.Disclosure.of("name",
                TextNode.valueOf("Eve")).encoded() + "~";
        assertThat(vc("verify", forged).err()).contains("malformed: 1 disclosure(s) match no digest");
        CliRun unknownClaim = vc("present", sd, "--disclose", "address", "--nonce", "n", "--aud", "a",
                "--key-file", holderKey.toString());
        assertThat(unknownClaim.status()).isEqualTo(2);
        assertThat(unknownClaim.err()).contains("no disclosable claim \"address\"");
        // its status entry works as a VC-JWT's does
        assertThat(vc("revoke", sd, "--key-file", issuerKey.toString()).status()).isZero();
        assertThat(vc("verify", presentation, "--nonce", "n-123").err()).contains("verify: revoked:");
    }

    @Test
    void theIssuersKeysAreJudgedAsOfTheIssuanceBlockDelegatesDidPubKeysAndOwnersAlike() {
        trustIssuer(TYPE);
        KeyPair published = org.stele.common.crypto.Secp256k1KeccakSuite.instance()
                .generateKeyPair(new java.security.SecureRandom());
        // a veriKey delegate: what it signs from its block on verifies, as VC-JWT and as SD-JWT VC
        did("add-delegate", "--delegate", other.address().toHex(), "--key-file", issuerKey.toString());
        Instant delegated = Instant.ofEpochSecond(chain.headTime());
        String byDelegate = credential(delegated, other.key());
        String sdByDelegate = sdJwt(delegated, other.key());
        assertThat(vc("verify", byDelegate).status()).isZero();
        assertThat(vc("verify", sdByDelegate).status()).isZero();
        assertThat(vc("verify", credential(delegated.minusSeconds(1), other.key())).err())
                .contains("verify: signature: not signed by a key of " + issuerDid + " as of its issuance at "
                        + delegated.minusSeconds(1));
        // revoked: what it signs afterwards fails, what it signed before stays valid
        did("revoke-delegate", "--delegate", other.address().toHex(), "--key-file", issuerKey.toString());
        // (a delegate counts until its revocation block's second, as ethr-did-resolver counts: a second later it
        // does not, though no block came after)
        Instant revoked = Instant.ofEpochSecond(chain.headTime() + 1);
        assertThat(vc("verify", credential(revoked, other.key())).err()).contains("verify: signature: not signed by");
        assertThat(vc("verify", sdJwt(revoked, other.key())).err()).contains("verify: signature: not signed by");
        assertThat(vc("verify", byDelegate).status()).isZero();
        assertThat(vc("verify", sdByDelegate).status()).isZero();
        // a did/pub/Secp256k1/veriKey/hex attribute (setAttribute) is a key of the issuer too, from its block on
        did("add-key", "--public-key", "04" + published.publicKey().xy().toHex().substring(2), "--key-file",
                issuerKey.toString());
        Instant keyAdded = Instant.ofEpochSecond(chain.headTime());
        CliRun byPublished = vc("verify", credential(keyAdded, published));
        assertThat(byPublished.status()).as(byPublished.err()).isZero();
        assertThat(byPublished.out()).contains("signed by " + addressOf(published).toHex());
        assertThat(vc("verify", sdJwt(keyAdded, published)).status()).isZero();
        assertThat(vc("verify", credential(delegated, published)).status()).isEqualTo(1);
        // the identity changes owner: the old owner's earlier credentials stay valid, its later ones fail, and the
        // new owner signs from then on
        String byOldOwner = credential(keyAdded, issuer.key());
        did("change-owner", "--new-owner", other.address().toHex(), "--key-file", issuerKey.toString());
        Instant changed = Instant.ofEpochSecond(chain.headTime());
        assertThat(vc("verify", byOldOwner).status()).isZero();
        CliRun late = vc("verify", credential(changed, issuer.key()));
        assertThat(late.status()).isEqualTo(1);
        assertThat(late.err()).contains("verify: signature: not signed by a key of " + issuerDid);
        assertThat(vc("verify", sdJwt(changed, issuer.key())).err()).contains("verify: signature: not signed by");
        assertThat(vc("verify", credential(changed, other.key())).status()).isZero();
        assertThat(vc("verify", sdJwt(changed, other.key())).status()).isZero();
    }

    private void did(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "did";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--rpc";
        all[args.length + 2] = rpc;
        CliRun r = CliRun.of(all);
        assertThat(r.status()).as(r.err()).isZero();
    }

    private static Address addressOf(KeyPair key) {
        return org.stele.apps.identity.vc.Es256k.address(key);
    }

    /** A VC-JWT of the issuer's DID issued at {@code notBefore}, signed by {@code key}. */
    private String credential(Instant notBefore, KeyPair key) {
        return new Issuance(issuerDid, "did:ethr:0x7a69:" + holder.address().toHex(), List.of(TYPE),
                Jws.JSON.createObjectNode().put("ageOver18", true), notBefore, Optional.empty(), List.of(),
                Optional.empty()).jwt(key, "ES256K");
    }

    /** An SD-JWT VC of the issuer's DID issued at {@code notBefore}, signed by {@code key}. */
    private String sdJwt(Instant notBefore, KeyPair key) {
        return org.stele.apps.identity.sdjwt.SdJwtVc.issue(issuerDid, TYPE,
                "did:ethr:0x7a69:" + holder.address().toHex(), Jws.JSON.createObjectNode().put("ageOver18", true),
                holder.key().publicKey(), notBefore, Optional.empty(), List.of(), key, "ES256K").serialize();
    }

    private String credential(Instant notBefore, Optional<Instant> expires) {
        return new Issuance(issuerDid, "did:ethr:0x7a69:" + holder.address().toHex(), List.of(TYPE),
                Jws.JSON.createObjectNode().put("ageOver18", true), notBefore, expires, List.of(), Optional.empty())
                .jwt(issuer.key(), "ES256K-R");
    }

    private static void assertThatRefused(Runnable r, String error) {
        try {
            r.run();
        } catch (VcException e) {
            assertThat(e.getMessage()).contains(error);
            return;
        }
        throw new AssertionError("not refused: expected " + error);
    }

}
