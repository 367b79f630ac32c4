package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.common.Bytes;

/** Read-only calls to a chain over {@link JsonRpc}: its id, its head, and {@code eth_call} on the latest state. */
public final class Chain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonRpc rpc;
    private final ContractErrors errors;
    private final String block;

    public Chain(JsonRpc rpc, ContractErrors errors) {
        this(rpc, errors, "latest");
    }

    private Chain(JsonRpc rpc, ContractErrors errors, String block) {
        this.rpc = rpc;
        this.errors = errors;
        this.block = block;
    }

    /** The same chain, read at {@code block} (a number as 0x-hex, or a tag) instead of the latest block. */
    public Chain at(String block) {
        return new Chain(rpc, errors, block);
    }

    public JsonRpc rpc() {
        return rpc;
    }

    public ContractErrors errors() {
        return errors;
    }

    public long chainId() {
        return quantity(rpc.call("eth_chainId")).longValueExact();
    }

    /** The latest block's timestamp, in seconds. */
    public long headTime() {
        return quantity(rpc.call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
    }

    /** What calling {@code to} with {@code data} answers on this chain's block; a revert names its custom error. */
    public Bytes call(Address to, Bytes data) {
        ObjectNode tx = JSON.createObjectNode().put("to", to.toHex()).put("data", data.toHex());
        try {
            return Bytes.fromHex(rpc.call("eth_call", tx, block).asText());
        } catch (VcException e) {
            throw new VcException(errors.explain(e.getMessage()));
        }
    }

    public static BigInteger quantity(JsonNode n) {
        if (n == null || n.isNull()) return BigInteger.ZERO;
        String s = n.asText();
        return new BigInteger(s.startsWith("0x") ? s.substring(2) : s, 16);
    }
}
