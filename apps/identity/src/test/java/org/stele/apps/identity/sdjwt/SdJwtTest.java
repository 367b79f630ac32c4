package org.stele.apps.identity.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.apps.identity.vc.Jws;

/** Disclosures and their digests as RFC 9901 writes them, and the rules of putting disclosed claims back. */
class SdJwtTest {
    /** RFC 9901 §4.2.1's example: the disclosure of family_name "Möbius" and its digest (§4.2.3). */
    private static final String FAMILY_NAME = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
    private static final String FAMILY_NAME_DIGEST = "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0";
    /** RFC 9901's example issuance: given_name "John" and its digest in the issuer-signed _sd. */
    private static final String GIVEN_NAME = "WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd";
    private static final String GIVEN_NAME_DIGEST = "jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4";

    @Test
    void theRfcsDisclosuresParseAndHashToTheRfcsDigests() {
        Disclosure d = Disclosure.parse(FAMILY_NAME);
        assertThat(d.salt()).isEqualTo("_26bc4LT-ac6q2KI6cBW5es");
        assertThat(d.name()).hasValue("family_name");
        assertThat(d.value().asText()).isEqualTo("Möbius");
        assertThat(d.digest()).isEqualTo(FAMILY_NAME_DIGEST);
        assertThat(Disclosure.parse(GIVEN_NAME).digest()).isEqualTo(GIVEN_NAME_DIGEST);
    }

    @Test
    void ourDisclosuresAreCompactJsonArraysThatParseBackToTheSameClaim() {
        Disclosure d = Disclosure.of("_26bc4LT-ac6q2KI6cBW5es", "family_name", TextNode.valueOf("Möbius"));
        assertThat(new String(Jws.unb64(d.encoded()), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("[\"_26bc4LT-ac6q2KI6cBW5es\",\"family_name\",\"Möbius\"]");
        Disclosure back = Disclosure.parse(d.encoded());
        assertThat(back.name()).hasValue("family_name");
        assertThat(back.digest()).isEqualTo(d.digest());
        assertThat(Disclosure.of("age", TextNode.valueOf("x")).salt()).isNotEqualTo(
                Disclosure.of("age", TextNode.valueOf("x")).salt());
    }

    private static ObjectNode payload(String... digests) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("iss", "did:ethr:0x7a69:0x00");
        var sd = p.putArray("_sd");
        for (String d : digests)
            sd.add(d);
        return p;
    }

    @Test
    void disclosedClaimsTakeTheirPlaceAndUndisclosedDigestsVanish() {
        ObjectNode claims = SdJwtVerifier.disclose(payload(GIVEN_NAME_DIGEST, FAMILY_NAME_DIGEST),
                List.of(Disclosure.parse(FAMILY_NAME)));
        assertThat(claims.toString()).isEqualTo("{\"iss\":\"did:ethr:0x7a69:0x00\",\"family_name\":\"Möbius\"}");
    }

    @Test
    void nestedObjectsAndArrayElementsAreDisclosedToo() {
        Disclosure country = Disclosure.of("salt1", "country", TextNode.valueOf("DE"));
        Disclosure element = Disclosure.parse(Jws.b64("[\"salt2\",\"FR\"]".getBytes()));
        ObjectNode p = payload();
        p.putObject("address").putArray("_sd").add(country.digest());
        p.putArray("nationalities").add(JsonNodeFactory.instance.objectNode().put("...", element.digest()))
                .add(JsonNodeFactory.instance.objectNode().put("...", "undisclosed"));
        ObjectNode claims = SdJwtVerifier.disclose(p, List.of(country, element));
        assertThat(claims.path("address").toString()).isEqualTo("{\"country\":\"DE\"}");
        assertThat(claims.path("nationalities").toString()).isEqualTo("[\"FR\"]");
    }

    @Test
    void aDisclosureTheIssuerDidNotSignIsRefused() {
        assertThatThrownBy(() -> SdJwtVerifier.disclose(payload(GIVEN_NAME_DIGEST),
                List.of(Disclosure.parse(FAMILY_NAME)))).isInstanceOf(SdJwtVerifier.Refusal.class)
                .hasMessage("malformed: 1 disclosure(s) match no digest the issuer signed");
    }

    @Test
    void aDisclosureSentTwiceOrOverwritingAClaimIsRefused() {
        assertThatThrownBy(() -> SdJwtVerifier.disclose(payload(FAMILY_NAME_DIGEST),
                List.of(Disclosure.parse(FAMILY_NAME), Disclosure.parse(FAMILY_NAME))))
                .hasMessageContaining("sent twice");
        ObjectNode clash = payload(FAMILY_NAME_DIGEST).put("family_name", "Other");
        assertThatThrownBy(() -> SdJwtVerifier.disclose(clash, List.of(Disclosure.parse(FAMILY_NAME))))
                .hasMessageContaining("already in the payload");
        assertThatThrownBy(() -> SdJwtVerifier.disclose(payload(FAMILY_NAME_DIGEST, FAMILY_NAME_DIGEST),
                List.of(Disclosure.parse(FAMILY_NAME)))).hasMessageContaining("twice");
    }

    @Test
    void compactSerialisationKeepsTheTrailingTildeAndTheKeyBinding() {
        SdJwt sd = SdJwt.parse("a.b.c~" + FAMILY_NAME + "~");
        assertThat(sd.disclosures()).hasSize(1);
        assertThat(sd.keyBinding()).isEmpty();
        assertThat(sd.serialize()).isEqualTo("a.b.c~" + FAMILY_NAME + "~");
        SdJwt presented = SdJwt.parse("a.b.c~" + FAMILY_NAME + "~x.y.z");
        assertThat(presented.keyBinding()).hasValue("x.y.z");
        assertThat(presented.withoutKeyBinding()).isEqualTo("a.b.c~" + FAMILY_NAME + "~");
    }
}
