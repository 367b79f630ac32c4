package org.stele.trie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.storage.InMemoryKeyValueStore;

/**
 * Properties of the trie over random contents. Keys come from a tiny alphabet so that they share prefixes and
 * exercise extensions and branch values; values range from 1 to 40 bytes so that nodes are both inlined and hashed.
 */
class TriePropertiesTest {
    @Provide
    Arbitrary<Bytes> keys() {
        return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x11, (byte) 0xff).list().ofMaxSize(5)
                .map(l -> {
                    byte[] b = new byte[l.size()];
                    for (int i = 0; i < b.length; i++)
                        b[i] = l.get(i);
                    return Bytes.wrap(b);
                });
    }

    @Provide
    Arbitrary<Bytes> values() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40).map(Bytes::wrap);
    }

    @Provide
    Arbitrary<Map<Bytes, Bytes>> contents() {
        return Arbitraries.maps(keys(), values()).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Map.Entry<Bytes, Bytes>>> operations() {
        Arbitrary<Bytes> valueOrDelete = Arbitraries.oneOf(values(), Arbitraries.just(Bytes.EMPTY));
        return Combinators.combine(keys(), valueOrDelete).as(Map::entry).list().ofMaxSize(80);
    }

    static MerklePatriciaTrie build(Map<Bytes, Bytes> contents) {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        contents.forEach(trie::put);
        return trie;
    }

    @Property(tries = 300)
    void rootDoesNotDependOnInsertionOrder(@ForAll("contents") Map<Bytes, Bytes> contents, @ForAll long seed) {
        List<Map.Entry<Bytes, Bytes>> shuffled = new ArrayList<>(contents.entrySet());
        Collections.shuffle(shuffled, new Random(seed));
        Map<Bytes, Bytes> reordered = new LinkedHashMap<>();
        shuffled.forEach(e -> reordered.put(e.getKey(), e.getValue()));
        assertThat(build(reordered).rootHash()).isEqualTo(build(new TreeMap<>(contents)).rootHash());
    }

    @Property(tries = 300)
    void insertingThenDeletingAKeyRestoresTheRoot(@ForAll("contents") Map<Bytes, Bytes> contents,
            @ForAll("keys") Bytes key, @ForAll("values") Bytes value) {
        Map<Bytes, Bytes> without = new TreeMap<>(contents);
        without.remove(key);
        MerklePatriciaTrie trie = build(without);
        Bytes32 before = trie.rootHash();
        trie.put(key, value);
        assertThat(trie.get(key)).contains(value);
        trie.delete(key);
        assertThat(trie.rootHash()).isEqualTo(before);
        assertThat(trie.get(key)).isEmpty();
    }

    @Property(tries = 300)
    void randomOperationsMatchAMapModel(@ForAll("operations") List<Map.Entry<Bytes, Bytes>> ops) {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        TreeMap<Bytes, Bytes> model = new TreeMap<>();
        for (Map.Entry<Bytes, Bytes> op : ops) {
            trie.put(op.getKey(), op.getValue());
            if (op.getValue().isEmpty())
                model.remove(op.getKey());
            else
                model.put(op.getKey(), op.getValue());
        }
        Map<Bytes, Bytes> iterated = new LinkedHashMap<>();
        trie.forEach((k, v) -> {
            iterated.put(k, v);
            return true;
        });
        assertThat(iterated).containsExactlyEntriesOf(model);
        assertThat(trie.rootHash()).isEqualTo(build(model).rootHash());
        assertThat(model.isEmpty()).isEqualTo(trie.rootHash().equals(Trie.EMPTY_ROOT));
    }

    @Property(tries = 300)
    void proofsVerifyForPresentAndAbsentKeys(@ForAll("contents") Map<Bytes, Bytes> contents,
            @ForAll("keys") Bytes probe) throws InvalidProofException {
        MerklePatriciaTrie trie = build(contents);
        Bytes32 root = trie.rootHash();
        for (Map.Entry<Bytes, Bytes> e : contents.entrySet())
            assertThat(ProofVerifier.verify(root, e.getKey(), trie.proof(e.getKey()))).contains(e.getValue());
        assertThat(ProofVerifier.verify(root, probe, trie.proof(probe))).isEqualTo(trie.get(probe));
    }

    @Property(tries = 200)
    void committedTrieReloadsWithTheSameContent(@ForAll("contents") Map<Bytes, Bytes> contents,
            @ForAll("operations") List<Map.Entry<Bytes, Bytes>> later) {
        NodeStore store = NodeStore.of(new InMemoryKeyValueStore());
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
        contents.forEach(trie::put);
        Bytes32 first = trie.commit();
        later.forEach(e -> trie.put(e.getKey(), e.getValue()));
        Bytes32 second = trie.commit();

        MerklePatriciaTrie reloadedFirst = MerklePatriciaTrie.load(store, first);
        for (Map.Entry<Bytes, Bytes> e : contents.entrySet())
            assertThat(reloadedFirst.get(e.getKey())).contains(e.getValue());
        assertThat(reloadedFirst.rootHash()).isEqualTo(first);

        MerklePatriciaTrie reloadedSecond = MerklePatriciaTrie.load(store, second);
        List<Bytes> keys = new ArrayList<>(contents.keySet());
        later.forEach(e -> keys.add(e.getKey()));
        for (Bytes k : keys)
            assertThat(reloadedSecond.get(k)).isEqualTo(trie.get(k));
        later.forEach(e -> reloadedFirst.put(e.getKey(), e.getValue()));
        assertThat(reloadedFirst.rootHash()).isEqualTo(second);
    }

    @Property(tries = 500)
    void garbageProofsFailOnlyWithInvalidProofException(@ForAll byte[] garbage, @ForAll("keys") Bytes key) {
        Bytes32 root = Bytes32.wrap(org.stele.common.crypto.Keccak256.hash(garbage));
        java.util.Optional<Bytes> result;
        try {
            result = ProofVerifier.verify(root, key, List.of(Bytes.wrap(garbage)));
        } catch (InvalidProofException expected) {
            assertThat(expected).hasMessageContaining("proof");
            return;
        }
        // accepted garbage must be a trie node: one RLP list of 2 (leaf, extension) or 17 (branch) items, and a value
        // it proves must come from inside it
        org.stele.common.rlp.RlpReader node = org.stele.common.rlp.RlpReader.of(garbage);
        org.stele.common.rlp.RlpReader items = node.readList();
        node.requireEnd();
        int count = 0;
        for (; items.hasNext(); count++)
            items.skip();
        assertThat(count).isIn(2, 17);
        result.ifPresent(v -> assertThat(Bytes.wrap(garbage).toHex()).contains(v.toHex().substring(2)));
    }
}
