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
 * The governance contracts' events, named from their ABIs: each log becomes the event's name and its arguments, the
 * indexed ones from the topics and the others as ABI words (dynamic values as text or hex).
 */
final class GovEvents {
    /** One decoded log. */
    record Event(long block, String transaction, String contract, String name, Map<String, String> args) {}

    private record Signature(String name, List<String> names, List<String> types, List<Boolean> indexed) {}

    private final Map<Bytes32, Signature> byTopic = new HashMap<>();

    GovEvents() {
        for (SystemContract c : SystemContract.values())
            for (JsonNode entry : c.abi())
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
            String contract = SystemContract.at(address).map(SystemContract::contractName).orElse(address.toHex());
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
