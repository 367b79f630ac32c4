package org.stele.consensus.qbft.message;

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
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpReader;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.SharedFixtures;
import org.stele.consensus.qbft.SignatureCodec;

/**
 * The public {@code qbft-tests} message vectors: each case gives a message's fields and its RLP; encoding the fields
 * must give the RLP and decoding the RLP the fields (signers recovered). The vectors sign each message with a
 * different key and do not name it, so they cannot pin the signing hash; that follows Besu (code byte + payload RLP).
 */
class MessageVectorsTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final MessageCodec CODEC = new MessageCodec(SUITE);

    static JsonNode root() throws IOException {
        return new ObjectMapper()
                .readTree(SharedFixtures.qbftTests().resolve("MessageRLPTests/messages.json").toFile());
    }

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Arguments.of(e.getKey(), e.getValue()));
        }
        return out.stream();
    }

    private static Signature sig(JsonNode n) {
        return SignatureCodec.decode(Bytes.fromHex(n.asText()));
    }

    private static <P extends Payload> SignedPayload<P> signed(P payload, Signature s) {
        Bytes32 h = CODEC.signingHash(payload.code(), payload.encode());
        return new SignedPayload<>(payload, s, SUITE.address(SUITE.recover(h.unsafeArray(), s)));
    }

    private static SignedPayload<PreparePayload> prepare(JsonNode n) {
        JsonNode u = n.get("unsignedPrepare");
        return signed(new PreparePayload(u.get("sequence").asLong(), u.get("round").asInt(),
                Bytes32.fromHex(u.get("digest").asText())), sig(n.get("signature")));
    }

    private static SignedPayload<RoundChangePayload> roundChange(JsonNode n) {
        JsonNode u = n.get("unsignedRoundChange");
        Optional<PreparedRound> prepared = u.get("preparedValue").isNull()
                ? Optional.empty()
                : Optional.of(new PreparedRound(u.get("preparedRound").asInt(),
                        Bytes32.fromHex(u.get("preparedValue").asText())));
        return signed(new RoundChangePayload(u.get("sequence").asLong(), u.get("round").asInt(), prepared),
                sig(n.get("signature")));
    }

    private static QbftBlock block(String hex) {
        RlpReader r = RlpReader.of(Bytes.fromHex(hex).toArray());
        QbftBlock b = QbftBlock.readFrom(r);
        r.requireEnd();
        return b;
    }

    private static List<SignedPayload<PreparePayload>> prepares(JsonNode a) {
        List<SignedPayload<PreparePayload>> out = new ArrayList<>();
        a.forEach(p -> out.add(prepare(p)));
        return out;
    }

    static QbftMessage fields(JsonNode m) {
        return switch (m.get("type").asText()) {
            case "prepare" -> new Prepare(prepare(m));
            case "commit" -> {
                JsonNode u = m.get("unsignedCommit");
                yield new Commit(signed(new CommitPayload(u.get("sequence").asLong(), u.get("round").asInt(),
                        Bytes32.fromHex(u.get("digest").asText()), sig(u.get("commitSeal"))), sig(m.get("signature"))));
            }
            case "roundChange" -> new RoundChange(roundChange(m.get("signedRoundChange")),
                    m.get("block").isNull() ? Optional.empty() : Optional.of(block(m.get("block").asText())),
                    prepares(m.get("prepares")));
            case "proposal" -> {
                JsonNode sp = m.get("signedProposal");
                JsonNode u = sp.get("unsignedProposal");
                List<SignedPayload<RoundChangePayload>> rcs = new ArrayList<>();
                m.get("roundChanges").forEach(rc -> rcs.add(roundChange(rc)));
                yield new Proposal(signed(new ProposalPayload(u.get("sequence").asLong(), u.get("round").asInt(),
                        block(u.get("block").asText())), sig(sp.get("signature"))), rcs, prepares(m.get("prepares")));
            }
            default -> throw new IllegalArgumentException(m.get("type").asText());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodingMatchesTheVectorAndDecodingGivesTheFieldsBack(String name, JsonNode c) throws Exception {
        QbftMessage expected = fields(c.get("message"));
        byte[] rlp = Bytes.fromHex(c.get("rlp").asText()).toArray();
        assertThat(Bytes.wrap(expected.encode())).isEqualTo(Bytes.wrap(rlp));
        assertThat(CODEC.decode(expected.code(), rlp)).isEqualTo(expected);
    }

    @Test
    void signingHashIsTheHashOfTheCodeAndPayloadAsATwoItemListAsBesuSigns() {
        String digest = "641c42a09c96374e2fb362ecd573d24e832e6a2b4ef155257ab362415a0b88a4";
        byte[] payload = new PreparePayload(1, 0, Bytes32.fromHex("0x" + digest)).encode();
        assertThat(Bytes.wrap(payload)).isEqualTo(Bytes.fromHex("0xe30180a0" + digest));
        byte[] preimage = Bytes.fromHex("0xe513e30180a0" + digest).unsafeArray();
        assertThat(CODEC.signingHash(MessageCodes.PREPARE, payload)).isEqualTo(Bytes32.wrap(SUITE.hash(preimage)));
    }

    @Test
    void decodingRejectsTruncatedTrailingAndUnknownMessages() throws Exception {
        QbftMessage prepare = fields(root().get("prepare").get("message"));
        byte[] wire = CODEC.toWire(prepare);
        assertThat(CODEC.fromWire(wire)).isEqualTo(prepare);
        byte[] truncated = java.util.Arrays.copyOf(wire, wire.length - 1);
        assertThatThrownBy(() -> CODEC.fromWire(truncated)).isInstanceOf(MessageDecodingException.class);
        byte[] trailing = java.util.Arrays.copyOf(wire, wire.length + 1);
        assertThatThrownBy(() -> CODEC.fromWire(trailing)).isInstanceOf(MessageDecodingException.class);
        byte[] unknown = wire.clone();
        unknown[0] = 0x11;
        assertThatThrownBy(() -> CODEC.fromWire(unknown)).isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("unknown");
        assertThatThrownBy(() -> CODEC.fromWire(new byte[0])).isInstanceOf(MessageDecodingException.class);
        assertThatThrownBy(() -> CODEC.fromWire(new byte[MessageCodec.MAX_MESSAGE_SIZE + 1]))
                .isInstanceOf(MessageDecodingException.class).hasMessageContaining("exceeds");
    }

    @Test
    void aCommitWithAPrepareCodeIsRejected() throws Exception {
        QbftMessage commit = fields(root().get("commit").get("message"));
        assertThatThrownBy(() -> CODEC.decode(MessageCodes.PREPARE, commit.encode()))
                .isInstanceOf(MessageDecodingException.class);
    }
}
