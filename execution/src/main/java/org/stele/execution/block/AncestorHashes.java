package org.stele.execution.block;

import java.util.ArrayList;
import java.util.List;
import org.stele.chain.BlockHeader;
import org.stele.chain.store.BlockStore;
import org.stele.common.Bytes32;
import org.stele.state.BlockHashes;

/**
 * BLOCKHASH for a block being imported: the hashes of its own ancestors, followed by parent hash, so that a block on a
 * side branch sees its branch and not the canonical chain. Walked lazily and at most 256 deep, by the headers' parent
 * hashes only, so it also answers for ancestors that are accepted and not written yet (a dev chain's blocks written
 * behind), whose numbers the store does not index yet.
 */
public final class AncestorHashes implements BlockHashes {
    private static final int WINDOW = 256;
    private final BlockStore blocks;
    private final long number;
    /** ancestors.get(i) is the hash of block {@code number - 1 - i}. */
    private final List<Bytes32> ancestors = new ArrayList<>();
    private BlockHeader oldest;

    public AncestorHashes(BlockStore blocks, BlockHeader parent, Bytes32 parentHash) {
        this.blocks = blocks;
        this.number = parent.number() + 1;
        this.ancestors.add(parentHash);
        this.oldest = parent;
    }

    @Override
    public Bytes32 hashOf(long n) {
        if (n >= number || n < number - WINDOW || n < 0)
            return Bytes32.ZERO;
        int depth = (int) (number - 1 - n);
        while (ancestors.size() <= depth) {
            if (oldest.number() == 0)
                return Bytes32.ZERO;
            Bytes32 parent = oldest.parentHash();
            BlockHeader next = blocks.header(parent).orElse(null);
            if (next == null)
                return Bytes32.ZERO;
            ancestors.add(parent);
            oldest = next;
        }
        return ancestors.get(depth);
    }
}
