package org.stele.apps.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * The ERC-1056 identity registry as every Stele chain holds it from genesis: its runtime code at
 * {@link #ADDRESS}, the address of the registry on Ethereum's public networks, so that did:ethr tools configured with
 * that address (ethr-did-resolver, ethr-did, did-jwt-vc) work unchanged. The code is the committed build of
 * {@code EthereumDIDRegistry.sol}; it takes no constructor and keeps nothing in immutables, so its runtime code alone,
 * with empty storage, is the deployed contract.
 */
public final class DidRegistry {
    /** Where the registry lives on every Stele chain (and on Ethereum's public networks). */
    public static final Address ADDRESS = Address.fromHex("0xdca7ef03e98e0dc2b855be647c39abe984fcf21b");

    private static final String ARTIFACT = "contracts/EthereumDIDRegistry.json";
    private static final Bytes CODE = load("deployedBytecode");

    private DidRegistry() {
    }

    /** The registry's runtime code, as genesis places it at {@link #ADDRESS}. */
    public static Bytes code() {
        return CODE;
    }

    /**
     * Adds the registry to a {@code genesis.json}'s {@code alloc}: its runtime code with nonce 1 (as a deployment
     * would leave it, EIP-161) and empty storage.
     */
    public static void addTo(ObjectNode alloc) {
        alloc.putObject(ADDRESS.toHex()).put("nonce", "0x1").put("balance", "0x0").put("code", CODE.toHex());
    }

    private static Bytes load(String field) {
        try (InputStream in = DidRegistry.class.getResourceAsStream(ARTIFACT)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + ARTIFACT);
            JsonNode artifact = new ObjectMapper().readTree(in);
            return Bytes.fromHex(artifact.path(field).asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ARTIFACT, e);
        }
    }
}
