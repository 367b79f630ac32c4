package org.stele.apps.notary;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stele.apps.notary.NotaryEvent.Position;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** Reads Notary's logs into {@link NotaryEvent}s through web3j's ABI decoder. */
public final class NotaryEvents {
    private static final TypeReference<Bytes32> WORD_INDEXED = new TypeReference<>(true) {
    };
    private static final TypeReference<Address> ADDRESS_INDEXED = new TypeReference<>(true) {
    };
    private static final TypeReference<Address> ADDRESS = new TypeReference<>() {
    };
    private static final TypeReference<Uint256> UINT = new TypeReference<>() {
    };
    private static final TypeReference<Uint8> UINT8 = new TypeReference<>() {
    };
    private static final TypeReference<Utf8String> STRING = new TypeReference<>() {
    };
    private static final TypeReference<DynamicArray<Address>> ADDRESSES = new TypeReference<>() {
    };

    public static final Event STAMPED = new Event("Stamped", List.of(WORD_INDEXED, ADDRESS_INDEXED));
    public static final Event BATCH_STAMPED = new Event("BatchStamped", List.of(WORD_INDEXED, ADDRESS_INDEXED, UINT));
    public static final Event DOCUMENT_CREATED = new Event("DocumentCreated",
            List.of(WORD_INDEXED, ADDRESS_INDEXED, UINT8, ADDRESSES));
    public static final Event SIGNED = new Event("Signed", List.of(WORD_INDEXED, ADDRESS_INDEXED, ADDRESS));
    public static final Event COMPLETED = new Event("Completed", List.of(WORD_INDEXED, UINT8));
    public static final Event REVOKED = new Event("Revoked", List.of(WORD_INDEXED, ADDRESS_INDEXED, STRING));
    public static final Event SUPERSEDED = new Event("Superseded", List.of(WORD_INDEXED, WORD_INDEXED));

    /** Each event by its topic 0. */
    public static final Map<String, Event> BY_TOPIC = List
            .of(STAMPED, BATCH_STAMPED, DOCUMENT_CREATED, SIGNED, COMPLETED, REVOKED, SUPERSEDED).stream()
            .collect(Collectors.toUnmodifiableMap(EventEncoder::encode, Function.identity()));

    private NotaryEvents() {
    }

    /** The event a log holds, or empty when it is none of Notary's (or is malformed). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Optional<NotaryEvent> decode(Position at, List<String> topics, String data) {
        if (topics.isEmpty()) return Optional.empty();
        Event event = BY_TOPIC.get(topics.get(0).toLowerCase(Locale.ROOT));
        if (event == null || topics.size() != event.getIndexedParameters().size() + 1) return Optional.empty();
        List<Type> values = FunctionReturnDecoder.decode(data, (List) event.getNonIndexedParameters());
        if (values.size() != event.getNonIndexedParameters().size()) return Optional.empty();
        String t1 = lower(topics.get(1));
        return Optional.of(switch (event.getName()) {
            case "Stamped" -> new NotaryEvent.Stamped(at, t1, address(topics.get(2)));
            case "BatchStamped" -> new NotaryEvent.BatchStamped(at, t1, address(topics.get(2)),
                    (BigInteger) values.get(0).getValue());
            case "DocumentCreated" -> new NotaryEvent.DocumentCreated(at, t1, address(topics.get(2)),
                    ((BigInteger) values.get(0).getValue()).intValueExact(),
                    ((List<Address>) values.get(1).getValue()).stream().map(a -> lower(a.getValue())).toList());
            case "Signed" -> new NotaryEvent.Signed(at, t1, address(topics.get(2)),
                    lower((String) values.get(0).getValue()));
            case "Completed" -> new NotaryEvent.Completed(at, t1,
                    ((BigInteger) values.get(0).getValue()).intValueExact());
            case "Revoked" -> new NotaryEvent.Revoked(at, t1, address(topics.get(2)),
                    (String) values.get(0).getValue());
            case "Superseded" -> new NotaryEvent.Superseded(at, t1, lower(topics.get(2)));
            default -> throw new IllegalStateException("an event without a decoder: " + event.getName());
        });
    }

    private static String address(String topic) {
        return "0x" + topic.substring(topic.length() - 40).toLowerCase(Locale.ROOT);
    }

    private static String lower(String hex) {
        return hex.toLowerCase(Locale.ROOT);
    }
}
