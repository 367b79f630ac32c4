package org.stele.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.trie.MerklePatriciaTrieTest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.WriteBatch;

/**
 * The trie's bounds exactly at their limits (proof size, key length), a visitor that stops early, and
 * {@link SecureTrie}'s commit, copy and iteration.
 */
class TrieLimitsTest {

    private static MerklePatriciaTrie smallTrie() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        for (int i = 0; i < 40; i++)
            trie.put(text("key " + i), text("a value long enough to be stored by hash, number " + i));
        return trie;
    }

    @Test
    void aProofOfExactlyTheMostNodesAllowedIsVerified() throws InvalidProofException {
        MerklePatriciaTrie trie = smallTrie();
        List<Bytes> proof = new ArrayList<>(trie.proof(text("key 7")));
        Bytes root = proof.get(0);
        while (proof.size() < ProofVerifier.MAX_PROOF_NODES)
            proof.add(root);
        assertThat(ProofVerifier.verify(trie.rootHash(), text("key 7"), proof)).contains(text(
                "a value long enough to be stored by hash, number 7"));
        proof.add(root);
        assertThatThrownBy(() -> ProofVerifier.verify(trie.rootHash(), text("key 7"), proof))
                .isInstanceOf(InvalidProofException.class).hasMessageContaining("limit is 4096");
    }

    @Test
    void aProofOfExactlyTheMostBytesAllowedIsVerifiedAndOneByteMoreRefused() throws InvalidProofException {
        MerklePatriciaTrie trie = smallTrie();
        List<Bytes> proof = new ArrayList<>(trie.proof(text("key 7")));
        long size = 0;
        for (Bytes node : proof)
            size += node.size();
        // a node nothing refers to is hashed but never read: it only counts towards the size
        List<Bytes> atLimit = new ArrayList<>(proof);
        atLimit.add(Bytes.wrap(new byte[(int) (ProofVerifier.MAX_PROOF_BYTES - size)]));
        assertThat(ProofVerifier.verify(trie.rootHash(), text("key 7"), atLimit)).isPresent();
        List<Bytes> overLimit = new ArrayList<>(proof);
        overLimit.add(Bytes.wrap(new byte[(int) (ProofVerifier.MAX_PROOF_BYTES - size + 1)]));
        assertThatThrownBy(() -> ProofVerifier.verify(trie.rootHash(), text("key 7"), overLimit))
                .isInstanceOf(InvalidProofException.class).hasMessageContaining("larger than");
    }

    @Test
    void getDeleteAndProofAcceptAKeyAtTheLengthLimitAndRefuseOneByteMore() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        Bytes longest = Bytes.wrap(new byte[MerklePatriciaTrie.MAX_KEY_BYTES]);
        Bytes tooLong = Bytes.wrap(new byte[MerklePatriciaTrie.MAX_KEY_BYTES + 1]);
        trie.put(longest, text("deep"));
        assertThat(trie.proof(longest)).isNotEmpty();
        trie.delete(longest);
        assertThat(trie.get(longest)).isEmpty();
        assertThat(trie.rootHash()).isEqualTo(Trie.EMPTY_ROOT);
        assertThatThrownBy(() -> trie.get(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit is 1024");
        assertThatThrownBy(() -> trie.delete(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit is 1024");
        assertThatThrownBy(() -> trie.proof(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit is 1024");
    }

    /** Keys chosen so that entries sit in leaves, in branch values ("a" under "ab") and behind extensions. */
    private static final List<String> KEYS = List.of("a", "ab", "abc", "abd", "b", "ba", "c", "cat", "cow", "dog");

    @Test
    void forEachStopsRightAfterTheVisitorReturnsFalse() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        for (String k : KEYS)
            trie.put(text(k), text("value of " + k));
        for (int stopAfter = 1; stopAfter <= KEYS.size(); stopAfter++) {
            List<String> seen = new ArrayList<>();
            int limit = stopAfter;
            trie.forEach((key, value) -> {
                seen.add(new String(key.toArray(), java.nio.charset.StandardCharsets.UTF_8));
                return seen.size() < limit;
            });
            assertThat(seen).containsExactlyElementsOf(KEYS.subList(0, stopAfter));
        }
    }

    @Test
    void forEachStopsInsideTheTrieLoadedFromTheStoreToo() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(NodeStore.of(kv));
        for (String k : KEYS)
            trie.put(text(k), text("a value long enough to be stored by hash: " + k));
        Bytes32 root = trie.commit();
        MerklePatriciaTrie loaded = MerklePatriciaTrie.load(NodeStore.of(kv), root);
        List<Bytes> seen = new ArrayList<>();
        loaded.forEach((key, value) -> {
            seen.add(key);
            return seen.size() < 5;
        });
        assertThat(seen).containsExactly(text("a"), text("ab"), text("abc"), text("abd"), text("b"));
    }

    @Test
    void secureTrieCommitsToItsStoreAndLoadsBackFromTheRoot() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        SecureTrie trie = SecureTrie.empty(NodeStore.of(kv));
        for (String k : KEYS)
            trie.put(text(k), text("a value long enough to be stored by hash: " + k));
        Bytes32 root = trie.commit();
        assertThat(root).isEqualTo(trie.rootHash()).isNotEqualTo(Trie.EMPTY_ROOT);
        SecureTrie loaded = SecureTrie.load(NodeStore.of(kv), root);
        assertThat(loaded.rootHash()).isEqualTo(root);
        for (String k : KEYS)
            assertThat(loaded.get(text(k))).contains(text("a value long enough to be stored by hash: " + k));
        assertThat(loaded.get(text("absent"))).isEmpty();
    }

    @Test
    void secureTrieCommitIntoABatchWritesNothingUntilTheBatchIsWritten() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        SecureTrie trie = SecureTrie.empty(NodeStore.of(kv));
        trie.put(text("alice"), text("a value long enough to be stored by hash, alice"));
        trie.put(text("bob"), text("a value long enough to be stored by hash, bob"));
        WriteBatch batch = new WriteBatch();
        Bytes32 root = trie.commit(batch);
        assertThat(root).isEqualTo(trie.rootHash());
        assertThat(batch.isEmpty()).isFalse();
        assertThatThrownBy(() -> SecureTrie.load(NodeStore.of(kv), root)).isInstanceOf(TrieException.class);
        kv.write(batch);
        assertThat(SecureTrie.load(NodeStore.of(kv), root).get(text("bob")))
                .contains(text("a value long enough to be stored by hash, bob"));
    }

    @Test
    void secureTrieCopiesChangeIndependently() {
        SecureTrie trie = SecureTrie.empty(NodeStore.inMemory());
        trie.put(text("dog"), text("puppy"));
        Bytes32 before = trie.rootHash();
        SecureTrie copy = trie.copy();
        assertThat(copy.rootHash()).isEqualTo(before);
        copy.put(text("horse"), text("stallion"));
        copy.delete(text("dog"));
        assertThat(trie.rootHash()).isEqualTo(before);
        assertThat(trie.get(text("dog"))).contains(text("puppy"));
        assertThat(trie.get(text("horse"))).isEmpty();
        assertThat(copy.get(text("horse"))).contains(text("stallion"));
        assertThat(copy.get(text("dog"))).isEmpty();
    }

    @Test
    void secureTrieIsThePlainTrieKeyedByHashesAndVisitsHashedKeysInOrder() {
        SecureTrie trie = SecureTrie.empty(NodeStore.inMemory());
        MerklePatriciaTrie plain = MerklePatriciaTrie.inMemory();
        TreeMap<String, Bytes> expected = new TreeMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 30; i++) {
            Bytes key = text("account " + random.nextInt());
            Bytes value = text("balance " + i);
            trie.put(key, value);
            plain.put(SecureTrie.hashKey(key), value);
            expected.put(SecureTrie.hashKey(key).toHex(), value);
        }
        assertThat(trie.rootHash()).isEqualTo(plain.rootHash());
        assertThat(trie.underlying().rootHash()).isEqualTo(plain.rootHash());
        List<String> keys = new ArrayList<>();
        trie.forEach((key, value) -> {
            assertThat(value).isEqualTo(expected.get(key.toHex()));
            keys.add(key.toHex());
            return true;
        });
        // lower-case hex of equal length sorts like the unsigned bytes
        assertThat(keys).containsExactlyElementsOf(expected.keySet());
        List<String> firstThree = new ArrayList<>();
        trie.forEach((key, value) -> {
            firstThree.add(key.toHex());
            return firstThree.size() < 3;
        });
        assertThat(firstThree).containsExactlyElementsOf(keys.subList(0, 3));
    }
}
