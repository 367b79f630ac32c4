package org.stele.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.common.rlp.RlpWriter;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.Snapshot;
import org.stele.storage.WriteBatch;

class MerklePatriciaTrieTest {
    static Bytes text(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static Bytes random32(Random random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Bytes.wrap(b);
    }

    @Test
    void emptyTrieHasTheKeccakOfAnEmptyRlpString() {
        assertThat(MerklePatriciaTrie.inMemory().rootHash()).isEqualTo(Trie.EMPTY_ROOT);
        assertThat(Trie.EMPTY_ROOT.unsafeArray()).isEqualTo(Keccak256.hash(new byte[]{(byte) 0x80}));
    }

    @Test
    void singleShortEntryRootIsTheHashOfItsLeaf() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        trie.put(text("do"), text("verb"));
        byte[] leaf = new RlpWriter().startList().writeBytes(new byte[]{0x20, 0x64, 0x6f}).writeBytes(text("verb"))
                .endList().toByteArray();
        assertThat(trie.rootHash()).isEqualTo(Bytes32.wrap(Keccak256.hash(leaf)));
    }

    @Test
    void puttingAnEmptyValueDeletesTheKey() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        trie.put(text("dog"), text("puppy"));
        trie.put(text("dog"), Bytes.EMPTY);
        assertThat(trie.get(text("dog"))).isEmpty();
        assertThat(trie.rootHash()).isEqualTo(Trie.EMPTY_ROOT);
    }

    @Test
    void copiesChangeIndependently() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        trie.put(text("dog"), text("puppy"));
        Bytes32 before = trie.rootHash();
        MerklePatriciaTrie copy = trie.copy();
        copy.put(text("horse"), text("stallion"));
        assertThat(trie.rootHash()).isEqualTo(before);
        assertThat(trie.get(text("horse"))).isEmpty();
        assertThat(copy.get(text("horse"))).contains(text("stallion"));
    }

    @Test
    void loadingARootThatWasNeverCommittedFailsClearly() {
        Bytes32 unknown = Bytes32.wrap(Keccak256.hash(new byte[]{1}));
        assertThatThrownBy(() -> MerklePatriciaTrie.load(NodeStore.inMemory(), unknown))
                .isInstanceOf(TrieException.class).hasMessageContaining("missing trie node " + unknown);
    }

    @Test
    void loadingTheEmptyRootNeedsNothingInTheStore() {
        assertThat(MerklePatriciaTrie.load(NodeStore.inMemory(), Trie.EMPTY_ROOT).get(text("x"))).isEmpty();
    }

    @Test
    void aTrieAndItsCopiesKeepTheStoreTheyWereOpenedOn() {
        NodeStore store = NodeStore.inMemory();
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
        trie.put(text("k"), text("v"));
        assertThat(trie.store()).isSameAs(store);
        assertThat(trie.copy().store()).isSameAs(store);
        assertThat(MerklePatriciaTrie.load(store, trie.commit()).store()).isSameAs(store);
    }

    @Test
    void commitWritesOnlyNodesCreatedSinceTheLastCommit() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(NodeStore.of(kv));
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++)
            trie.put(random32(random), random32(random));
        trie.commit();
        WriteBatch batch = new WriteBatch();
        trie.put(random32(random), random32(random));
        trie.commit(batch);
        // Root, at most a couple of branches down to the new leaf: never the whole trie again.
        assertThat(batch.size()).isBetween(2, 6);
        assertThat(trie.commit(new WriteBatch())).isEqualTo(trie.rootHash());
    }

    @Test
    void commitIntoACallersBatchWritesNothingUntilTheBatchIsWritten() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        NodeStore store = NodeStore.of(kv);
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
        for (int i = 0; i < 50; i++)
            trie.put(text("key" + i), text("value number " + i + " that is long enough to be hashed"));
        WriteBatch batch = new WriteBatch().put(Segment.CHAIN_METADATA, text("head"), text("block 1"));
        Bytes32 root = trie.commit(batch);
        assertThatThrownBy(() -> MerklePatriciaTrie.load(store, root)).isInstanceOf(TrieException.class);
        kv.write(batch);
        assertThat(MerklePatriciaTrie.load(store, root).get(text("key7")))
                .contains(text("value number 7 that is long enough to be hashed"));
        assertThat(kv.get(Segment.CHAIN_METADATA, text("head"))).contains(text("block 1"));
    }

    @Test
    void aSnapshotKeepsServingTheRootItWasTakenAt() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        MerklePatriciaTrie trie = MerklePatriciaTrie.empty(NodeStore.of(kv));
        trie.put(text("a"), text("1"));
        Bytes32 root = trie.commit();
        try (Snapshot snap = kv.snapshot()) {
            kv.delete(Segment.TRIE_NODES, Bytes.wrap(root.unsafeArray()));
            MerklePatriciaTrie old = MerklePatriciaTrie.load(NodeStore.readOnly(snap, Segment.TRIE_NODES), root);
            assertThat(old.get(text("a"))).contains(text("1"));
            old.put(text("b"), text("2"));
            assertThatThrownBy(old::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void committedTrieSurvivesReopeningRocksDb(@TempDir Path dir) {
        Random random = new Random(7);
        List<Bytes> keys = new ArrayList<>();
        Bytes32 root;
        try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
            SecureTrie trie = SecureTrie.empty(NodeStore.of(kv));
            for (int i = 0; i < 300; i++) {
                Bytes k = random32(random);
                keys.add(k);
                trie.put(k, k);
            }
            root = trie.commit();
        }
        try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
            SecureTrie trie = SecureTrie.load(NodeStore.of(kv), root);
            for (Bytes k : keys)
                assertThat(trie.get(k)).contains(k);
            assertThat(trie.rootHash()).isEqualTo(root);
        }
    }

    @Test
    void secureTrieProofsVerifyWithThePlainKey() throws InvalidProofException {
        SecureTrie trie = SecureTrie.empty(NodeStore.inMemory());
        trie.put(text("alice"), text("100"));
        trie.put(text("bob"), text("200"));
        assertThat(ProofVerifier.verifySecure(trie.rootHash(), text("bob"), trie.proof(text("bob"))))
                .contains(text("200"));
        assertThat(ProofVerifier.verifySecure(trie.rootHash(), text("carol"), trie.proof(text("carol")))).isEmpty();
    }

    @Test
    void emptyTrieProvesAbsenceWithAnEmptyProof() throws InvalidProofException {
        assertThat(MerklePatriciaTrie.inMemory().proof(text("x"))).isEmpty();
        assertThat(ProofVerifier.verify(Trie.EMPTY_ROOT, text("x"), List.of())).isEmpty();
    }

    private static MerklePatriciaTrie bigTrie() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        Random random = new Random(3);
        for (int i = 0; i < 500; i++)
            trie.put(random32(random), random32(random));
        trie.put(text("target"), text("the value"));
        return trie;
    }

    @Test
    void everyTamperedByteOfAProofIsRejected() {
        MerklePatriciaTrie trie = bigTrie();
        List<Bytes> proof = trie.proof(text("target"));
        assertThat(proof.size()).isGreaterThan(1);
        for (int node = 0; node < proof.size(); node++) {
            byte[] original = proof.get(node).toArray();
            for (int i = 0; i < original.length; i++) {
                byte[] tampered = original.clone();
                tampered[i] ^= 0x01;
                List<Bytes> bad = new ArrayList<>(proof);
                bad.set(node, Bytes.wrap(tampered));
                assertThatThrownBy(() -> ProofVerifier.verify(trie.rootHash(), text("target"), bad))
                        .isInstanceOf(InvalidProofException.class).hasMessageContaining("proof");
            }
        }
    }

    @Test
    void proofWithAMissingNodeNamesTheDepth() {
        MerklePatriciaTrie trie = bigTrie();
        List<Bytes> proof = new ArrayList<>(trie.proof(text("target")));
        proof.remove(1);
        assertThatThrownBy(() -> ProofVerifier.verify(trie.rootHash(), text("target"), proof))
                .isInstanceOf(InvalidProofException.class).hasMessageContaining("missing the node")
                .hasMessageContaining("depth 0");
    }

    @Test
    void proofForAnotherRootIsRejected() {
        MerklePatriciaTrie trie = bigTrie();
        List<Bytes> proof = trie.proof(text("target"));
        trie.put(text("other"), text("x"));
        assertThatThrownBy(() -> ProofVerifier.verify(trie.rootHash(), text("target"), proof))
                .isInstanceOf(InvalidProofException.class).hasMessageContaining("root node");
    }

    @Test
    void oversizedProofIsRejectedBeforeHashing() {
        List<Bytes> proof = new ArrayList<>();
        for (int i = 0; i <= ProofVerifier.MAX_PROOF_NODES; i++)
            proof.add(Bytes.of((byte) 0xc0));
        assertThatThrownBy(() -> ProofVerifier.verify(Trie.EMPTY_ROOT, text("x"), proof))
                .isInstanceOf(InvalidProofException.class).hasMessageContaining("limit");
    }

    @Test
    void malformedNodeInTheStoreIsATrieException() {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        byte[] junk = new byte[]{(byte) 0xc3, (byte) 0x80, (byte) 0x80, (byte) 0x80};
        Bytes32 hash = Bytes32.wrap(Keccak256.hash(junk));
        kv.put(Segment.TRIE_NODES, Bytes.wrap(hash.unsafeArray()), Bytes.wrap(junk));
        assertThatThrownBy(() -> MerklePatriciaTrie.load(NodeStore.of(kv), hash)).isInstanceOf(TrieException.class)
                .hasMessageContaining("3 items");
    }

    @Test
    void orderedRootKeysItemsByTheRlpOfTheirIndex() {
        List<byte[]> items = new ArrayList<>();
        MerklePatriciaTrie expected = MerklePatriciaTrie.inMemory();
        for (int i = 0; i < 130; i++) {
            byte[] item = ("item " + i).getBytes(StandardCharsets.UTF_8);
            items.add(item);
            Bytes key = i == 0 ? Bytes.fromHex("80") : i < 128 ? Bytes.of((byte) i) : Bytes.of((byte) 0x81, (byte) i);
            expected.put(key, Bytes.wrap(item));
        }
        assertThat(MerklePatriciaTrie.orderedRoot(items)).isEqualTo(expected.rootHash());
        assertThat(MerklePatriciaTrie.orderedRoot(List.of())).isEqualTo(Trie.EMPTY_ROOT);
    }

    @Test
    void keysLongerThanTheLimitAreRejected() {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        Bytes longest = Bytes.wrap(new byte[MerklePatriciaTrie.MAX_KEY_BYTES]);
        trie.put(longest, text("deep"));
        assertThat(trie.get(longest)).contains(text("deep"));
        Bytes tooLong = Bytes.wrap(new byte[MerklePatriciaTrie.MAX_KEY_BYTES + 1]);
        assertThatThrownBy(() -> trie.put(tooLong, text("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }
}
