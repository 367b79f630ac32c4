package org.stele.apps.points;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stele.apps.points.PointsEvent.Position;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/** Decodes a log of PointsToken or PointsForwarder into a {@link PointsEvent}, by its first topic. */
public final class PointsEvents {
    static final String TRANSFER = topic("Transfer(address,address,uint256)");
    static final String APPROVAL = topic("Approval(address,address,uint256)");
    static final String ISSUED = topic("Issued(address,address,uint256,string)");
    static final String REDEEMED = topic("Redeemed(address,address,uint256,string)");
    static final String CAP_SET = topic("IssuerCapSet(address,uint256)");
    static final String PAUSED = topic("Paused(address)");
    static final String UNPAUSED = topic("Unpaused(address)");
    static final String ROLE_GRANTED = topic("RoleGranted(bytes32,address,address)");
    static final String ROLE_REVOKED = topic("RoleRevoked(bytes32,address,address)");
    static final String EXECUTED = topic("ExecutedForwardRequest(address,uint256,bool)");
    private static final Map<String, String> ROLES = Map.of("0x" + "00".repeat(32), "DEFAULT_ADMIN_ROLE",
            Hash.sha3String("ISSUER_ROLE"), "ISSUER_ROLE", Hash.sha3String("REDEEMER_ROLE"), "REDEEMER_ROLE",
            Hash.sha3String("PAUSER_ROLE"), "PAUSER_ROLE");

    private PointsEvents() {
    }

    private static String topic(String signature) {
        return Hash.sha3String(signature);
    }

    /** The event this log holds, or empty when it is none of the application's. */
    public static Optional<PointsEvent> decode(Position at, List<String> topics, String data) {
        if (topics.isEmpty()) return Optional.empty();
        String t0 = topics.get(0).toLowerCase(Locale.ROOT);
        if (t0.equals(TRANSFER) && topics.size() == 3)
            return Optional
                    .of(new PointsEvent.Transfer(at, address(topics.get(1)), address(topics.get(2)), uint(data)));
        if (t0.equals(APPROVAL) && topics.size() == 3)
            return Optional
                    .of(new PointsEvent.Approval(at, address(topics.get(1)), address(topics.get(2)), uint(data)));
        if ((t0.equals(ISSUED) || t0.equals(REDEEMED)) && topics.size() == 3) {
            List<Type> values = values(data, new TypeReference<Uint256>() {
            }, new TypeReference<Utf8String>() {
            });
            BigInteger amount = (BigInteger) values.get(0).getValue();
            String ref = (String) values.get(1).getValue();
            return Optional.of(t0.equals(ISSUED)
                    ? new PointsEvent.Issued(at, address(topics.get(1)), address(topics.get(2)), amount, ref)
                    : new PointsEvent.Redeemed(at, address(topics.get(1)), address(topics.get(2)), amount, ref));
        }
        if (t0.equals(CAP_SET) && topics.size() == 2)
            return Optional.of(new PointsEvent.IssuerCapSet(at, address(topics.get(1)), uint(data)));
        if (t0.equals(PAUSED) || t0.equals(UNPAUSED))
            return Optional.of(new PointsEvent.PauseChanged(at, address(data.substring(0, 66)), t0.equals(PAUSED)));
        if ((t0.equals(ROLE_GRANTED) || t0.equals(ROLE_REVOKED)) && topics.size() == 4) {
            String role = topics.get(1).toLowerCase(Locale.ROOT);
            return Optional.of(new PointsEvent.RoleChanged(at, ROLES.getOrDefault(role, role),
                    address(topics.get(2)), address(topics.get(3)), t0.equals(ROLE_GRANTED)));
        }
        if (t0.equals(EXECUTED) && topics.size() == 2 && data.length() == 2 + 128) {
            // Two static words, read directly: the relayer settles every request it relays by this event, and
            // web3j's generic decoder cost more than the rest of the settling.
            return Optional.of(new PointsEvent.ForwardExecuted(at, address(topics.get(1)), uint(data),
                    new BigInteger(data.substring(66, 130), 16).signum() != 0));
        }
        return Optional.empty();
    }

    private static String address(String word) {
        return "0x" + word.substring(word.length() - 40).toLowerCase(Locale.ROOT);
    }

    private static BigInteger uint(String data) {
        return new BigInteger(data.substring(2, 66), 16);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Type> values(String data, TypeReference<?>... types) {
        return FunctionReturnDecoder.decode(data, (List) List.of(types));
    }
}
