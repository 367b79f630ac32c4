package org.stele.chain;

import java.util.List;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.trie.MerklePatriciaTrie;

/** The root calculator a node wires in, built on module {@code trie}'s Merkle Patricia Trie. */
final class TrieRoots implements RootCalculator {
    static final TrieRoots INSTANCE = new TrieRoots();

    @Override
    public Bytes32 root(List<byte[]> items) {
        MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
        for (int i = 0; i < items.size(); i++)
            trie.put(Bytes.wrap(RootCalculator.indexKey(i)), Bytes.wrap(items.get(i)));
        return trie.rootHash();
    }
}
