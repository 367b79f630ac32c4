package org.stele.apps.charity;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.stele.apps.charity.CharityEvent.Position;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.utils.Numeric;

/** Reads Charity's logs into {@link CharityEvent}s through web3j's ABI decoder. */
public final class CharityEvents {
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final TypeReference<Uint256> UINT = new TypeReference<>() {
    };
    private static final TypeReference<Uint256> UINT_INDEXED = new TypeReference<>(true) {
    };
    private static final TypeReference<Address> ADDRESS = new TypeReference<>() {
    };
    private static final TypeReference<Address> ADDRESS_INDEXED = new TypeReference<>(true) {
    };
    private static final TypeReference<Utf8String> STRING = new TypeReference<>() {
    };
    private static final TypeReference<Bytes32> BYTES32 = new TypeReference<>() {
    };
    private static final TypeReference<Uint64> UINT64 = new TypeReference<>() {
    };

    public static final Event ORGANISATION_REGISTERED = new Event("OrganisationRegistered",
            List.of(UINT_INDEXED, ADDRESS_INDEXED, STRING));
    public static final Event CAMPAIGN_CREATED = new Event("CampaignCreated",
            List.of(UINT_INDEXED, UINT_INDEXED, ADDRESS, UINT, UINT64, STRING));
    public static final Event BENEFICIARY_ADDED = new Event("BeneficiaryAdded",
            List.of(UINT_INDEXED, ADDRESS_INDEXED, STRING));
    public static final Event DONATED = new Event("Donated", List.of(UINT_INDEXED, ADDRESS_INDEXED, UINT, UINT));
    public static final Event DISBURSED = new Event("Disbursed",
            List.of(UINT_INDEXED, ADDRESS_INDEXED, UINT, UINT, BYTES32, STRING));
    public static final Event DELIVERY_CONFIRMED = new Event("DeliveryConfirmed",
            List.of(UINT_INDEXED, ADDRESS_INDEXED, UINT));
    public static final Event REFUNDED = new Event("Refunded", List.of(UINT_INDEXED, ADDRESS_INDEXED, UINT));

    /** Each event by its topic 0. */
    public static final Map<String, Event> BY_TOPIC = List
            .of(ORGANISATION_REGISTERED, CAMPAIGN_CREATED, BENEFICIARY_ADDED, DONATED, DISBURSED, DELIVERY_CONFIRMED,
                    REFUNDED)
            .stream().collect(Collectors.toUnmodifiableMap(EventEncoder::encode, Function.identity()));

    private CharityEvents() {
    }

    /** The event a log holds, or empty when the log is not one of Charity's (another contract's, say). */
    public static Optional<CharityEvent> decode(Position position, List<String> topics, String data) {
        if (topics.isEmpty()) return Optional.empty();
        Event event = BY_TOPIC.get(topics.get(0).toLowerCase(Locale.ROOT));
        if (event == null || topics.size() != 1 + event.getIndexedParameters().size()) return Optional.empty();
        List<Type> indexed = new java.util.ArrayList<>();
        for (int i = 0; i < event.getIndexedParameters().size(); i++) {
            indexed.add(FunctionReturnDecoder.decodeIndexedValue(topics.get(i + 1),
                    event.getIndexedParameters().get(i)));
        }
        List<Type> values = FunctionReturnDecoder.decode(data, event.getNonIndexedParameters());
        long id = number(indexed.get(0)).longValueExact();
        return Optional.of(switch (event.getName()) {
            case "OrganisationRegistered" -> new CharityEvent.OrganisationRegistered(position, id,
                    address(indexed.get(1)), string(values.get(0)));
            case "CampaignCreated" -> {
                String token = address(values.get(0));
                yield new CharityEvent.CampaignCreated(position, id, number(indexed.get(1)).longValueExact(),
                        token.equals(ZERO_ADDRESS) ? null : token, number(values.get(1)),
                        number(values.get(2)).longValueExact(), string(values.get(3)));
            }
            case "BeneficiaryAdded" -> new CharityEvent.BeneficiaryAdded(position, id, address(indexed.get(1)),
                    string(values.get(0)));
            case "Donated" -> new CharityEvent.Donated(position, id, address(indexed.get(1)),
                    number(values.get(0)).longValueExact(), number(values.get(1)));
            case "Disbursed" -> new CharityEvent.Disbursed(position, id, address(indexed.get(1)),
                    number(values.get(0)).longValueExact(), number(values.get(1)), bytes(values.get(2)),
                    string(values.get(3)));
            case "DeliveryConfirmed" -> new CharityEvent.DeliveryConfirmed(position, id, address(indexed.get(1)),
                    number(values.get(0)).longValueExact());
            case "Refunded" -> new CharityEvent.Refunded(position, id, address(indexed.get(1)),
                    number(values.get(0)));
            default -> throw new IllegalStateException("an event without a decoder: " + event.getName());
        });
    }

    private static BigInteger number(Type<?> t) {
        return (BigInteger) t.getValue();
    }

    private static String address(Type<?> t) {
        return t.getValue().toString().toLowerCase(Locale.ROOT);
    }

    private static String bytes(Type<?> t) {
        return Numeric.toHexString((byte[]) t.getValue());
    }

    private static String string(Type<?> t) {
        return (String) t.getValue();
    }
}
