package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.OverlayWorld;
import org.stele.evm.WorldView;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;

/**
 * geth's state overrides: an object from address to {@code {balance, nonce, code, state, stateDiff}} that changes
 * what one call sees. They are applied as an {@link OverlayWorld} over the block's state, so the stored state never
 * changes. Every malformed field is an invalid-params error naming the argument, the address and the field.
 */
public record StateOverrides(Map<Address, OverlayWorld.AccountOverride> accounts) {
    public static final StateOverrides NONE = new StateOverrides(Map.of());
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Set<String> FIELDS = Set.of("balance", "nonce", "code", "state", "stateDiff");

    public StateOverrides {
        accounts = Map.copyOf(accounts);
    }

    /** The overrides given as parameter {@code i} (named {@code name} in errors), or {@link #NONE} when absent. */
    public static StateOverrides parse(Params params, int i, String name) {
        return params.has(i) ? parse(params.required(i, name), i, name) : NONE;
    }

    /** Reads {@code node}, which stands at argument {@code position}; JSON null means no overrides. */
    public static StateOverrides parse(JsonNode node, int position, String name) {
        if (node == null || node.isNull() || node.isMissingNode()) return NONE;
        if (!node.isObject()) throw invalid(position, name, "want an object from address to account override");
        Map<Address, OverlayWorld.AccountOverride> accounts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Address address = Params.at(position, TextNode.valueOf(e.getKey())).address(position,
                    name + " address " + Params.abbreviate(e.getKey()));
            String where = name + "[" + address.toHex() + "]";
            if (accounts.containsKey(address)) throw invalid(position, where, "address given more than once");
            accounts.put(address, account(e.getValue(), position, where));
        }
        return new StateOverrides(accounts);
    }

    /** The world the call runs on: {@code base} itself when nothing is overridden. */
    public WorldView over(WorldView base) {
        return accounts.isEmpty() ? base : new OverlayWorld(base, accounts);
    }

    private static OverlayWorld.AccountOverride account(JsonNode o, int position, String where) {
        if (!o.isObject()) throw invalid(position, where, "want an object");
        for (Iterator<String> names = o.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (field.equals("movePrecompileToAddress")) {
                throw invalid(position, where + ".movePrecompileToAddress", "moving precompiles is not supported");
            }
            if (!FIELDS.contains(field)) {
                throw invalid(position, where, "unknown field '" + Params.abbreviate(field)
                        + "', want balance, nonce, code, state or stateDiff");
            }
        }
        if (present(o, "state") && present(o, "stateDiff")) {
            throw invalid(position, where, "has both 'state' and 'stateDiff'");
        }
        BigInteger balance = present(o, "balance")
                ? Params.at(position, o.get("balance")).quantity(position, where + ".balance")
                : null;
        Long nonce = null;
        if (present(o, "nonce")) {
            BigInteger n = Params.at(position, o.get("nonce")).quantity(position, where + ".nonce");
            if (n.compareTo(MAX_UINT64) > 0) throw invalid(position, where + ".nonce", "nonce larger than 64 bits");
            nonce = n.longValue(); // nonces are unsigned 64-bit, kept in a long's bits
        }
        var code = present(o, "code") ? Params.at(position, o.get("code")).data(position, where + ".code") : null;
        return new OverlayWorld.AccountOverride(balance, nonce, code, slots(o, "state", position, where),
                slots(o, "stateDiff", position, where));
    }

    private static Map<Bytes32, Bytes32> slots(JsonNode o, String field, int position, String where) {
        if (!present(o, field)) return null;
        JsonNode m = o.get(field);
        String name = where + "." + field;
        if (!m.isObject()) throw invalid(position, name, "want an object from slot to value");
        Map<Bytes32, Bytes32> slots = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Bytes32 key = Params.at(position, TextNode.valueOf(e.getKey())).hash(position,
                    name + " key " + Params.abbreviate(e.getKey()));
            Bytes32 value = Params.at(position, e.getValue()).hash(position, name + "[" + key.toHex() + "]");
            if (slots.put(key, value) != null)
                throw invalid(position, name, "slot " + key.toHex() + " given more than once");
        }
        return slots;
    }

    private static boolean present(JsonNode o, String field) {
        return o.hasNonNull(field);
    }

    private static JsonRpcException invalid(int position, String name, String why) {
        return JsonRpcException.invalidParams("invalid argument " + position + " (" + name + "): " + why);
    }
}
