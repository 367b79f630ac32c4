package org.stele.common.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stele.common.Bytes;
import org.stele.common.Hex;
import org.stele.common.UInt256;

/**
 * Runs {@code ethereum-tests/RLPTests}: every valid case must encode byte for byte and decode back to its input,
 * every {@code INVALID} case must be refused with an {@link RlpException}, and every {@code VALID} random case must
 * decode and re-encode unchanged.
 */
class RlpConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = RlpFixtures.rlpTests();

    @TestFactory
    Stream<DynamicTest> validCasesEncodeAndDecodeExactly() throws IOException {
        return cases("rlptest.json").map(c -> dynamicTest(c.name(), () -> {
            byte[] expected = Hex.decode(c.out());
            RlpItem input = toItem(c.in());
            assertThat(Hex.encode(Rlp.encode(input))).isEqualTo(Hex.encode(expected));
            RlpWriter writer = new RlpWriter();
            writeStreaming(writer, c.in());
            assertThat(Hex.encode(writer.toByteArray())).isEqualTo(Hex.encode(expected));
            assertThat(Rlp.decode(expected)).isEqualTo(input);
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidCasesAreRejectedWithAnRlpException() throws IOException {
        return cases("invalidRLPTest.json").map(c -> dynamicTest(c.name(), () -> {
            assertThat(c.in().asText()).isEqualTo("INVALID");
            byte[] encoded = Hex.decode(c.out());
            assertThatThrownBy(() -> Rlp.decode(encoded)).isInstanceOf(RlpException.class)
                    .hasMessageContaining("at offset");
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomValidCasesDecodeAndReencode() throws IOException {
        return cases("RandomRLPTests/example.json").map(c -> dynamicTest(c.name(), () -> {
            assertThat(c.in().asText()).isEqualTo("VALID");
            byte[] encoded = Hex.decode(c.out());
            assertThat(Rlp.encode(Rlp.decode(encoded))).isEqualTo(encoded);
        }));
    }

    @Test
    void everyFixtureFileHasCases() throws IOException {
        assertThat(cases("rlptest.json").count()).isEqualTo(28);
        assertThat(cases("invalidRLPTest.json").count()).isEqualTo(26);
        assertThat(cases("RandomRLPTests/example.json").count()).isEqualTo(1);
    }

    private record Case(String name, JsonNode in, String out) {}

    private static Stream<Case> cases(String file) throws IOException {
        JsonNode root = JSON.readTree(DIR.resolve(file).toFile());
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties())
            cases.add(new Case(e.getKey(), e.getValue().get("in"), e.getValue().get("out").asText()));
        return cases.stream();
    }

    /** Fixture inputs: strings are bytes, numbers (and {@code "#digits"} strings) are scalars, arrays are lists. */
    private static RlpItem toItem(JsonNode in) {
        if (in.isArray()) {
            List<RlpItem> items = new ArrayList<>();
            in.forEach(e -> items.add(toItem(e)));
            return new RlpList(items);
        }
        BigInteger scalar = scalar(in);
        if (scalar != null) {
            byte[] b = scalar.toByteArray();
            int off = b[0] == 0 ? 1 : 0;
            return new RlpString(Bytes.wrap(java.util.Arrays.copyOfRange(b, off, b.length)));
        }
        return new RlpString(Bytes.wrap(in.asText().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The same input through the streaming writer, choosing the narrowest scalar method that fits. */
    private static void writeStreaming(RlpWriter w, JsonNode in) {
        if (in.isArray()) {
            w.startList();
            in.forEach(e -> writeStreaming(w, e));
            w.endList();
            return;
        }
        BigInteger scalar = scalar(in);
        if (scalar == null)
            w.writeBytes(in.asText().getBytes(StandardCharsets.ISO_8859_1));
        else if (scalar.bitLength() < 63)
            w.writeLong(scalar.longValue());
        else if (scalar.bitLength() <= 256)
            w.writeUInt256(UInt256.fromBigInteger(scalar));
        else
            w.writeBigInteger(scalar);
    }

    private static BigInteger scalar(JsonNode in) {
        if (in.isIntegralNumber())
            return in.bigIntegerValue();
        if (in.isTextual() && in.asText().startsWith("#"))
            return new BigInteger(in.asText().substring(1));
        return null;
    }
}
