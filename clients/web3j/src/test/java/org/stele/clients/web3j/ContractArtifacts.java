package org.stele.clients.web3j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The suite's contracts compiled by solc-js: the same sources and compiler the JS suites use, so every client
 * exercises identical bytecode. Read from {@code STELE_ARTIFACTS} when the runner wrote them, otherwise produced by
 * running {@code node ../js/lib/compile.js}.
 */
record ContractArtifacts(JsonNode json) {

    static ContractArtifacts load() throws IOException, InterruptedException {
        String given = System.getenv("STELE_ARTIFACTS");
        Path file;
        if (given != null && !given.isBlank()) {
            file = Path.of(given);
        } else {
            file = Path.of("target", "contracts.json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Process node = new ProcessBuilder("node", "lib/compile.js", file.toString())
                    .directory(Path.of("..", "js").toFile())
                    .inheritIO().start();
            if (!node.waitFor(5, TimeUnit.MINUTES) || node.exitValue() != 0) {
                throw new IOException("solc-js compilation failed (node lib/compile.js in clients/js)");
            }
        }
        return new ContractArtifacts(new ObjectMapper().readTree(file.toFile()));
    }

    /** The creation bytecode of a contract, 0x-prefixed. */
    String bytecode(String contract) {
        JsonNode node = json.path(contract).path("bytecode");
        if (!node.isTextual()) {
            throw new IllegalArgumentException("no bytecode for contract " + contract);
        }
        return node.asText();
    }
}
