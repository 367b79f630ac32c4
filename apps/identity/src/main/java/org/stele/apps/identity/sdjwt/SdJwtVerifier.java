package org.stele.apps.identity.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stele.apps.identity.status.StatusEntry;
import org.stele.apps.identity.vc.CredentialVerifier;
import org.stele.apps.identity.vc.CredentialVerifier.Reason;
import org.stele.apps.identity.vc.CredentialVerifier.Verdict;
import org.stele.apps.identity.vc.DidEthr;
import org.stele.apps.identity.vc.Es256k;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.PublicKey;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;

/**
 * Verifies an SD-JWT VC or a presentation of one with the same checks as a VC-JWT ({@link CredentialVerifier}: the
 * issuer's key in the registry, the dates, the status bits, the trust registry for its {@code vct}), and the SD-JWT
 * rules of RFC 9901 §7: every disclosure's digest appears exactly once in the signed payload (in {@code _sd} of any
 * object, or as a {@code {"...": digest}} array element), no digest twice, no disclosed name that the payload
 * already has. With key binding, the KB-JWT is signed by the {@code cnf} key over the {@code sd_hash} of what precedes
 * it, and carries the expected nonce and audience, issued within {@link #KB_WINDOW} of now.
 */
public final class SdJwtVerifier {
    public static final Duration KB_WINDOW = Duration.ofMinutes(5);

    /** A verified SD-JWT VC: who issued it, its type, the claims as disclosed, and whether a holder presented it. */
    public record Presentation(DidEthr issuer, String vct, ObjectNode claims, Address signer, boolean holderBound) {}

    /** The verdict when it is not valid. */
    public static final class Refusal extends RuntimeException {
        private final Verdict.Refused refused;

        Refusal(Reason reason, String detail) {
            super(reason.label() + ": " + detail);
            this.refused = new Verdict.Refused(reason, detail);
        }

        public Verdict.Refused refused() {
            return refused;
        }
    }

    private final CredentialVerifier verifier;

    public SdJwtVerifier(CredentialVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Verifies {@code text}; when {@code nonce} (and {@code audience}) are given, a key-binding JWT with them is
     * required. Throws {@link Refusal} with the first failing check.
     */
    public Presentation verify(String text, Optional<String> nonce, Optional<String> audience) {
        SdJwt sd;
        Jws jws;
        try {
            sd = SdJwt.parse(text);
            jws = sd.jws();
        } catch (VcException e) {
            throw new Refusal(Reason.MALFORMED, e.getMessage());
        }
        String typ = jws.header().path("typ").asText();
        if (!typ.equals(SdJwtVc.TYP) && !typ.equals("vc+sd-jwt"))
            throw new Refusal(Reason.MALFORMED,
                    "an SD-JWT VC's typ is " + SdJwtVc.TYP + ", this one's \"" + typ + "\"");
        ObjectNode p = jws.payload();
        String sdAlg = p.path("_sd_alg").asText("sha-256");
        if (!sdAlg.equals("sha-256"))
            throw new Refusal(Reason.MALFORMED, "_sd_alg " + sdAlg + ": Stele verifies sha-256 digests");
        DidEthr issuer;
        String vct = p.path("vct").asText("");
        Instant issued;
        List<StatusEntry> status = new ArrayList<>();
        try {
            issuer = DidEthr.parse(p.path("iss").asText(null));
            if (vct.isEmpty()) throw new VcException("an SD-JWT VC names its type in vct");
            JsonNode when = p.has("nbf") ? p.get("nbf") : p.get("iat");
            if (when == null || !when.canConvertToLong()) throw new VcException("neither nbf nor iat says when");
            issued = Instant.ofEpochSecond(when.asLong());
            JsonNode cs = p.path("credentialStatus");
            if (cs.isArray()) cs.forEach(e -> status.add(StatusEntry.of(e)));
            else if (cs.isObject()) status.add(StatusEntry.of(cs));
        } catch (VcException e) {
            throw new Refusal(Reason.MALFORMED, e.getMessage());
        }
        Address signer = switch (verifier.checkSignature(jws, issuer, issued)) {
            case CredentialVerifier.SignatureCheck.Signed s -> s.key().address();
            case CredentialVerifier.SignatureCheck.Unsigned u -> throw new Refusal(u.refused().reason(),
                    u.refused().detail());
        };
        ObjectNode claims = disclose(p, sd.disclosures());
        Instant now = verifier.clock().instant();
        if (now.isBefore(issued)) throw new Refusal(Reason.NOT_YET_VALID, "valid from " + issued + ", it is " + now);
        if (p.has("exp") && !now.isBefore(Instant.ofEpochSecond(p.get("exp").asLong())))
            throw new Refusal(Reason.EXPIRED, "expired at " + Instant.ofEpochSecond(p.get("exp").asLong()));
        for (StatusEntry e : status)
            verifier.checkStatus(issuer, e).ifPresent(r -> {
                throw new Refusal(r.reason(), r.detail());
            });
        verifier.trust().refusal(issuer, List.of(vct), issued).ifPresent(r -> {
            throw new Refusal(Reason.ISSUER_UNTRUSTED, r);
        });
        boolean bound = checkKeyBinding(sd, p, nonce, audience, now);
        for (String name : List.of("_sd_alg", "cnf", "credentialStatus"))
            claims.remove(name);
        return new Presentation(issuer, vct, claims, signer, bound);
    }

    /** The payload with every disclosed claim in place and every digest removed. */
    static ObjectNode disclose(ObjectNode payload, List<Disclosure> disclosures) {
        Map<String, Disclosure> byDigest = new HashMap<>();
        for (Disclosure d : disclosures)
            if (byDigest.put(d.digest(), d) != null)
                throw new Refusal(Reason.MALFORMED, "the same disclosure is sent twice");
        Set<String> seen = new HashSet<>();
        ObjectNode out = (ObjectNode) process(payload.deepCopy(), byDigest, seen);
        if (seen.size() != byDigest.size())
            throw new Refusal(Reason.MALFORMED, (byDigest.size() - seen.size())
                    + " disclosure(s) match no digest the issuer signed");
        return out;
    }

    private static JsonNode process(JsonNode node, Map<String, Disclosure> byDigest, Set<String> seen) {
        if (node instanceof ObjectNode o) {
            JsonNode sd = o.remove("_sd");
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names)
                o.set(name, process(o.get(name), byDigest, seen));
            if (sd != null) {
                if (!sd.isArray()) throw new Refusal(Reason.MALFORMED, "_sd is not an array");
                for (JsonNode digest : sd) {
                    if (!seen.add(digest.asText()) && byDigest.containsKey(digest.asText()))
                        throw new Refusal(Reason.MALFORMED, "a digest appears twice in the payload");
                    Disclosure d = byDigest.get(digest.asText());
                    if (d == null) continue;
                    if (d.name().isEmpty())
                        throw new Refusal(Reason.MALFORMED, "an array-element disclosure is referenced from _sd");
                    if (o.has(d.name().get()))
                        throw new Refusal(Reason.MALFORMED, "the disclosed claim \"" + d.name().get()
                                + "\" is already in the payload");
                    o.set(d.name().get(), process(d.value().deepCopy(), byDigest, seen));
                }
                seen.removeIf(x -> !byDigest.containsKey(x));
            }
            return o;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode e : a) {
                if (e.isObject() && e.size() == 1 && e.has("...")) {
                    String digest = e.get("...").asText();
                    Disclosure d = byDigest.get(digest);
                    if (d == null) continue;
                    if (!seen.add(digest)) throw new Refusal(Reason.MALFORMED, "a digest appears twice in the payload");
                    if (d.name().isPresent())
                        throw new Refusal(Reason.MALFORMED, "a property disclosure is referenced as an array element");
                    out.add(process(d.value().deepCopy(), byDigest, seen));
                } else {
                    out.add(process(e, byDigest, seen));
                }
            }
            return out;
        }
        return node;
    }

    private static boolean checkKeyBinding(SdJwt sd, ObjectNode payload, Optional<String> nonce,
            Optional<String> audience, Instant now) {
        if (sd.keyBinding().isEmpty()) {
            if (nonce.isPresent() || audience.isPresent())
                throw new Refusal(Reason.HOLDER_BINDING, "the presentation has no key-binding JWT");
            return false;
        }
        Jws kb;
        PublicKey holder;
        try {
            kb = Jws.parse(sd.keyBinding().get());
            holder = SdJwtVc.publicKey(payload.path("cnf").path("jwk"));
        } catch (VcException e) {
            throw new Refusal(Reason.HOLDER_BINDING, e.getMessage());
        }
        if (!SdJwtVc.KB_TYP.equals(kb.header().path("typ").asText()))
            throw new Refusal(Reason.HOLDER_BINDING, "the key-binding JWT's typ is not " + SdJwtVc.KB_TYP);
        if (!kb.alg().equals(Es256k.ES256K) && !kb.alg().equals(Es256k.ES256K_R))
            throw new Refusal(Reason.HOLDER_BINDING, "the key-binding JWT is signed " + kb.alg());
        byte[] sig = kb.signature();
        byte[] hash = Es256k.sha256(kb.signingInput().getBytes(StandardCharsets.US_ASCII));
        boolean signed = sig.length >= 64 && Secp256k1KeccakSuite.instance().verify(hash,
                Signature.secp256k1(Bytes32.wrap(Arrays.copyOfRange(sig, 0, 32)),
                        Bytes32.wrap(Arrays.copyOfRange(sig, 32, 64)), 0),
                holder);
        if (!signed) throw new Refusal(Reason.HOLDER_BINDING, "the key-binding JWT is not signed by the cnf key");
        ObjectNode k = kb.payload();
        if (!Disclosure.digest(sd.withoutKeyBinding()).equals(k.path("sd_hash").asText()))
            throw new Refusal(Reason.HOLDER_BINDING, "sd_hash does not match the presented SD-JWT");
        if (nonce.isPresent() && !nonce.get().equals(k.path("nonce").asText()))
            throw new Refusal(Reason.HOLDER_BINDING, "the nonce is \"" + k.path("nonce").asText() + "\", not \""
                    + nonce.get() + "\"");
        if (audience.isPresent() && !audience.get().equals(k.path("aud").asText()))
            throw new Refusal(Reason.HOLDER_BINDING, "the audience is \"" + k.path("aud").asText() + "\", not \""
                    + audience.get() + "\"");
        Instant iat = Instant.ofEpochSecond(k.path("iat").asLong());
        if (iat.isBefore(now.minus(KB_WINDOW)) || iat.isAfter(now.plus(KB_WINDOW)))
            throw new Refusal(Reason.HOLDER_BINDING, "the key-binding JWT was made at " + iat + ", not within "
                    + KB_WINDOW.toMinutes() + " minutes of " + now);
        return true;
    }
}
