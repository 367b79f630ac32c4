package org.stele.apps.identity.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.vc.Abi;
import org.stele.apps.identity.vc.Artifact;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.DidEthr;
import org.stele.apps.identity.vc.TrustPolicy;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * The {@code TrustRegistry} contract: its code for genesis, the calls an authority sends, and the reads a verifier
 * makes. As a {@link TrustPolicy}, a credential is trusted when its issuer was admitted, at the credential's issuance
 * time, for every type it claims besides {@code VerifiableCredential} (and for {@code VerifiableCredential} itself
 * when it claims no other).
 */
public final class TrustRegistry implements TrustPolicy {
    public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000005101");
    public static final List<String> ERRORS = List.of("NotAuthority(address)", "EmptyCredentialType()",
            "NoSchema(string)", "AlreadyAdmitted(address,string)", "NotAdmitted(address,string)");
    private static final Artifact ARTIFACT = Artifact.load("TrustRegistry", ADDRESS);

    /** A type's credentialSchema as the registry holds it. */
    public record Schema(String id, Bytes contentHash) {}

    private final Chain chain;

    public TrustRegistry(Chain chain) {
        this.chain = chain;
    }

    public static Bytes code() {
        return ARTIFACT.code();
    }

    public static void addTo(ObjectNode alloc) {
        ARTIFACT.addTo(alloc);
    }

    public static Bytes setSchema(String type, String schemaId, Bytes contentHash) {
        return Abi.call("setSchema(string,string,bytes32)", type, schemaId, contentHash);
    }

    public static Bytes admit(Address issuer, String type) {
        return Abi.call("admit(address,string)", issuer, type);
    }

    public static Bytes remove(Address issuer, String type) {
        return Abi.call("remove(address,string)", issuer, type);
    }

    public Optional<Schema> schema(String type) {
        Bytes r = chain.call(ADDRESS, Abi.call("schemaOf(string)", type));
        String id = Abi.stringAt(r, 0);
        return id.isEmpty() ? Optional.empty() : Optional.of(new Schema(id, Abi.wordAt(r, 1)));
    }

    public boolean trustedAt(Address issuer, String type, Instant time) {
        return Abi.boolAt(chain.call(ADDRESS,
                Abi.call("trustedAt(address,string,uint256)", issuer, type, time.getEpochSecond())), 0);
    }

    /** The issuer's admission periods for a type, oldest first: [from, until) in block time, until empty if open. */
    public List<Instant[]> periods(Address issuer, String type) {
        Bytes r = chain.call(ADDRESS, Abi.call("periodsOf(address,string)", issuer, type));
        int offset = Abi.uintAt(r, 0).intValueExact() / 32;
        int n = Abi.uintAt(r, offset).intValueExact();
        List<Instant[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = Abi.uintAt(r, offset + 1 + 2 * i).longValueExact();
            long until = Abi.uintAt(r, offset + 2 + 2 * i).longValueExact();
            out.add(until == 0
                    ? new Instant[]{Instant.ofEpochSecond(from)}
                    : new Instant[]{Instant.ofEpochSecond(from), Instant.ofEpochSecond(until)});
        }
        return out;
    }

    @Override
    public Optional<String> refusal(DidEthr issuer, List<String> types, Instant issued) {
        List<String> needed = types.isEmpty() ? List.of("VerifiableCredential") : types;
        for (String type : needed) {
            if (!trustedAt(issuer.address(), type, issued))
                return Optional.of(issuer + " was not a trusted issuer of " + type + " at " + issued
                        + " (TrustRegistry " + ADDRESS.toHex() + ")");
        }
        return Optional.empty();
    }
}
