package org.stele.trie;

import java.util.List;
import java.util.Optional;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.storage.WriteBatch;

/**
 * A mutable map from byte keys to non-empty byte values with a Merkle root. Changes are held in memory until
 * {@link #commit(WriteBatch)} stages the new nodes; the root can be computed at any time without writing.
 */
public interface Trie {
    /** Keccak-256 of the RLP of an empty string: the root of a trie with no entries. */
    Bytes32 EMPTY_ROOT = Bytes32.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

    /**
     * @throws TrieException
     *             when a node on the path is missing from the store or malformed
     */
    Optional<Bytes> get(Bytes key);

    /** Sets {@code key} to {@code value}; an empty value deletes the key, as in Ethereum. */
    void put(Bytes key, Bytes value);

    void delete(Bytes key);

    Bytes32 rootHash();

    /** Adds every node created since the last commit to {@code batch} and returns the root. */
    Bytes32 commit(WriteBatch batch);

    /** Writes every node created since the last commit to the trie's own store in one batch. */
    Bytes32 commit();

    /**
     * The nodes from the root towards {@code key}, each as RLP, as {@code eth_getProof} returns them: every node
     * referenced by hash on the path, the root always included. Proves presence or absence alike.
     */
    List<Bytes> proof(Bytes key);

    /** An independent trie with the same content; changes to one do not affect the other. Costs O(1). */
    Trie copy();

    /** Visits entries in key order (unsigned lexicographic) until the visitor returns {@code false}. */
    void forEach(EntryVisitor visitor);

    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(Bytes key, Bytes value);
    }
}
