package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.status.StatusEntry;

/**
 * A VC-JWT's payload read and checked for shape (not yet for signature, time or status): the issuer, the subject, the
 * types besides {@code VerifiableCredential}, the validity period and the status entries.
 */
public record Credential(Jws jws, DidEthr issuer, String subject, List<String> types, Instant notBefore,
        Optional<Instant> expires, List<StatusEntry> status) {

    public static Credential of(Jws jws) {
        ObjectNode p = jws.payload();
        JsonNode vc = p.get("vc");
        if (vc == null || !vc.isObject()) throw new VcException("not a VC-JWT: the payload has no vc object");
        JsonNode context = vc.path("@context");
        String first = context.isArray() ? context.path(0).asText() : context.asText();
        if (!first.equals(Issuance.CONTEXT_V1) && !first.equals("https://www.w3.org/ns/credentials/v2"))
            throw new VcException("not a VC-JWT: vc.@context does not start with " + Issuance.CONTEXT_V1);
        List<String> types = new ArrayList<>();
        boolean verifiable = false;
        for (JsonNode t : vc.path("type").isArray() ? vc.path("type") : List.of(vc.path("type"))) {
            if (t.asText().equals(Issuance.VERIFIABLE_CREDENTIAL)) verifiable = true;
            else if (!t.asText().isEmpty()) types.add(t.asText());
        }
        if (!verifiable) throw new VcException("not a VC-JWT: vc.type does not include VerifiableCredential");
        if (!vc.path("credentialSubject").isObject())
            throw new VcException("not a VC-JWT: vc.credentialSubject is not an object");
        String iss = p.path("iss").asText("");
        if (iss.isEmpty()) throw new VcException("not a VC-JWT: no iss");
        DidEthr issuer = DidEthr.parse(iss);
        Instant nbf = p.has("nbf") ? seconds(p, "nbf") : p.has("iat") ? seconds(p, "iat") : null;
        if (nbf == null) throw new VcException("not a VC-JWT: neither nbf nor iat says when it was issued");
        Optional<Instant> exp = p.has("exp") ? Optional.of(seconds(p, "exp")) : Optional.empty();
        List<StatusEntry> status = new ArrayList<>();
        JsonNode cs = vc.path("credentialStatus");
        if (cs.isArray()) cs.forEach(e -> status.add(StatusEntry.of(e)));
        else if (cs.isObject()) status.add(StatusEntry.of(cs));
        return new Credential(jws, issuer, p.path("sub").asText(""), List.copyOf(types), nbf, exp,
                List.copyOf(status));
    }

    private static Instant seconds(ObjectNode p, String name) {
        JsonNode n = p.get(name);
        if (!n.canConvertToLong()) throw new VcException("not a VC-JWT: " + name + " is not a number of seconds");
        return Instant.ofEpochSecond(n.asLong());
    }

    /** The credential subject's claims as issued. */
    public ObjectNode claims() {
        return (ObjectNode) jws.payload().get("vc").get("credentialSubject");
    }
}
