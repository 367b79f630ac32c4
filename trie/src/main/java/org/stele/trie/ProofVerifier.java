package org.stele.trie;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.trie.Node.Branch;
import org.stele.trie.Node.Extension;
import org.stele.trie.Node.HashRef;
import org.stele.trie.Node.Leaf;

/**
 * Checks a Merkle proof from outside (a peer, an RPC client) against a root the caller trusts. The walk is a loop,
 * every node is found by the hash its parent names, and size limits keep a hostile proof cheap to reject.
 */
public final class ProofVerifier {
    /** More nodes than a path through a trie of 1 KiB keys could have. */
    public static final int MAX_PROOF_NODES = 4096;
    /** Total bytes across all proof nodes. */
    public static final int MAX_PROOF_BYTES = 16 * 1024 * 1024;

    private ProofVerifier() {
    }

    /**
     * Returns the value stored under {@code key} in the trie with root {@code root}, or empty if the proof shows that
     * the key is absent.
     *
     * @throws InvalidProofException
     *             if the proof does not connect {@code root} to a conclusion about {@code key}
     */
    public static Optional<Bytes> verify(Bytes32 root, Bytes key, List<Bytes> proof) throws InvalidProofException {
        if (proof.size() > MAX_PROOF_NODES)
            throw new InvalidProofException("proof has " + proof.size() + " nodes; limit is " + MAX_PROOF_NODES);
        Map<Bytes32, byte[]> byHash = new HashMap<>();
        long total = 0;
        for (Bytes node : proof) {
            total += node.size();
            if (total > MAX_PROOF_BYTES)
                throw new InvalidProofException("proof is larger than " + MAX_PROOF_BYTES + " bytes");
            byHash.put(Bytes32.wrap(Keccak256.hash(node.unsafeArray())), node.unsafeArray());
        }
        if (root.equals(Trie.EMPTY_ROOT) && !byHash.containsKey(root))
            return Optional.empty();

        byte[] path = Nibbles.fromBytes(key.unsafeArray());
        int pos = 0;
        int depth = 0;
        Node n = load(byHash, root, depth);
        while (true) {
            Node next;
            switch (n) {
                case Leaf l -> {
                    boolean match = pos + l.path.length == path.length && Nibbles.matchesAt(path, pos, l.path);
                    return match ? Optional.of(Bytes.wrap(l.value)) : Optional.empty();
                }
                case Extension e -> {
                    if (!Nibbles.matchesAt(path, pos, e.path))
                        return Optional.empty();
                    pos += e.path.length;
                    next = e.child;
                }
                case Branch b -> {
                    if (pos == path.length)
                        return b.value == null ? Optional.empty() : Optional.of(Bytes.wrap(b.value));
                    next = b.children[path[pos++]];
                    if (next == null)
                        return Optional.empty();
                }
                case HashRef h -> throw new IllegalStateException("hash references are loaded before the switch");
            }
            depth++;
            n = next instanceof HashRef h ? load(byHash, h.target, depth) : next;
        }
    }

    /** {@link #verify} for a {@link SecureTrie}: the path is the Keccak-256 hash of {@code key}. */
    public static Optional<Bytes> verifySecure(Bytes32 root, Bytes key, List<Bytes> proof)
            throws InvalidProofException {
        return verify(root, SecureTrie.hashKey(key), proof);
    }

    private static Node load(Map<Bytes32, byte[]> byHash, Bytes32 hash, int depth) throws InvalidProofException {
        byte[] enc = byHash.get(hash);
        if (enc == null) {
            throw new InvalidProofException(depth == 0
                    ? "proof does not contain the root node " + hash
                    : "proof is missing the node " + hash + " referenced at depth " + (depth - 1));
        }
        try {
            return Node.decode(enc, hash);
        } catch (TrieException e) {
            throw new InvalidProofException("proof node at depth " + depth + " is malformed: " + e.getMessage(), e);
        }
    }
}
