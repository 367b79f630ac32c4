package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.stele.common.Bytes32;

/**
 * Which block a call refers to: a tag, a number, or (EIP-1898) a hash with an optional demand that it be
 * canonical.
 */
public sealed interface BlockParameter {
    BlockParameter LATEST = new Tag(TagName.LATEST);

    enum TagName {
        EARLIEST, LATEST, PENDING, SAFE, FINALIZED
    }

    record Tag(TagName name) implements BlockParameter {}

    record Number(long number) implements BlockParameter {}

    record Hash(Bytes32 hash, boolean requireCanonical) implements BlockParameter {}

    static BlockParameter parse(JsonNode n, int i, String name) {
        if (n.isTextual()) {
            String s = n.textValue();
            return switch (s) {
                case "earliest" -> new Tag(TagName.EARLIEST);
                case "latest" -> new Tag(TagName.LATEST);
                case "pending" -> new Tag(TagName.PENDING);
                case "safe" -> new Tag(TagName.SAFE);
                case "finalized" -> new Tag(TagName.FINALIZED);
                default -> {
                    if (s.length() == 66) yield new Hash(hash(s, i, name), false);
                    var q = Params.parseQuantity(s, i, name);
                    if (q.bitLength() > 63) throw Params.invalid(i, name, "block number too large");
                    yield new Number(q.longValue());
                }
            };
        }
        if (n.isObject()) {
            JsonNode number = n.get("blockNumber");
            JsonNode hash = n.get("blockHash");
            if ((number == null) == (hash == null)) {
                throw Params.invalid(i, name, "a block object needs exactly one of blockNumber and blockHash");
            }
            if (number != null) {
                if (!number.isTextual()) throw Params.invalid(i, name, "blockNumber must be a hex string");
                return parse(number, i, name);
            }
            if (!hash.isTextual()) throw Params.invalid(i, name, "blockHash must be a hex string");
            JsonNode canonical = n.get("requireCanonical");
            return new Hash(hash(hash.textValue(), i, name), canonical != null && canonical.asBoolean(false));
        }
        throw Params.invalid(i, name,
                "want a block number, tag or block hash object, got " + Params.abbreviate(n.toString()));
    }

    private static Bytes32 hash(String s, int i, String name) {
        byte[] b = Params.hexBytes(s, i, name);
        if (b.length != 32) throw Params.invalid(i, name, "block hash has " + b.length + " bytes, want 32");
        return Bytes32.wrap(b);
    }
}
