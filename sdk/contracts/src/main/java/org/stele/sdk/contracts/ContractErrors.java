package org.stele.sdk.contracts;

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
 * Names a revert by the errors some contracts declare: every {@code error} entry of their ABIs (their own and the
 * OpenZeppelin ones they inherit), plus Solidity's built-in {@code Error(string)} and {@code Panic(uint256)}, so a
 * client shows {@code IssuerCapExceeded(0x…, 100, 90, 20)} instead of bytes.
 */
public final class ContractErrors {
    private final Map<String, Shape> bySelector = new HashMap<>();

    private record Shape(String name, List<String> types) {}

    private ContractErrors() {
        register("Error", List.of("string"));
        register("Panic", List.of("uint256"));
    }

    /** The errors that the given contracts' ABIs declare. */
    public static ContractErrors of(ContractArtifact... artifacts) {
        ContractErrors errors = new ContractErrors();
        for (ContractArtifact artifact : artifacts) {
            for (JsonNode entry : artifact.abi()) {
                if (!entry.path("type").asText().equals("error")) continue;
                List<String> types = new ArrayList<>();
                entry.get("inputs").forEach(input -> types.add(input.get("type").asText()));
                errors.register(entry.get("name").asText(), types);
            }
        }
        return errors;
    }

    private void register(String name, List<String> types) {
        String signature = name + "(" + String.join(",", types) + ")";
        bySelector.put(Hash.sha3String(signature).substring(0, 10), new Shape(name, types));
    }

    /**
     * The error in {@code revertData} (0x-hex), or empty when the data is too short, names none of these errors, or
     * does not decode as that error's arguments.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Optional<ContractError> decode(String revertData) {
        if (revertData == null || revertData.length() < 10) return Optional.empty();
        Shape shape = bySelector.get(revertData.substring(0, 10).toLowerCase());
        if (shape == null) return Optional.empty();
        List<TypeReference<Type>> refs = new ArrayList<>();
        try {
            for (String type : shape.types()) refs.add((TypeReference<Type>) TypeReference.makeTypeReference(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an ABI type web3j does not know: " + e.getMessage(), e);
        }
        List<Type> values;
        try {
            values = FunctionReturnDecoder.decode("0x" + revertData.substring(10), (List) refs);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        if (values.size() != refs.size()) return Optional.empty();
        return Optional.of(new ContractError(shape.name(), values.stream().map(ContractErrors::text).toList()));
    }

    private static String text(Type<?> value) {
        Object v = value.getValue();
        if (v instanceof byte[] bytes) return Numeric.toHexString(bytes);
        return v.toString();
    }
}
