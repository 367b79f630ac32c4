package org.stele.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * The shared proof vectors ({@code proof/vectors}, made from a dev chain by {@code DevProofTest}): the Java verifier
 * gives each the answer {@code expected.json} names, which the JavaScript verifier's test checks too.
 */
class ProofVectorsTest {
    private static final Path VECTORS = Path.of(System.getProperty("stele.root", "..")).resolve("proof/vectors");
    private final TransactionProofVerifier verifier = new TransactionProofVerifier(Secp256k1KeccakSuite.instance());

    @Test
    void everyVectorGetsTheAnswerTheSharedExpectationsName() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(VECTORS.resolve("expected.json").toFile());
        var trusted = new TransactionProofVerifier.TrustedGenesis(
                Bytes32.fromHex(expected.get("trustedGenesisHash").asText()), expected.get("trustedChainId").asLong());
        assertThat(expected.get("vectors").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode v : expected.get("vectors")) {
            String outcome;
            try {
                // A vector of a chain of its own (the four-validator one) says so with "trusted": false.
                boolean ownChain = v.has("trusted") && !v.get("trusted").asBoolean();
                verifier.verify(ProofJson.read(VECTORS.resolve(v.get("file").asText())),
                        ownChain ? Optional.empty() : Optional.of(trusted));
                outcome = "ok";
            } catch (ProofCheckFailed e) {
                outcome = e.check().id();
            }
            assertThat(outcome).as(v.get("file").asText()).isEqualTo(v.get("expect").asText());
        }
    }

    @Test
    void theGenuineProofIsRefusedAgainstAnotherTrustedGenesis() throws Exception {
        TransactionProof p = ProofJson.read(VECTORS.resolve("genuine.json"));
        var other = new TransactionProofVerifier.TrustedGenesis(Bytes32.ZERO, p.chainId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(p, Optional.of(other)))
                .isInstanceOfSatisfying(ProofCheckFailed.class, e -> assertThat(e.check()).isEqualTo(Check.GENESIS));
        var otherChain = new TransactionProofVerifier.TrustedGenesis(p.genesisHash(), p.chainId() + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(p, Optional.of(otherChain)))
                .isInstanceOfSatisfying(ProofCheckFailed.class, e -> assertThat(e.check()).isEqualTo(Check.GENESIS));
    }

    @Test
    void aProofWritesAndReadsBackUnchanged() throws Exception {
        TransactionProof p = ProofJson.read(VECTORS.resolve("genuine.json"));
        assertThat(ProofJson.parse(new ObjectMapper().readTree(ProofJson.write(p)))).isEqualTo(p);
    }

    @Test
    void aFileThatIsNotAProofIsRefusedWithTheFieldNamed() {
        ObjectMapper m = new ObjectMapper();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProofJson.parse(m.readTree("[1]")))
                .isInstanceOf(ProofFormatException.class).hasMessage("a proof is a JSON object");
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> ProofJson.parse(m.readTree("{\"format\":\"stele-proof/2\"}")))
                .isInstanceOf(ProofFormatException.class).hasMessageContaining("stele-proof/2");
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> ProofJson.parse(m.readTree("{\"format\":\"stele-proof/1\"}")))
                .isInstanceOf(ProofFormatException.class).hasMessage("validatorSets: missing");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProofJson.parse(m.readTree("{\"format\":1}")))
                .isInstanceOf(ProofFormatException.class)
                .hasMessage("format: expected the string \"stele-proof/1\"");
    }
}
