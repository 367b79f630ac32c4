package org.stele.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * The governance contracts and their fixed addresses (those of {@code SystemAddresses.sol}). Each one's runtime code
 * is the committed output of tools/solc, read from this module's resources.
 */
public enum SystemContract {
    COMMITTEE("0x0000000000000000000000000000000000001000", "Committee"), VALIDATORS(
            "0x0000000000000000000000000000000000001001",
            "Validators"), NODE_ALLOWLIST("0x0000000000000000000000000000000000001002", "NodeAllowlist"), ACCOUNTS(
                    "0x0000000000000000000000000000000000001003",
                    "Accounts"), FREEZES("0x0000000000000000000000000000000000001004",
                            "Freezes"), PARAMETERS("0x0000000000000000000000000000000000001005", "Parameters");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Address address;
    private final String contractName;
    private volatile JsonNode artifact;

    SystemContract(String address, String contractName) {
        this.address = Address.fromHex(address);
        this.contractName = contractName;
    }

    public Address address() {
        return address;
    }

    /** The Solidity contract's name, as in its source and its artifact's file name. */
    public String contractName() {
        return contractName;
    }

    /** The runtime bytecode genesis places at {@link #address()}. */
    public Bytes deployedCode() {
        return Bytes.fromHex(artifact().get("deployedBytecode").asText());
    }

    /** The contract's ABI as solc wrote it. */
    public JsonNode abi() {
        return artifact().get("abi");
    }

    /** The system contract at {@code address}, if it is one. */
    public static java.util.Optional<SystemContract> at(Address address) {
        for (SystemContract c : values())
            if (c.address.equals(address))
                return java.util.Optional.of(c);
        return java.util.Optional.empty();
    }

    private JsonNode artifact() {
        JsonNode a = artifact;
        if (a == null) {
            String resource = "contracts/" + contractName + ".json";
            try (InputStream in = SystemContract.class.getResourceAsStream(resource)) {
                if (in == null)
                    throw new IllegalStateException("the build lacks " + resource + ": run node tools/solc/compile.js");
                a = JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            artifact = a;
        }
        return a;
    }
}
