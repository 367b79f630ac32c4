package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * A contract of this module that genesis places at a fixed address: the committed runtime code of its solc build
 * ({@code contracts/<Name>.json}), with nonce 1 and empty storage (it takes no constructor).
 */
public record Artifact(Address address, Bytes code) {
    public static Artifact load(String contract, Address address) {
        String resource = "/org/stele/apps/identity/contracts/" + contract + ".json";
        try (InputStream in = Artifact.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + resource);
            JsonNode artifact = new ObjectMapper().readTree(in);
            return new Artifact(address, Bytes.fromHex(artifact.path("deployedBytecode").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Adds the contract to a {@code genesis.json}'s {@code alloc}. */
    public void addTo(ObjectNode alloc) {
        alloc.putObject(address.toHex()).put("nonce", "0x1").put("balance", "0x0").put("code", code.toHex());
    }
}
