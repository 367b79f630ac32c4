package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.status.StatusEntry;
import org.stele.common.crypto.KeyPair;

/**
 * What an issuer says in a VC-JWT: about whom ({@code sub}), what ({@code claims}, the credential subject's
 * properties), of which types besides {@code VerifiableCredential}, from when until when, and where its status bits
 * are. {@link #jwt} writes it as did-jwt-vc does: the VC Data Model 1.1 credential in the {@code vc} claim, with the
 * subject's id, the issuer, the issuance and expiry dates moved to {@code sub}, {@code iss}, {@code nbf} and
 * {@code exp}.
 */
public record Issuance(DidEthr issuer, String subject, List<String> types, ObjectNode claims, Instant notBefore,
        Optional<Instant> expires, List<StatusEntry> status, Optional<String> id) {
    public static final String CONTEXT_V1 = "https://www.w3.org/2018/credentials/v1";
    public static final String VERIFIABLE_CREDENTIAL = "VerifiableCredential";

    public Issuance {
        types = List.copyOf(types);
        status = List.copyOf(status);
        if (expires.isPresent() && !expires.get().isAfter(notBefore))
            throw new VcException("the credential would expire (" + expires.get() + ") before it is valid ("
                    + notBefore + ")");
    }

    /** The JWT's payload. */
    public ObjectNode payload() {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        ObjectNode vc = p.putObject("vc");
        vc.putArray("@context").add(CONTEXT_V1);
        ArrayNode type = vc.putArray("type").add(VERIFIABLE_CREDENTIAL);
        types.stream().filter(t -> !t.equals(VERIFIABLE_CREDENTIAL)).forEach(type::add);
        vc.set("credentialSubject", claims.deepCopy());
        if (status.size() == 1) vc.set("credentialStatus", status.getFirst().toJson());
        else if (!status.isEmpty()) {
            ArrayNode a = vc.putArray("credentialStatus");
            status.forEach(s -> a.add(s.toJson()));
        }
        p.put("sub", subject);
        p.put("nbf", notBefore.getEpochSecond());
        expires.ifPresent(e -> p.put("exp", e.getEpochSecond()));
        id.ifPresent(j -> p.put("jti", j));
        p.put("iss", issuer.toString());
        return p;
    }

    /** The signed VC-JWT ({@code alg} ES256K or ES256K-R). */
    public String jwt(KeyPair key, String alg) {
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("alg", alg).put("typ", "JWT");
        return Jws.sign(header, payload(), key);
    }
}
