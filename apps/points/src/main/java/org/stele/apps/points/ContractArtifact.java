package org.stele.apps.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A contract as tools/solc compiled it (docs/contracts.md): its ABI, creation and runtime bytecode, read from the JSON committed
 * next to this class, so the SDK deploys exactly what the sources say.
 */
public record ContractArtifact(String name, JsonNode abi, String bytecode, String runtime) {
    public static final ContractArtifact TOKEN = load("PointsToken");
    public static final ContractArtifact FORWARDER = load("PointsForwarder");
    /** Never deployed: the relayer runs its {@code runtime} code in an {@code eth_call} (a state override). */
    public static final ContractArtifact SIMULATOR = load("RelaySimulator");

    private static ContractArtifact load(String name) {
        String resource = "contracts/" + name + ".json";
        try (InputStream in = ContractArtifact.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            JsonNode json = new ObjectMapper().readTree(in);
            return new ContractArtifact(json.get("contractName").asText(), json.get("abi"),
                    json.get("bytecode").asText(), json.get("deployedBytecode").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
