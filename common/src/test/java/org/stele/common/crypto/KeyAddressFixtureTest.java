package org.stele.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stele.common.Address;
import org.stele.common.Hex;

/**
 * ethereum-tests BasicTests/keyaddrtest.json: private key to address. The file's {@code sig_of_emptystring} entries are
 * not used: they do not recover to their address over keccak(""), sha256("") or the zero hash with either recovery id,
 * so the message they signed is not the one their name suggests.
 */
class KeyAddressFixtureTest {

    static Stream<Arguments> cases() throws Exception {
        JsonNode root = new ObjectMapper().readTree(fixtures().resolve("BasicTests/keyaddrtest.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root) {
            for (Secp256k1KeccakSuite suite : List.of(Secp256k1KeccakSuite.nativeBacked(),
                    Secp256k1KeccakSuite.pureJava()))
                out.add(Arguments.of(c.get("seed").asText(), suite, c));
        }
        assertThat(out).hasSize(4);
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void keyGivesTheFixtureAddressAndItsSignaturesRecoverIt(String seed, Secp256k1KeccakSuite suite, JsonNode c) {
        KeyPair key = suite.keyPair(Hex.decode(c.get("key").asText()));
        Address expected = Address.fromHex(c.get("addr").asText());
        byte[] hash = suite.hash(seed.getBytes(StandardCharsets.UTF_8));

        assertThat(suite.address(key.publicKey())).isEqualTo(expected);
        assertThat(suite.recoverAddress(hash, suite.sign(hash, key))).isEqualTo(expected);
    }

    static Path fixtures() {
        String configured = System.getProperty("stele.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        Path dir = shared.resolve("ethereum-tests");
        if (!Files.isDirectory(dir))
            throw new IllegalStateException("ethereum-tests fixtures not found at " + dir.toAbsolutePath());
        return dir;
    }
}
