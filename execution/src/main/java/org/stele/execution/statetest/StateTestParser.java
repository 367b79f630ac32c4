package org.stele.execution.statetest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;

/**
 * Reads the state-test JSON format into {@link StateTestCase}s. Every malformed field is a
 * {@link FixtureFormatException} naming the file, the test and the field, never a bare Jackson or number-format
 * exception.
 */
public final class StateTestParser {
    /** A fixture file larger than this is refused rather than read into memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final String BIGINT_PREFIX = "0x:bigint ";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StateTestParser() {
    }

    /** Parses every test in a fixture file, in the file's order. */
    public static List<StateTestCase> parseFile(Path file) {
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES)
                throw new FixtureFormatException(file + ": " + size + " bytes is over the limit of " + MAX_FILE_BYTES);
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new FixtureFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FixtureFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, root);
    }

    /** Parses the tests of an already-read JSON document; {@code file} only labels errors and results. */
    public static List<StateTestCase> parse(Path file, JsonNode root) {
        if (root == null || !root.isObject())
            throw new FixtureFormatException(file + ": expected a JSON object of named tests");
        List<StateTestCase> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            cases.add(new Ctx(file, e.getKey()).testCase(e.getValue()));
        }
        return cases;
    }

    /**
     * Parses an object of accounts keyed by address, as a state test's {@code pre} or a blockchain test's
     * {@code pre} and {@code postState} hold them; {@code file} and {@code test} label errors.
     */
    public static TreeMap<Address, FixtureAccount> accounts(Path file, String test, JsonNode node, String field) {
        return new Ctx(file, test).accounts(node, field);
    }

    /** Parses a quantity as the fixtures write it: hex with 0x, decimal, or {@code 0x:bigint 0x...}. */
    static BigInteger quantity(String text) {
        String t = text.startsWith(BIGINT_PREFIX) ? text.substring(BIGINT_PREFIX.length()) : text;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            String digits = t.substring(2);
            return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
        }
        return new BigInteger(t);
    }

    /** Carries the file and test name so that every error can say where it happened. */
    private record Ctx(Path file, String test) {
        FixtureFormatException error(String field, String why) {
            return new FixtureFormatException(file + ": test '" + test + "': " + field + ": " + why);
        }

        StateTestCase testCase(JsonNode t) {
            requireObject(t, "test");
            TreeMap<Address, FixtureAccount> pre = accounts(t.get("pre"), "pre");
            FixtureEnv env = env(requireObject(t.get("env"), "env"));
            FixtureTransaction tx = transaction(requireObject(t.get("transaction"), "transaction"));
            Map<String, List<FixturePost>> post = new LinkedHashMap<>();
            JsonNode postNode = requireObject(t.get("post"), "post");
            for (Iterator<Map.Entry<String, JsonNode>> it = postNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "post." + e.getKey();
                JsonNode arr = e.getValue();
                if (arr == null || !arr.isArray())
                    throw error(where, "expected an array");
                List<FixturePost> entries = new ArrayList<>();
                for (int i = 0; i < arr.size(); i++)
                    entries.add(post(requireObject(arr.get(i), where + "[" + i + "]"), where + "[" + i + "]", tx));
                post.put(e.getKey(), entries);
            }
            return new StateTestCase(test, file, pre, env, tx, post);
        }

        TreeMap<Address, FixtureAccount> accounts(JsonNode node, String field) {
            TreeMap<Address, FixtureAccount> accounts = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = requireObject(node, field).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = field + "." + e.getKey();
                accounts.put(address(e.getKey(), where), account(requireObject(e.getValue(), where), where));
            }
            return accounts;
        }

        FixtureAccount account(JsonNode a, String where) {
            TreeMap<Bytes32, Bytes32> storage = new TreeMap<>();
            JsonNode s = a.get("storage");
            if (s != null && !s.isNull()) {
                requireObject(s, where + ".storage");
                for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Bytes32 key = word(e.getKey(), where + ".storage key");
                    Bytes32 value = word(text(e.getValue(), where + ".storage." + e.getKey()), where + ".storage");
                    if (!value.isZero())
                        storage.put(key, value);
                }
            }
            return new FixtureAccount(uint(a, "balance", where, 256), ulong(a, "nonce", where), bytes(a, "code", where),
                    storage);
        }

        FixtureEnv env(JsonNode e) {
            return new FixtureEnv(address(text(e.get("currentCoinbase"), "env.currentCoinbase"), "env.currentCoinbase"),
                    uint(e, "currentDifficulty", "env", 256), slong(e, "currentGasLimit", "env"),
                    slong(e, "currentNumber", "env"), slong(e, "currentTimestamp", "env"),
                    e.hasNonNull("currentBaseFee") ? uint(e, "currentBaseFee", "env", 256) : null,
                    e.hasNonNull("currentRandom")
                            ? word(text(e.get("currentRandom"), "env.currentRandom"),
                                    "env.currentRandom")
                            : null,
                    e.hasNonNull("currentExcessBlobGas") ? slong(e, "currentExcessBlobGas", "env") : null);
        }

        FixtureTransaction transaction(JsonNode t) {
            String w = "transaction";
            List<Bytes> data = new ArrayList<>();
            for (JsonNode d : requireArray(t.get("data"), w + ".data"))
                data.add(hexBytes(text(d, w + ".data"), w + ".data"));
            List<BigInteger> gas = new ArrayList<>();
            for (JsonNode g : requireArray(t.get("gasLimit"), w + ".gasLimit"))
                gas.add(quantityOf(text(g, w + ".gasLimit"), w + ".gasLimit"));
            List<BigInteger> value = new ArrayList<>();
            for (JsonNode v : requireArray(t.get("value"), w + ".value"))
                value.add(quantityOf(text(v, w + ".value"), w + ".value"));
            String toText = text(t.get("to"), w + ".to");
            Address to = toText.isEmpty() ? null : address(toText, w + ".to");
            List<List<FixtureTransaction.AccessListEntry>> accessLists = null;
            if (t.hasNonNull("accessLists")) {
                accessLists = new ArrayList<>();
                for (JsonNode list : requireArray(t.get("accessLists"), w + ".accessLists"))
                    accessLists.add(list == null || list.isNull() ? null : accessList(list, w + ".accessLists"));
            }
            List<Bytes32> blobHashes = null;
            if (t.hasNonNull("blobVersionedHashes")) {
                blobHashes = new ArrayList<>();
                for (JsonNode h : requireArray(t.get("blobVersionedHashes"), w + ".blobVersionedHashes"))
                    blobHashes.add(word(text(h, w + ".blobVersionedHashes"), w + ".blobVersionedHashes"));
            }
            Bytes32 secretKey = t.hasNonNull("secretKey")
                    ? word(text(t.get("secretKey"), w + ".secretKey"), w + ".secretKey")
                    : null;
            if (!t.hasNonNull("sender"))
                throw error(w + ".sender", "missing");
            return new FixtureTransaction(data, gas, value,
                    quantityOf(text(t.get("nonce"), w + ".nonce"), w + ".nonce"),
                    address(text(t.get("sender"), w + ".sender"), w + ".sender"), secretKey, to,
                    optionalQuantity(t, "gasPrice"), optionalQuantity(t, "maxFeePerGas"),
                    optionalQuantity(t, "maxPriorityFeePerGas"), accessLists, blobHashes,
                    optionalQuantity(t, "maxFeePerBlobGas"));
        }

        List<FixtureTransaction.AccessListEntry> accessList(JsonNode list, String where) {
            List<FixtureTransaction.AccessListEntry> entries = new ArrayList<>();
            for (JsonNode e : requireArray(list, where)) {
                requireObject(e, where);
                List<Bytes32> keys = new ArrayList<>();
                for (JsonNode k : requireArray(e.get("storageKeys"), where + ".storageKeys"))
                    keys.add(word(text(k, where + ".storageKeys"), where + ".storageKeys"));
                entries.add(new FixtureTransaction.AccessListEntry(
                        address(text(e.get("address"), where + ".address"), where + ".address"), keys));
            }
            return entries;
        }

        FixturePost post(JsonNode p, String where, FixtureTransaction tx) {
            JsonNode idx = requireObject(p.get("indexes"), where + ".indexes");
            int d = index(idx, "data", where, tx.data().size());
            int g = index(idx, "gas", where, tx.gasLimit().size());
            int v = index(idx, "value", where, tx.value().size());
            Bytes32 hash = word(text(p.get("hash"), where + ".hash"), where + ".hash");
            Bytes32 logs = word(text(p.get("logs"), where + ".logs"), where + ".logs");
            Bytes txBytes = p.hasNonNull("txbytes")
                    ? hexBytes(text(p.get("txbytes"), where + ".txbytes"), where + ".txbytes")
                    : Bytes.EMPTY;
            String exception = p.hasNonNull("expectException") ? text(p.get("expectException"), where) : null;
            return new FixturePost(d, g, v, hash, logs, txBytes, exception);
        }

        int index(JsonNode idx, String name, String where, int size) {
            JsonNode n = idx.get(name);
            if (n == null || !n.canConvertToInt() || n.asInt() < 0 || n.asInt() >= size)
                throw error(where + ".indexes." + name, "must be an index below " + size + ", got " + n);
            return n.asInt();
        }

        BigInteger optionalQuantity(JsonNode t, String field) {
            return t.hasNonNull(field)
                    ? quantityOf(text(t.get(field), "transaction." + field), "transaction." + field)
                    : null;
        }

        BigInteger quantityOf(String text, String where) {
            try {
                BigInteger v = quantity(text);
                if (v.signum() < 0)
                    throw error(where, "negative quantity " + text);
                return v;
            } catch (NumberFormatException e) {
                throw error(where, "not a quantity: " + abbreviate(text));
            }
        }

        BigInteger uint(JsonNode obj, String field, String where, int bits) {
            BigInteger v = quantityOf(text(obj.get(field), where + "." + field), where + "." + field);
            if (v.bitLength() > bits)
                throw error(where + "." + field, "does not fit in " + bits + " bits");
            return v;
        }

        long ulong(JsonNode obj, String field, String where) {
            return uint(obj, field, where, 64).longValue();
        }

        long slong(JsonNode obj, String field, String where) {
            return uint(obj, field, where, 63).longValue();
        }

        Bytes bytes(JsonNode obj, String field, String where) {
            JsonNode n = obj.get(field);
            return n == null || n.isNull() ? Bytes.EMPTY : hexBytes(text(n, where + "." + field), where + "." + field);
        }

        Bytes hexBytes(String text, String where) {
            try {
                return Bytes.fromHex(text);
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }

        Bytes32 word(String text, String where) {
            try {
                byte[] b = Hex.decode(text);
                int skip = 0;
                while (b.length - skip > 32 && b[skip] == 0)
                    skip++;
                if (b.length - skip > 32)
                    throw error(where, "more than 32 bytes: " + abbreviate(text));
                return Bytes32.leftPad(java.util.Arrays.copyOfRange(b, skip, b.length));
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }

        Address address(String text, String where) {
            try {
                return Address.fromHex(text.toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }

        String text(JsonNode n, String where) {
            if (n == null || n.isNull())
                throw error(where, "missing");
            if (!n.isTextual())
                throw error(where, "expected a string, got " + n.getNodeType());
            return n.textValue();
        }

        JsonNode requireObject(JsonNode n, String where) {
            if (n == null || !n.isObject())
                throw error(where, "expected an object");
            return n;
        }

        JsonNode requireArray(JsonNode n, String where) {
            if (n == null || !n.isArray())
                throw error(where, "expected an array");
            return n;
        }

        private static String abbreviate(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }
    }
}
