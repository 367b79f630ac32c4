package org.stele.sdk.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A contract as tools/solc compiled it (docs/contracts.md): its name, ABI, creation bytecode and runtime bytecode
 * (0x-hex); the runtime code serves calls that place a contract by a state override instead of deploying it.
 */
public record ContractArtifact(String name, JsonNode abi, String bytecode, String runtime) {

    /**
     * Reads {@code contracts/<name>.json} from the package of {@code anchor}, where an application keeps the JSON that
     * tools/solc wrote for it. A missing or unreadable artifact is a broken build, so it fails loudly.
     */
    public static ContractArtifact load(Class<?> anchor, String name) {
        String resource = "contracts/" + name + ".json";
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + resource + " next to " + anchor.getName());
            JsonNode json = new ObjectMapper().readTree(in);
            return new ContractArtifact(json.get("contractName").asText(), json.get("abi"),
                    json.get("bytecode").asText(), json.get("deployedBytecode").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
