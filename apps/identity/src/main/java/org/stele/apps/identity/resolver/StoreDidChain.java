package org.stele.apps.identity.resolver;

import java.util.List;
import java.util.OptionalLong;
import org.stele.common.Address;
import org.stele.execution.chainstore.KeyValueBlockStore;

/** A node's own chain: headers from its block store, histories from its {@link DidIndex}. */
public final class StoreDidChain implements DidChain {
    private final KeyValueBlockStore blocks;
    private final DidIndex index;
    private final long chainId;

    /** {@code index} must be registered with {@code blocks}. */
    public StoreDidChain(KeyValueBlockStore blocks, DidIndex index, long chainId) {
        this.blocks = blocks;
        this.index = index;
        this.chainId = chainId;
    }

    @Override
    public long chainId() {
        return chainId;
    }

    @Override
    public long headNumber() {
        return blocks.head().orElseThrow(() -> new UnavailableException("the chain has no blocks yet")).number();
    }

    @Override
    public OptionalLong timestamp(long block) {
        return blocks.hashOf(block).flatMap(blocks::header).map(h -> OptionalLong.of(h.timestamp()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public List<DidEvent> history(Address identity) {
        long from = blocks.indexedFrom(DidIndex.NAME);
        if (from > 0)
            throw new UnavailableException(
                    "the DID index is being built for blocks below " + from + "; try again soon");
        return index.history(identity);
    }
}
