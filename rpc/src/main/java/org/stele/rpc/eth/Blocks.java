package org.stele.rpc.eth;

import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.store.BlockStore;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.JsonRpcException;

/**
 * Resolves a block parameter against the stored chain. Every block is final under QBFT, so safe = finalized = latest.
 */
public final class Blocks {
    private Blocks() {
    }

    public static Optional<BlockHeader> resolve(BlockStore blocks, BlockParameter p) {
        return switch (p) {
            case BlockParameter.Tag t when t.name() == BlockParameter.TagName.EARLIEST -> blocks.header(0L);
            case BlockParameter.Tag t -> blocks.head();
            case BlockParameter.Number n -> blocks.header(n.number());
            case BlockParameter.Hash h -> blocks.header(h.hash());
        };
    }

    /** Like {@link #resolve} but a missing block is an error, as geth answers for state queries. */
    public static BlockHeader require(BlockStore blocks, BlockParameter p) {
        return resolve(blocks, p).orElseThrow(() -> new JsonRpcException(-32000, "header not found"));
    }
}
