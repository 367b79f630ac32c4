package org.stele.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * The JSON form of a {@link TransactionProof}: bytes as {@code 0x} hex, numbers as JSON numbers, keys in a fixed
 * order. Reading is strict about shape (every field present, of its type and size) and says which field is wrong;
 * whether the values prove anything is left to the verifier.
 */
public final class ProofJson {
    /** Far above a proof of a block of thousands of transactions with a long validator-set history. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProofJson() {
    }

    public static ObjectNode toJson(TransactionProof p) {
        ObjectNode o = F.objectNode();
        o.put("format", TransactionProof.FORMAT);
        o.put("chainId", p.chainId());
        o.put("genesisHash", p.genesisHash().toHex());
        o.put("blockNumber", p.blockNumber());
        o.put("blockHash", p.blockHash().toHex());
        o.put("transactionIndex", p.transactionIndex());
        o.put("transactionHash", p.transactionHash().toHex());
        o.put("rawTransaction", p.rawTransaction().toHex());
        o.put("rawReceipt", p.rawReceipt().toHex());
        o.set("transactionProof", hexArray(p.transactionProof()));
        o.set("receiptProof", hexArray(p.receiptProof()));
        o.put("header", p.header().toHex());
        ArrayNode sets = o.putArray("validatorSets");
        for (TransactionProof.ValidatorSet s : p.validatorSets()) {
            ObjectNode e = sets.addObject();
            e.put("source", s.source());
            e.put("header", s.header().toHex());
            ArrayNode v = e.putArray("validators");
            for (Address a : s.validators())
                v.add(a.toHex());
        }
        return o;
    }

    public static String write(TransactionProof p) {
        try {
            return MAPPER.writeValueAsString(toJson(p)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** @throws ProofFormatException when the file cannot be read or is not a {@code stele-proof/1} document */
    public static TransactionProof read(Path file) {
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES)
                throw new ProofFormatException(
                        file + ": " + size + " bytes, a proof file is at most " + MAX_FILE_BYTES);
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ProofFormatException(file + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProofFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(root);
    }

    /** @throws ProofFormatException naming the first field that is missing or of the wrong shape */
    public static TransactionProof parse(JsonNode root) {
        if (root == null || !root.isObject())
            throw new ProofFormatException("a proof is a JSON object");
        JsonNode format = root.get("format");
        if (format == null || format.isNull())
            throw new ProofFormatException("format: missing; a proof names its format, \"" + TransactionProof.FORMAT
                    + "\"");
        if (!format.isTextual())
            throw new ProofFormatException("format: expected the string \"" + TransactionProof.FORMAT + "\"");
        if (!format.asText().equals(TransactionProof.FORMAT))
            throw new ProofFormatException("format: \"" + format.asText() + "\" is not a format this verifier reads ("
                    + TransactionProof.FORMAT + ")");
        List<TransactionProof.ValidatorSet> sets = new ArrayList<>();
        JsonNode setsNode = array(root, "validatorSets");
        for (int i = 0; i < setsNode.size(); i++) {
            JsonNode s = setsNode.get(i);
            String where = "validatorSets[" + i + "]";
            if (!s.isObject())
                throw new ProofFormatException(where + ": expected an object");
            String source = text(s, "source", where);
            if (!source.equals(TransactionProof.ValidatorSet.SOURCE_EXTRA_DATA))
                throw new ProofFormatException(where + ".source: \"" + source + "\" is not known to "
                        + TransactionProof.FORMAT + " (" + TransactionProof.ValidatorSet.SOURCE_EXTRA_DATA + ")");
            List<Address> validators = list(array(s, "validators", where), where + ".validators",
                    h -> Address.wrap(fixed(h, 20).unsafeArray()));
            sets.add(new TransactionProof.ValidatorSet(source, bytes(s, "header", where), validators));
        }
        return new TransactionProof(number(root, "chainId"), word(root, "genesisHash"), number(root, "blockNumber"),
                word(root, "blockHash"), Math.toIntExact(Math.min(number(root, "transactionIndex"), Integer.MAX_VALUE)),
                word(root, "transactionHash"), bytes(root, "rawTransaction", ""), bytes(root, "rawReceipt", ""),
                list(array(root, "transactionProof"), "transactionProof", ProofJson::hex),
                list(array(root, "receiptProof"), "receiptProof", ProofJson::hex), bytes(root, "header", ""), sets);
    }

    private static ArrayNode hexArray(List<Bytes> items) {
        ArrayNode a = F.arrayNode();
        for (Bytes b : items)
            a.add(b.toHex());
        return a;
    }

    private static JsonNode field(JsonNode o, String name, String where) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull())
            throw new ProofFormatException(path(where, name) + ": missing");
        return n;
    }

    private static String path(String where, String name) {
        return where.isEmpty() ? name : where + "." + name;
    }

    private static long number(JsonNode o, String name) {
        JsonNode n = field(o, name, "");
        if (!n.canConvertToExactIntegral() || !n.canConvertToLong() || n.asLong() < 0)
            throw new ProofFormatException(name + ": expected a non-negative integer, got " + n);
        return n.asLong();
    }

    private static String text(JsonNode o, String name, String where) {
        JsonNode n = field(o, name, where);
        if (!n.isTextual())
            throw new ProofFormatException(path(where, name) + ": expected a string");
        return n.asText();
    }

    private static Bytes bytes(JsonNode o, String name, String where) {
        try {
            return hex(text(o, name, where));
        } catch (ProofFormatException e) {
            throw new ProofFormatException(path(where, name) + ": " + e.getMessage());
        }
    }

    private static Bytes32 word(JsonNode o, String name) {
        try {
            return Bytes32.wrap(fixed(text(o, name, ""), 32).unsafeArray());
        } catch (ProofFormatException e) {
            throw new ProofFormatException(name + ": " + e.getMessage());
        }
    }

    private static ArrayNode array(JsonNode o, String name) {
        return array(o, name, "");
    }

    private static ArrayNode array(JsonNode o, String name, String where) {
        JsonNode n = field(o, name, where);
        if (!n.isArray())
            throw new ProofFormatException(path(where, name) + ": expected an array");
        return (ArrayNode) n;
    }

    private static <T> List<T> list(ArrayNode a, String where, Function<String, T> item) {
        List<T> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode n = a.get(i);
            if (!n.isTextual())
                throw new ProofFormatException(where + "[" + i + "]: expected a hex string");
            try {
                out.add(item.apply(n.asText()));
            } catch (ProofFormatException e) {
                throw new ProofFormatException(where + "[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static Bytes hex(String s) {
        if (!s.startsWith("0x") || s.length() % 2 != 0 || !s.substring(2).chars().allMatch(ProofJson::isHexDigit))
            throw new ProofFormatException("expected 0x and an even number of hex digits");
        return Bytes.fromHex(s);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static Bytes fixed(String s, int size) {
        Bytes b = hex(s);
        if (b.size() != size)
            throw new ProofFormatException("expected " + size + " bytes, got " + b.size());
        return b;
    }
}
