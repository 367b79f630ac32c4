package org.stele.apps.identity.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.stele.apps.identity.vc.Es256k;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;

/**
 * One disclosure (RFC 9901 §4.2): the base64url of the JSON array {@code [salt, name, value]} for an object property,
 * or {@code [salt, value]} for an array element, and its digest, the base64url of the SHA-256 of that ASCII text as
 * it travels (so a verifier hashes what it received, never a re-serialisation).
 */
public record Disclosure(String encoded, String salt, Optional<String> name, JsonNode value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new disclosure of a property with a fresh 128-bit salt. */
    public static Disclosure of(String name, JsonNode value) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return of(Jws.b64(salt), name, value);
    }

    public static Disclosure of(String salt, String name, JsonNode value) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode().add(salt).add(name).add(value);
        return new Disclosure(Jws.b64(Jws.json(a)), salt, Optional.of(name), value);
    }

    public static Disclosure parse(String encoded) {
        JsonNode n;
        try {
            n = Jws.JSON.readTree(new String(Jws.unb64(encoded), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new VcException("a disclosure is not base64url-encoded JSON");
        }
        if (n == null || !n.isArray() || (n.size() != 2 && n.size() != 3) || !n.get(0).isTextual())
            throw new VcException("a disclosure is a JSON array [salt, name, value] or [salt, value]");
        if (n.size() == 3) {
            if (!n.get(1).isTextual()) throw new VcException("a disclosure's claim name is not a string");
            String name = n.get(1).asText();
            if (name.equals("_sd") || name.equals("...")) throw new VcException("a disclosure may not name " + name);
            return new Disclosure(encoded, n.get(0).asText(), Optional.of(name), n.get(2));
        }
        return new Disclosure(encoded, n.get(0).asText(), Optional.empty(), n.get(1));
    }

    /** The digest the issuer signs: base64url(SHA-256(ASCII(encoded))). */
    public String digest() {
        return digest(encoded);
    }

    public static String digest(String ascii) {
        return Jws.b64(Es256k.sha256(ascii.getBytes(StandardCharsets.US_ASCII)));
    }
}
