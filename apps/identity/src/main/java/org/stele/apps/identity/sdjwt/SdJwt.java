package org.stele.apps.identity.sdjwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;

/**
 * An SD-JWT in its compact form (RFC 9901 §4): the issuer-signed JWT, the disclosures, each followed by {@code ~},
 * and, in a presentation with key binding, the KB-JWT after the last {@code ~}.
 */
public record SdJwt(String issuerJwt, List<Disclosure> disclosures, Optional<String> keyBinding) {
    public SdJwt {
        disclosures = List.copyOf(disclosures);
    }

    public static SdJwt parse(String text) {
        String s = text == null ? "" : text.strip();
        String[] parts = s.split("~", -1);
        if (parts.length < 2) throw new VcException("not an SD-JWT: it has no ~ after the issuer's JWT");
        List<Disclosure> disclosures = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) throw new VcException("not an SD-JWT: an empty disclosure between two ~");
            disclosures.add(Disclosure.parse(parts[i]));
        }
        String last = parts[parts.length - 1];
        return new SdJwt(parts[0], disclosures, last.isEmpty() ? Optional.empty() : Optional.of(last));
    }

    public Jws jws() {
        return Jws.parse(issuerJwt);
    }

    /** The issuer's JWT and the disclosures, each followed by ~: what a KB-JWT's sd_hash covers. */
    public String withoutKeyBinding() {
        StringBuilder b = new StringBuilder(issuerJwt).append('~');
        for (Disclosure d : disclosures)
            b.append(d.encoded()).append('~');
        return b.toString();
    }

    public String serialize() {
        return withoutKeyBinding() + keyBinding.orElse("");
    }
}
