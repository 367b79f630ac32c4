package org.stele.trie;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.storage.WriteBatch;

/**
 * A trie whose keys are stored as their Keccak-256 hashes, as Ethereum's world state and account storage tries
 * are: paths have a fixed length of 64 nibbles whatever the key, so an attacker cannot choose keys that make deep
 * paths. {@link #forEach} therefore yields hashed keys.
 */
public final class SecureTrie implements Trie {
    private final MerklePatriciaTrie trie;

    public SecureTrie(MerklePatriciaTrie trie) {
        this.trie = Objects.requireNonNull(trie, "trie");
    }

    public static SecureTrie empty(NodeStore store) {
        return new SecureTrie(MerklePatriciaTrie.empty(store));
    }

    public static SecureTrie load(NodeStore store, Bytes32 root) {
        return new SecureTrie(MerklePatriciaTrie.load(store, root));
    }

    public static Bytes hashKey(Bytes key) {
        return Bytes.wrap(Keccak256.hash(key.unsafeArray()));
    }

    /** The plain trie underneath, keyed by hashes. */
    public MerklePatriciaTrie underlying() {
        return trie;
    }

    @Override
    public Optional<Bytes> get(Bytes key) {
        return trie.get(hashKey(key));
    }

    @Override
    public void put(Bytes key, Bytes value) {
        trie.put(hashKey(key), value);
    }

    @Override
    public void delete(Bytes key) {
        trie.delete(hashKey(key));
    }

    @Override
    public Bytes32 rootHash() {
        return trie.rootHash();
    }

    @Override
    public Bytes32 commit(WriteBatch batch) {
        return trie.commit(batch);
    }

    @Override
    public Bytes32 commit() {
        return trie.commit();
    }

    /** The proof for the hashed key; verify it with {@link ProofVerifier#verifySecure}. */
    @Override
    public List<Bytes> proof(Bytes key) {
        return trie.proof(hashKey(key));
    }

    @Override
    public SecureTrie copy() {
        return new SecureTrie(trie.copy());
    }

    @Override
    public void forEach(EntryVisitor visitor) {
        trie.forEach(visitor);
    }
}
