package org.stele.evm.precompile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.stele.common.Hex;

/** Reads the reference vectors in {@code src/test/resources/precompile}, taken from the EIPs and go-ethereum. */
final class Vectors {
    record Vector(String name, byte[] input, byte[] expected, JsonNode json) {
        boolean expectsFailure() {
            return json.path("error").asBoolean(false);
        }

        long gas(String field) {
            return json.get(field).asLong();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Vectors() {
    }

    static List<Vector> load(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/precompile/" + file)) {
            if (in == null) throw new IllegalStateException("missing test resource " + file);
            List<Vector> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                byte[] expected = n.has("expected") ? Hex.decodeStrict(n.get("expected").asText()) : null;
                out.add(new Vector(n.get("name").asText(), Hex.decodeStrict(n.get("input").asText()), expected, n));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
