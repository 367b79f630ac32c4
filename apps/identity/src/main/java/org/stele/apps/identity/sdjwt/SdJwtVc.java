package org.stele.apps.identity.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stele.apps.identity.status.StatusEntry;
import org.stele.apps.identity.vc.DidEthr;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.PublicKey;

/**
 * Issuing SD-JWT VCs ({@code typ: dc+sd-jwt}) and presenting them. Every top-level claim becomes a salted disclosure
 * whose digest the issuer signs in {@code _sd} (sorted, so their order says nothing); {@code iss}, {@code vct},
 * {@code sub}, the dates, {@code cnf} (the holder's public key as a secp256k1 JWK) and the status entries stay
 * plain. A presentation keeps the disclosures the holder chooses and ends with a KB-JWT ({@code typ: kb+jwt}) over
 * the verifier's nonce and audience and the {@code sd_hash} of what precedes it.
 */
public final class SdJwtVc {
    public static final String TYP = "dc+sd-jwt";
    public static final String KB_TYP = "kb+jwt";

    private SdJwtVc() {
    }

    /** The holder's key as a JWK: EC on secp256k1 with base64url x and y. */
    public static ObjectNode jwk(PublicKey key) {
        byte[] xy = key.xy().toArray();
        ObjectNode jwk = JsonNodeFactory.instance.objectNode().put("kty", "EC").put("crv", "secp256k1");
        jwk.put("x", Jws.b64(java.util.Arrays.copyOfRange(xy, 0, 32)));
        jwk.put("y", Jws.b64(java.util.Arrays.copyOfRange(xy, 32, 64)));
        return jwk;
    }

    public static PublicKey publicKey(JsonNode jwk) {
        if (!"EC".equals(jwk.path("kty").asText()) || !"secp256k1".equals(jwk.path("crv").asText()))
            throw new VcException("the holder's key (cnf.jwk) is not an EC secp256k1 JWK");
        byte[] x = Jws.unb64(jwk.path("x").asText()), y = Jws.unb64(jwk.path("y").asText());
        if (x.length != 32 || y.length != 32) throw new VcException("cnf.jwk's x and y are not 32 bytes each");
        return new PublicKey(Bytes.concat(Bytes.wrap(x), Bytes.wrap(y)));
    }

    /** A new SD-JWT VC, with all its disclosures. */
    public static SdJwt issue(DidEthr issuer, String vct, String subject, ObjectNode claims, PublicKey holder,
            Instant notBefore, Optional<Instant> expires, List<StatusEntry> status, KeyPair key, String alg) {
        List<Disclosure> disclosures = new ArrayList<>();
        claims.properties().forEach(e -> disclosures.add(Disclosure.of(e.getKey(), e.getValue())));
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("iss", issuer.toString());
        p.put("vct", vct);
        p.put("sub", subject);
        p.put("iat", notBefore.getEpochSecond());
        p.put("nbf", notBefore.getEpochSecond());
        expires.ifPresent(e -> p.put("exp", e.getEpochSecond()));
        p.putObject("cnf").set("jwk", jwk(holder));
        if (status.size() == 1) p.set("credentialStatus", status.getFirst().toJson());
        else if (!status.isEmpty()) {
            ArrayNode a = p.putArray("credentialStatus");
            status.forEach(s -> a.add(s.toJson()));
        }
        ArrayNode sd = p.putArray("_sd");
        disclosures.stream().map(Disclosure::digest).sorted(Comparator.naturalOrder()).forEach(sd::add);
        p.put("_sd_alg", "sha-256");
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("alg", alg).put("typ", TYP);
        return new SdJwt(Jws.sign(header, p, key), disclosures, Optional.empty());
    }

    /**
     * A presentation of {@code credential} disclosing only the claims named in {@code disclose}, bound to the holder's
     * key with a KB-JWT over {@code nonce}, {@code audience} and the time {@code now}.
     */
    public static SdJwt present(SdJwt credential, Collection<String> disclose, KeyPair holder, String nonce,
            String audience, Instant now) {
        Set<String> wanted = Set.copyOf(disclose);
        List<Disclosure> kept = credential.disclosures().stream()
                .filter(d -> d.name().isPresent() && wanted.contains(d.name().get())).toList();
        for (String name : wanted)
            if (kept.stream().noneMatch(d -> d.name().get().equals(name)))
                throw new VcException("the credential has no disclosable claim \"" + name + "\"");
        SdJwt chosen = new SdJwt(credential.issuerJwt(), kept, Optional.empty());
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("alg", "ES256K").put("typ", KB_TYP);
        ObjectNode kb = JsonNodeFactory.instance.objectNode();
        kb.put("iat", now.getEpochSecond());
        kb.put("aud", audience);
        kb.put("nonce", nonce);
        kb.put("sd_hash", Disclosure.digest(chosen.withoutKeyBinding()));
        return new SdJwt(credential.issuerJwt(), kept, Optional.of(Jws.sign(header, kb, holder)));
    }
}
