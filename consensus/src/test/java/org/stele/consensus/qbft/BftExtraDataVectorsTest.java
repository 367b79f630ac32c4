package org.stele.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpException;

class BftExtraDataVectorsTest {
    static Stream<Arguments> vectors() throws IOException {
        JsonNode root = new ObjectMapper()
                .readTree(SharedFixtures.qbftTests().resolve("BftExtraDataRLPTests/bft_extra_data.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Arguments.of(e.getKey(), e.getValue()));
        }
        return out.stream();
    }

    static BftExtraData fields(JsonNode n) {
        List<Address> validators = new ArrayList<>();
        n.get("validators").forEach(v -> validators.add(Address.fromHex(v.asText())));
        List<Signature> seals = new ArrayList<>();
        n.get("seals").forEach(s -> seals.add(SignatureCodec.decode(Bytes.fromHex(s.asText()))));
        JsonNode vote = n.get("vote");
        Optional<Vote> v = vote == null || vote.isNull()
                ? Optional.empty()
                : Optional.of(new Vote(Address.fromHex(vote.get("recipient").asText()),
                        vote.get("voteType").asText().equalsIgnoreCase("0xff")));
        return new BftExtraData(Bytes.fromHex(n.get("vanityData").asText()), validators, v, n.get("round").asInt(),
                seals);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodingMatchesTheVectorAndDecodesBackToItsFields(String name, JsonNode c) {
        BftExtraData expected = fields(c.get("qbft_extra_data"));
        Bytes rlp = Bytes.fromHex(c.get("rlp").asText());
        assertThat(BftExtraDataCodec.encode(expected)).isEqualTo(rlp);
        assertThat(BftExtraDataCodec.decode(rlp)).isEqualTo(expected);
    }

    @Test
    void shortenedFormsEmptyTheSealsAndThenZeroTheRoundAsBesuDoes() throws IOException {
        for (Arguments a : vectors().toList()) {
            BftExtraData d = fields(((JsonNode) a.get()[1]).get("qbft_extra_data"));
            assertThat(BftExtraDataCodec.encodeWithoutSeals(d))
                    .isEqualTo(BftExtraDataCodec.encode(d.withSeals(List.of())));
            assertThat(BftExtraDataCodec.encodeWithoutRoundAndSeals(d))
                    .isEqualTo(BftExtraDataCodec.encode(d.withRound(0).withSeals(List.of())));
        }
    }

    @Test
    void shortenedFormsOfTheNullVoteVectorAreTheBytesBesuHashes() {
        Bytes full = Bytes
                .fromHex("0xe9a00000000000000000000000000000000000000000000000000000000000000000c0808400fedcbac0");
        BftExtraData d = BftExtraDataCodec.decode(full);
        assertThat(BftExtraDataCodec.encodeWithoutSeals(d)).isEqualTo(full);
        assertThat(BftExtraDataCodec.encodeWithoutRoundAndSeals(d)).isEqualTo(Bytes
                .fromHex("0xe9a00000000000000000000000000000000000000000000000000000000000000000c0808400000000c0"));
    }

    @Test
    void decodingRejectsARoundThatIsNotFourBytes() {
        Bytes bad = Bytes
                .fromHex("0xe8a00000000000000000000000000000000000000000000000000000000000000000c08083fedcbac0");
        assertThatThrownBy(() -> BftExtraDataCodec.decode(bad)).isInstanceOf(RlpException.class)
                .hasMessageContaining("round must be 4 bytes");
    }

    @Test
    void decodingRejectsAnUnknownVoteType() {
        Bytes bad = Bytes.fromHex(
                "0xf83fa00000000000000000000000000000000000000000000000000000000000000000c0d6940000000000000000000"
                        + "000000000000000000001018400fedcbac0");
        assertThatThrownBy(() -> BftExtraDataCodec.decode(bad)).isInstanceOf(RlpException.class)
                .hasMessageContaining("vote type");
    }

    @Test
    void decodingRejectsOversizedExtraData() {
        Bytes big = Bytes.wrap(new byte[BftExtraDataCodec.MAX_ENCODED_SIZE + 1]);
        assertThatThrownBy(() -> BftExtraDataCodec.decode(big)).isInstanceOf(RlpException.class)
                .hasMessageContaining("exceeds");
    }
}
