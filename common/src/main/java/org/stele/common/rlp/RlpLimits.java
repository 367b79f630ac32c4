package org.stele.common.rlp;

/**
 * Bounds on what a generic decode will accept, so that input from outside cannot make the decoder allocate or nest
 * without limit. A decoded item costs tens of bytes of heap however short its encoding, hence the separate item
 * count.
 *
 * @param maxSize
 *            the largest encoding accepted, in bytes
 * @param maxDepth
 *            the deepest list nesting accepted (a top-level list is depth 1)
 * @param maxItems
 *            the most items (strings and lists, at every level) one decode may produce
 */
public record RlpLimits(int maxSize, int maxDepth, int maxItems) {
    /** Generous for anything Ethereum puts in RLP (blocks are at most a few MiB, nesting a handful of levels). */
    public static final RlpLimits DEFAULT = new RlpLimits(16 * 1024 * 1024, 1024, 1 << 20);

    public RlpLimits {
        if (maxSize < 0 || maxDepth < 0 || maxItems < 0)
            throw new IllegalArgumentException("limits must not be negative");
    }

    public RlpLimits withMaxSize(int size) {
        return new RlpLimits(size, maxDepth, maxItems);
    }

    public RlpLimits withMaxDepth(int depth) {
        return new RlpLimits(maxSize, depth, maxItems);
    }

    public RlpLimits withMaxItems(int items) {
        return new RlpLimits(maxSize, maxDepth, items);
    }
}
