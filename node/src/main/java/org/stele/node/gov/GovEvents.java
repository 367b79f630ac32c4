package org.stele.node.gov;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.governance.SystemContract;

/**
 * The governance contracts' events, and those of the identity application's {@code TrustRegistry}, which proposals
 * and operators govern too, named from their ABIs: each log becomes the event's name and its arguments, the indexed
 * ones from the topics and the others as ABI words (dynamic values as text or hex, {@code bytes32} as hex).
 */
final class GovEvents {
    /** One decoded log. */
    record Event(long block, String transaction, String contract, String name, Map<String, String> args) {}

    private record Signature(String name, List<String> names, List<String> types, List<Boolean> indexed) {}

    private final Map<Bytes32, Signature> byTopic = new HashMap<>();

    /** Where the trust registry's ABI is: the identity application's committed solc build. */
    private static final String TRUST_REGISTRY_ABI = "/org/stele/apps/identity/contracts/TrustRegistry.json";
    static final String TRUST_REGISTRY_NAME = "TrustRegistry";

    GovEvents() {
        for (SystemContract c : SystemContract.values())
            addEvents(c.abi());
        addEvents(trustRegistryAbi());
    }

    private static JsonNode trustRegistryAbi() {
        try (java.io.InputStream in = GovEvents.class.getResourceAsStream(TRUST_REGISTRY_ABI)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + TRUST_REGISTRY_ABI);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("abi");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + TRUST_REGISTRY_ABI, e);
        }
    }

    /** The name of a contract {@code stele gov} reads events of, else its address. */
    static String contractName(Address address) {
        if (address.equals(GovCommand.TRUST_REGISTRY)) return TRUST_REGISTRY_NAME;
        return SystemContract.at(address).map(SystemContract::contractName).orElse(address.toHex());
    }

    private void addEvents(JsonNode abi) {
        for (JsonNode entry : abi)
            if (entry.path("type").asText().equals("event")) {
                List<String> names = new ArrayList<>(), types = new ArrayList<>();
                List<Boolean> indexed = new ArrayList<>();
                for (JsonNode in : entry.get("inputs")) {
                    names.add(in.get("name").asText());
                    types.add(in.get("type").asText());
                    indexed.add(in.path("indexed").asBoolean());
                }
                String sig = entry.get("name").asText() + "(" + String.join(",", types) + ")";
                byTopic.put(Bytes32.wrap(Keccak256.hash(sig.getBytes(StandardCharsets.UTF_8))),
                        new Signature(entry.get("name").asText(), names, types, indexed));
            }
    }

    List<Event> decode(JsonNode logs) {
        List<Event> out = new ArrayList<>();
        for (JsonNode log : logs) {
            Address address = Address.fromHex(log.get("address").asText());
            String contract = contractName(address);
            List<Bytes32> topics = new ArrayList<>();
            for (JsonNode t : log.get("topics"))
                topics.add(Bytes32.fromHex(t.asText()));
            Signature s = topics.isEmpty() ? null : byTopic.get(topics.get(0));
            long block = GovRpc.quantity(log.get("blockNumber")).longValueExact();
            String tx = log.path("transactionHash").asText();
            if (s == null) {
                out.add(new Event(block, tx, contract, "unknown", Map.of("data", log.get("data").asText())));
                continue;
            }
            Bytes data = Bytes.fromHex(log.get("data").asText());
            Map<String, String> args = new LinkedHashMap<>();
            int topic = 1, word = 0;
            for (int i = 0; i < s.names().size(); i++) {
                String type = s.types().get(i);
                if (s.indexed().get(i))
                    args.put(s.names().get(i), value(type, topics.get(topic++).toArray(), data, -1));
                else
                    args.put(s.names().get(i), value(type, data.slice(32 * word++, 32).toArray(), data, word - 1));
            }
            out.add(new Event(block, tx, contract, s.name(), args));
        }
        return out;
    }

    private static String value(String type, byte[] word, Bytes data, int wordIndex) {
        BigInteger n = new BigInteger(1, word);
        return switch (type) {
            case "address" -> Address.wrap(java.util.Arrays.copyOfRange(word, 12, 32)).toChecksumHex();
            case "bool" -> Boolean.toString(n.signum() != 0);
            case "bytes32" -> Bytes.wrap(word).toHex();
            case "string", "bytes" -> {
                int offset = n.intValueExact();
                int length = new BigInteger(1, data.slice(offset, 32).toArray()).intValueExact();
                byte[] raw = data.slice(offset + 32, length).toArray();
                yield type.equals("string") ? new String(raw, StandardCharsets.UTF_8) : Bytes.wrap(raw).toHex();
            }
            default -> n.toString();
        };
    }
}
