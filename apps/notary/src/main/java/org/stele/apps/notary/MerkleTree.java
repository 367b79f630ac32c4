package org.stele.apps.notary;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch tree: position-based, with RFC 6962's domain separation so that a leaf can never pass for an inner node.
 * A leaf is {@code H(0x00 || documentHash)}, an inner node {@code H(0x01 || left || right)}; each level pairs nodes
 * (0,1), (2,3), …, and an odd last node moves up unchanged (it is not paired with itself, so no two batches of
 * different sizes share a root by duplication). The root of one leaf is that leaf. H is the batch's
 * {@link HashAlgorithm}. The page's tree (web/…/apps/notary/merkle.js) implements the same rule.
 */
public final class MerkleTree {
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;
    private static final int WORD = 32;

    private final HashAlgorithm algorithm;
    /** levels[0] holds the leaves; each level's nodes are 32-byte words laid end to end. */
    private final List<byte[]> levels;
    private final int size;

    private MerkleTree(HashAlgorithm algorithm, List<byte[]> levels, int size) {
        this.algorithm = algorithm;
        this.levels = levels;
        this.size = size;
    }

    /** Which side of the running hash a sibling goes on. */
    public enum Side {
        LEFT, RIGHT
    }

    /** One step up: the sibling and its side. */
    public record Step(Side side, byte[] sibling) {
        public Step {
            if (sibling.length != WORD) throw new IllegalArgumentException("a sibling is 32 bytes");
            sibling = sibling.clone();
        }

        @Override
        public byte[] sibling() {
            return sibling.clone();
        }
    }

    /** Builds the tree over the document hashes, in their order (a document's index is its place in the batch). */
    public static MerkleTree build(HashAlgorithm algorithm, List<byte[]> documentHashes) {
        int n = documentHashes.size();
        if (n == 0) throw new IllegalArgumentException("a batch holds at least one hash");
        HashAlgorithm.Digest d = algorithm.digest();
        byte[] leaves = new byte[n * WORD];
        byte[] prefix = {LEAF};
        for (int i = 0; i < n; i++) {
            byte[] h = documentHashes.get(i);
            if (h.length != WORD) throw new IllegalArgumentException("hash " + i + " is not 32 bytes");
            d.update(prefix, 0, 1);
            d.update(h, 0, WORD);
            System.arraycopy(d.finish(), 0, leaves, i * WORD, WORD);
        }
        List<byte[]> levels = new ArrayList<>();
        levels.add(leaves);
        byte[] node = {NODE};
        for (byte[] level = leaves; level.length > WORD;) {
            int count = level.length / WORD;
            byte[] up = new byte[(count + 1) / 2 * WORD];
            for (int i = 0; i + 1 < count; i += 2) {
                d.update(node, 0, 1);
                d.update(level, i * WORD, 2 * WORD);
                System.arraycopy(d.finish(), 0, up, i / 2 * WORD, WORD);
            }
            if (count % 2 == 1) System.arraycopy(level, (count - 1) * WORD, up, (count - 1) / 2 * WORD, WORD);
            levels.add(up);
            level = up;
        }
        return new MerkleTree(algorithm, levels, n);
    }

    public int size() {
        return size;
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] root() {
        return levels.get(levels.size() - 1).clone();
    }

    /** The steps from document {@code index}'s leaf up to the root. */
    public List<Step> path(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("no document " + index + " in the batch");
        List<Step> steps = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[] level = levels.get(l);
            int count = level.length / WORD;
            int sibling = i ^ 1;
            if (sibling < count) {
                byte[] s = new byte[WORD];
                System.arraycopy(level, sibling * WORD, s, 0, WORD);
                steps.add(new Step(i % 2 == 0 ? Side.RIGHT : Side.LEFT, s));
            }
            i /= 2;
        }
        return steps;
    }

    /**
     * The sides of the steps from document {@code index} of a batch of {@code size} up to the root: the shape of its
     * path, which a verifier checks so that a proof cannot claim another place in the batch than its path leads from.
     */
    public static List<Side> sides(int index, int size) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("no document " + index + " of " + size);
        List<Side> sides = new ArrayList<>();
        for (int i = index, count = size; count > 1; i /= 2, count = (count + 1) / 2)
            if ((i ^ 1) < count) sides.add(i % 2 == 0 ? Side.RIGHT : Side.LEFT);
        return sides;
    }

    /** The root that a document hash and its path lead to. */
    public static byte[] rootOf(HashAlgorithm algorithm, byte[] documentHash, List<Step> path) {
        HashAlgorithm.Digest d = algorithm.digest();
        d.update(new byte[]{LEAF}, 0, 1);
        d.update(documentHash, 0, documentHash.length);
        byte[] running = d.finish();
        for (Step s : path) {
            d.update(new byte[]{NODE}, 0, 1);
            byte[] left = s.side() == Side.LEFT ? s.sibling() : running;
            byte[] right = s.side() == Side.LEFT ? running : s.sibling();
            d.update(left, 0, WORD);
            d.update(right, 0, WORD);
            running = d.finish();
        }
        return running;
    }
}
