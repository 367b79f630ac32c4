package org.stele.apps.points;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Names a refusal: the custom error a PointsToken or PointsForwarder call reverted with, decoded by the errors their
 * compiled ABIs declare (their own and OpenZeppelin's), so a client shows {@code IssuerCapExceeded(0x…, 100, 90, 20)}
 * instead of bytes. A Solidity {@code Error(string)} is decoded too.
 */
public final class PointsErrors {
    private static final Map<String, ErrorShape> BY_SELECTOR = new HashMap<>();

    static {
        for (ContractArtifact artifact : List.of(ContractArtifact.TOKEN, ContractArtifact.FORWARDER,
                ContractArtifact.SIMULATOR)) {
            for (JsonNode entry : artifact.abi()) {
                if (!entry.path("type").asText().equals("error")) continue;
                List<String> types = new ArrayList<>();
                entry.get("inputs").forEach(input -> types.add(input.get("type").asText()));
                register(entry.get("name").asText(), types);
            }
        }
        register("Error", List.of("string"));
        register("Panic", List.of("uint256"));
    }

    private PointsErrors() {
    }

    private static void register(String name, List<String> types) {
        String signature = name + "(" + String.join(",", types) + ")";
        BY_SELECTOR.put(Hash.sha3String(signature).substring(0, 10), new ErrorShape(name, types));
    }

    private record ErrorShape(String name, List<String> types) {}

    /** A decoded custom error; {@code arguments} as text (numbers in decimal, addresses and bytes in 0x-hex). */
    public record Refusal(String name, List<String> arguments) {
        public Refusal {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return name + "(" + String.join(", ", arguments) + ")";
        }
    }

    /** The error in {@code revertData} (0x-hex), or empty when it is none of the contracts' errors. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Optional<Refusal> decode(String revertData) {
        if (revertData == null || revertData.length() < 10) return Optional.empty();
        ErrorShape shape = BY_SELECTOR.get(revertData.substring(0, 10).toLowerCase());
        if (shape == null) return Optional.empty();
        List<TypeReference<Type>> refs = new ArrayList<>();
        try {
            for (String type : shape.types()) refs.add((TypeReference<Type>) TypeReference.makeTypeReference(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an ABI type web3j does not know: " + e.getMessage(), e);
        }
        List<Type> values = FunctionReturnDecoder.decode("0x" + revertData.substring(10), (List) refs);
        if (values.size() != refs.size()) return Optional.empty();
        return Optional.of(new Refusal(shape.name(), values.stream().map(PointsErrors::text).toList()));
    }

    static String text(Type<?> value) {
        Object v = value.getValue();
        if (v instanceof byte[] bytes) return Numeric.toHexString(bytes);
        return v.toString();
    }
}
