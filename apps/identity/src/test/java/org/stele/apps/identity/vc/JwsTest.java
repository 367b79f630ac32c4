package org.stele.apps.identity.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

class JwsTest {
    private static final KeyPair KEY = Secp256k1KeccakSuite.instance()
            .keyPair(Bytes.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d").toArray());

    private static String signed(String alg) {
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("alg", alg).put("typ", "JWT");
        return Jws.sign(header, JsonNodeFactory.instance.objectNode().put("iss", "me"), KEY);
    }

    @Test
    void anEs256kSignatureIsSixtyFourBytesOfLowSAndRecoversToTheSigner() {
        Jws jws = Jws.parse(signed(Es256k.ES256K));
        assertThat(jws.signature()).hasSize(64);
        assertThat(Es256k.signers(jws.alg(), jws.signingInput().getBytes(StandardCharsets.US_ASCII), jws.signature()))
                .contains(Es256k.address(KEY));
    }

    @Test
    void anEs256kRSignatureCarriesItsRecoveryIdAndRecoversToTheSignerAlone() {
        Jws jws = Jws.parse(signed(Es256k.ES256K_R));
        assertThat(jws.signature()).hasSize(65);
        assertThat(Es256k.signers(jws.alg(), jws.signingInput().getBytes(StandardCharsets.US_ASCII), jws.signature()))
                .containsExactly(Es256k.address(KEY));
    }

    @Test
    void aChangedPayloadNoLongerRecoversToTheSigner() {
        String[] parts = signed(Es256k.ES256K).split("\\.");
        String forged = parts[0] + "." + Jws.b64("{\"iss\":\"you\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        Jws jws = Jws.parse(forged);
        assertThat(Es256k.signers(jws.alg(), jws.signingInput().getBytes(StandardCharsets.US_ASCII), jws.signature()))
                .doesNotContain(Es256k.address(KEY));
    }

    @Test
    void malformedJwtsAreRefusedInOneLine() {
        assertThatThrownBy(() -> Jws.parse("a.b")).isInstanceOf(VcException.class).hasMessageContaining("three parts");
        assertThatThrownBy(() -> Jws.parse("e30.!!.AA")).isInstanceOf(VcException.class)
                .hasMessageContaining("payload");
        Jws other = Jws.parse(Jws.b64("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.AAAA");
        assertThatThrownBy(() -> Es256k.signers(other.alg(), new byte[0], other.signature()))
                .isInstanceOf(VcException.class).hasMessageContaining("EdDSA");
    }

    @Test
    void didEthrIdentifiersReadWithHexDecimalOrNoChain() {
        assertThat(DidEthr.parse("did:ethr:0x7a69:0x70997970C51812dc3A010C7d01b50e0d17dc79C8").toString())
                .isEqualTo("did:ethr:0x7a69:0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(DidEthr.parse("did:ethr:31337:0x70997970c51812dc3a010c7d01b50e0d17dc79c8").chainId())
                .isEqualTo(31337);
        assertThat(DidEthr.parse("did:ethr:0x70997970c51812dc3a010c7d01b50e0d17dc79c8#controller").chainId())
                .isEqualTo(1);
        assertThatThrownBy(() -> DidEthr.parse("did:web:example.org")).isInstanceOf(VcException.class);
        assertThatThrownBy(() -> DidEthr.parse("did:ethr:mainnet:0x12")).isInstanceOf(VcException.class);
    }
}
