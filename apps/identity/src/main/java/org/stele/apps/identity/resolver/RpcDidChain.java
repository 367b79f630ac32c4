package org.stele.apps.identity.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.stele.apps.identity.DidRegistry;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;

/**
 * Any node's chain over JSON-RPC, read as ethr-did-resolver reads it: {@code changed(identity)} gives the block of the
 * latest change, and each block's logs about the identity give the block of the change before ({@code previousChange}),
 * back to the first. One round trip per changed block, where a Stele node's {@link DidIndex} answers from one scan; it
 * lets {@code stele did resolve} work against any node with the registry, Stele or not.
 */
public final class RpcDidChain implements DidChain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANGED = "0x" + Bytes.wrap(java.util.Arrays.copyOf(
            Keccak256.hash("changed(address)".getBytes(StandardCharsets.US_ASCII)), 4)).toHex().substring(2);

    /** One JSON-RPC call: its result, or an {@link UnavailableException} saying why there is none. */
    @FunctionalInterface
    public interface Transport {
        JsonNode call(String method, ArrayNode params);
    }

    private final Transport transport;
    private long chainId = -1;

    /** Any JSON-RPC connection, e.g. the one a credential verifier already holds (vc.JsonRpc.didChain). */
    public RpcDidChain(Transport transport) {
        this.transport = transport;
    }

    @Override
    public long chainId() {
        if (chainId < 0)
            chainId = quantity(call("eth_chainId", JSON.createArrayNode()));
        return chainId;
    }

    @Override
    public long headNumber() {
        return quantity(call("eth_blockNumber", JSON.createArrayNode()));
    }

    @Override
    public OptionalLong timestamp(long block) {
        JsonNode b = call("eth_getBlockByNumber",
                JSON.createArrayNode().add("0x" + Long.toHexString(block)).add(false));
        return b == null || b.isNull() ? OptionalLong.empty() : OptionalLong.of(quantity(b.get("timestamp")));
    }

    @Override
    public List<DidEvent> history(Address identity) {
        String topic = "0x000000000000000000000000" + identity.toHex().substring(2);
        ObjectNode tx = JSON.createObjectNode().put("to", DidRegistry.ADDRESS.toHex()).put("data",
                CHANGED + "000000000000000000000000" + identity.toHex().substring(2));
        long previous = new BigInteger(1, Bytes.fromHex(call("eth_call", JSON.createArrayNode().add(tx).add("latest"))
                .asText()).unsafeArray()).longValueExact();
        List<DidEvent> history = new ArrayList<>();
        while (previous != 0) {
            long block = previous;
            String tag = "0x" + Long.toHexString(block);
            ObjectNode filter = JSON.createObjectNode().put("address", DidRegistry.ADDRESS.toHex())
                    .put("fromBlock", tag)
                    .put("toBlock", tag);
            filter.putArray("topics").addNull().add(topic);
            JsonNode logs = call("eth_getLogs", JSON.createArrayNode().add(filter));
            List<DidEvent> events = new ArrayList<>();
            long earlier = 0;
            for (JsonNode log : logs) {
                List<Bytes32> topics = new ArrayList<>();
                for (JsonNode t : log.get("topics")) topics.add(Bytes32.fromHex(t.asText()));
                byte[] data = Bytes.fromHex(log.get("data").asText()).unsafeArray();
                var decoded = RegistryLogs.decode(Address.fromHex(log.get("address").asText()), topics, data, block);
                if (decoded.isEmpty())
                    continue;
                events.add(decoded.get().event());
                BigInteger previousChange = decoded.get().previousChange();
                if (previousChange.compareTo(BigInteger.valueOf(block)) < 0)
                    earlier = previousChange.longValueExact();
            }
            history.addAll(0, events);
            previous = earlier;
        }
        return history;
    }

    private JsonNode call(String method, ArrayNode params) {
        return transport.call(method, params);
    }

    private static long quantity(JsonNode hex) {
        return Long.parseLong(hex.asText().substring(2), 16);
    }
}
