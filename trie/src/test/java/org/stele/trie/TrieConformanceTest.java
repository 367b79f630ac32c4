package org.stele.trie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.storage.InMemoryKeyValueStore;

/** Every case of ethereum-tests' TrieTests, run against the trie and against a reload of it from its store. */
class TrieConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path trieTests() {
        String shared = System.getProperty("stele.shared.dir");
        Path dir = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
        return dir.resolve("ethereum-tests").resolve("TrieTests");
    }

    /** One operation of a case: a null value deletes. */
    record Op(Bytes key, Bytes value) {}

    @TestFactory
    Stream<DynamicTest> trietest() throws IOException {
        return cases("trietest.json", false);
    }

    @TestFactory
    Stream<DynamicTest> trietestSecureTrie() throws IOException {
        return cases("trietest_secureTrie.json", true);
    }

    @TestFactory
    Stream<DynamicTest> trieanyorder() throws IOException {
        return cases("trieanyorder.json", false);
    }

    @TestFactory
    Stream<DynamicTest> trieanyorderSecureTrie() throws IOException {
        return cases("trieanyorder_secureTrie.json", true);
    }

    @TestFactory
    Stream<DynamicTest> hexEncodedSecureTrie() throws IOException {
        return cases("hex_encoded_securetrie_test.json", true);
    }

    @TestFactory
    Stream<DynamicTest> trietestnextprev() throws IOException {
        JsonNode root = JSON.readTree(trieTests().resolve("trietestnextprev.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> c = it.next();
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
                for (JsonNode k : c.getValue().get("in"))
                    trie.put(parse(k.asText(), false), parse(k.asText(), false));
                List<Bytes> keys = new ArrayList<>();
                trie.forEach((k, v) -> keys.add(k));
                for (JsonNode t : c.getValue().get("tests")) {
                    Bytes probe = parse(t.get(0).asText(), false);
                    assertThat(neighbour(keys, probe, false)).as("prev of %s", t.get(0))
                            .isEqualTo(parse(t.get(1).asText(), false));
                    assertThat(neighbour(keys, probe, true)).as("next of %s", t.get(0))
                            .isEqualTo(parse(t.get(2).asText(), false));
                }
            }));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    /** The nearest key strictly after (or before) {@code probe} in trie iteration order; empty if none. */
    private static Bytes neighbour(List<Bytes> keysInTrieOrder, Bytes probe, boolean next) {
        Bytes found = Bytes.EMPTY;
        for (Bytes k : keysInTrieOrder) {
            int cmp = k.compareTo(probe);
            if (next && cmp > 0)
                return k;
            if (!next && cmp < 0)
                found = k;
        }
        return found;
    }

    private Stream<DynamicTest> cases(String file, boolean secure) throws IOException {
        JsonNode root = JSON.readTree(trieTests().resolve(file).toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> c = it.next();
            boolean hex = c.getValue().path("hexEncoded").asBoolean(false);
            List<Op> ops = new ArrayList<>();
            JsonNode in = c.getValue().get("in");
            if (in.isArray()) {
                for (JsonNode pair : in)
                    ops.add(new Op(parse(pair.get(0).asText(), hex),
                            pair.get(1).isNull() ? null : parse(pair.get(1).asText(), hex)));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> f = in.fields(); f.hasNext();) {
                    Map.Entry<String, JsonNode> e = f.next();
                    ops.add(new Op(parse(e.getKey(), hex),
                            e.getValue().isNull() ? null : parse(e.getValue().asText(), hex)));
                }
            }
            Bytes32 expected = Bytes32.fromHex(c.getValue().get("root").asText());
            tests.add(DynamicTest.dynamicTest(file + " " + c.getKey(), () -> run(ops, secure, expected)));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private static void run(List<Op> ops, boolean secure, Bytes32 expected) {
        NodeStore store = NodeStore.of(new InMemoryKeyValueStore());
        Trie trie = secure ? SecureTrie.empty(store) : MerklePatriciaTrie.empty(store);
        for (Op op : ops) {
            if (op.value() == null)
                trie.delete(op.key());
            else
                trie.put(op.key(), op.value());
        }
        assertThat(trie.rootHash()).isEqualTo(expected);
        if (ops.stream().allMatch(op -> op.value() != null)) {
            // Without deletes the content is order-independent, so the reverse order must give the same root.
            Trie reversed = secure ? SecureTrie.empty(NodeStore.inMemory()) : MerklePatriciaTrie.inMemory();
            for (Op op : lastWrites(ops).reversed())
                reversed.put(op.key(), op.value());
            assertThat(reversed.rootHash()).isEqualTo(expected);
        }
        assertThat(trie.commit()).isEqualTo(expected);
        Trie reloaded = secure ? SecureTrie.load(store, expected) : MerklePatriciaTrie.load(store, expected);
        assertThat(reloaded.rootHash()).isEqualTo(expected);
        for (Op op : lastWrites(ops))
            assertThat(reloaded.get(op.key()).orElse(Bytes.EMPTY))
                    .isEqualTo(op.value() == null ? Bytes.EMPTY : op.value());
    }

    private static List<Op> lastWrites(List<Op> ops) {
        Map<Bytes, Op> last = new java.util.LinkedHashMap<>();
        for (Op op : ops)
            last.put(op.key(), op);
        return List.copyOf(last.values());
    }

    /** Fixture strings are hex when they start with 0x (or the case says hexEncoded), UTF-8 text otherwise. */
    static Bytes parse(String s, boolean hex) {
        if (hex || s.startsWith("0x"))
            return Bytes.wrap(Hex.decode(s));
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
