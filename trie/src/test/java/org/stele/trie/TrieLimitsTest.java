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
import org.stele.common.crypto.Keccak256;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;

/**
 * The trie's bounds exactly at their limits (proof size, key length, inline child size), a visitor that stops early,
 * and {@link SecureTrie}'s commit, copy and iteration. Two PIT mutants in this module are equivalent: the
 * {@code a.length - aOff} of {@code Nibbles.commonPrefix} (every caller passes {@code aOff = 0}) and the
 * {@code return true} of {@code visit} for an absent node (only the top-level call can see one, and
 * {@code forEach} ignores its result). The size arithmetic in {@code Node.encode} only sizes a writer's first
 * buffer, which grows as needed.
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

    /** Puts every one of {@link #KEYS} with a value too long to be inlined, and commits to the trie's store. */
    private static Bytes32 putKeysAndCommit(Trie trie) {
        for (String k : KEYS)
            trie.put(text(k), text("a value long enough to be stored by hash: " + k));
        return trie.commit();
    }

    @Test
    void forEachStopsInsideTheTrieLoadedFromTheStoreToo() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        Bytes32 root = putKeysAndCommit(MerklePatriciaTrie.empty(NodeStore.of(kv)));
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
        Bytes32 root = putKeysAndCommit(trie);
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

    @Test
    void aKeyThatIsAPrefixOfAnotherBelowTheRootIsStoredBesideIt() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        Bytes longKey = Bytes.of((byte) 0x10, (byte) 0x11, (byte) 0x22, (byte) 0x33);
        Bytes shortKey = Bytes.of((byte) 0x10, (byte) 0x11);
        trie.put(longKey, text("long"));
        trie.put(Bytes.of((byte) 0x20), text("root is a branch"));
        trie.put(shortKey, text("short"));
        assertThat(trie.get(shortKey)).contains(text("short"));
        assertThat(trie.get(longKey)).contains(text("long"));
        assertThat(trie.get(Bytes.of((byte) 0x10))).isEmpty();
    }

    @Test
    void anInlineChildOf31BytesIsReadAndOneOf32Refused() {
        assertThat(MerklePatriciaTrie.load(storeHolding(branchWithInlineLeaf(28)), rootOf(branchWithInlineLeaf(28)))
                .get(Bytes.EMPTY)).isEmpty();
        byte[] tooBig = branchWithInlineLeaf(29);
        assertThatThrownBy(() -> MerklePatriciaTrie.load(storeHolding(tooBig), rootOf(tooBig)))
                .isInstanceOf(TrieException.class).hasMessageContaining("inline child of 32 bytes");
    }

    /** A branch whose first child is embedded: a leaf with an empty path and a value of {@code valueSize} bytes. */
    private static byte[] branchWithInlineLeaf(int valueSize) {
        byte[] value = new byte[valueSize];
        java.util.Arrays.fill(value, (byte) 0x55);
        byte[] leaf = new org.stele.common.rlp.RlpWriter().startList().writeBytes(new byte[]{0x20}).writeBytes(value)
                .endList().toByteArray();
        assertThat(leaf).hasSize(valueSize + 3);
        org.stele.common.rlp.RlpWriter w = new org.stele.common.rlp.RlpWriter().startList().writeRaw(leaf);
        for (int i = 0; i < 16; i++)
            w.writeBytes(new byte[0]);
        return w.endList().toByteArray();
    }

    private static NodeStore storeHolding(byte[] node) {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        kv.put(Segment.TRIE_NODES, Bytes.wrap(rootOf(node).unsafeArray()), Bytes.wrap(node));
        return NodeStore.of(kv);
    }

    private static Bytes32 rootOf(byte[] node) {
        return Bytes32.wrap(Keccak256.hash(node));
    }

    @Test
    void aMissingNodeNamesTheSegmentItWasLookedUpIn() {
        Bytes32 unknown = rootOf(new byte[]{1});
        assertThatThrownBy(() -> MerklePatriciaTrie.load(NodeStore.inMemory(), unknown))
                .isInstanceOf(TrieException.class).hasMessageContaining("in segment " + Segment.TRIE_NODES);
        assertThat(NodeStore.inMemory().segment()).isEqualTo(Segment.TRIE_NODES);
    }
}
