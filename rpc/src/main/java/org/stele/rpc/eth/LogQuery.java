package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.chain.store.BlockStore;
import org.stele.common.Bytes32;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;

/**
 * Runs a {@link LogFilter} over stored blocks, skipping blocks whose header bloom rules them out, within limits on
 * the range and the number of results.
 */
public final class LogQuery {
    private final BlockStore blocks;
    private final EthJson json;
    private final long maxRange;
    private final int maxResults;

    public LogQuery(BlockStore blocks, EthJson json, long maxRange, int maxResults) {
        this.blocks = blocks;
        this.json = json;
        this.maxRange = maxRange;
        this.maxResults = maxResults;
    }

    public ArrayNode run(LogFilter filter) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (filter.blockHash().isPresent()) {
            Bytes32 hash = filter.blockHash().get();
            BlockHeader h = blocks.header(hash)
                    .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "unknown block"));
            collect(h, filter, out);
            return out;
        }
        long from = Blocks.resolve(blocks, filter.from()).map(BlockHeader::number).orElse(Long.MAX_VALUE);
        long to = Blocks.resolve(blocks, filter.to()).map(BlockHeader::number)
                .orElse(blocks.head().map(BlockHeader::number).orElse(0L));
        if (from > to) return out;
        if (to - from + 1 > maxRange) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                    "block range of " + (to - from + 1) + " exceeds the limit of " + maxRange
                            + "; query a smaller range");
        }
        for (long n = from; n <= to; n++) {
            blocks.header(n).ifPresent(h -> collect(h, filter, out));
        }
        return out;
    }

    /** Adds the matching logs of one stored block. */
    void collect(BlockHeader header, LogFilter filter, ArrayNode out) {
        if (!filter.mayMatch(header.logsBloom())) return;
        Bytes32 hash = json.blockHash(header);
        collectFrom(blocks.block(hash).orElseThrow(), blocks.receipts(hash).orElseThrow(), filter, out);
    }

    /** Adds the matching logs of a block at hand (a new block, before anyone asks the store). */
    void collectFrom(Block block, List<Receipt> receipts, LogFilter filter, ArrayNode out) {
        BlockHeader header = block.header();
        if (!filter.mayMatch(header.logsBloom())) return;
        Bytes32 hash = json.blockHash(header);
        int logIndex = 0;
        for (int t = 0; t < receipts.size(); t++) {
            Bytes32 txHash = null;
            for (var log : receipts.get(t).logs()) {
                if (filter.matches(log)) {
                    if (out.size() >= maxResults) {
                        throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                                "query returns more than " + maxResults + " results; narrow the range or the filter");
                    }
                    if (txHash == null) txHash = block.body().transactions().get(t).hash(json.suite());
                    out.add(json.log(log, hash, header.number(), txHash, t, logIndex));
                }
                logIndex++;
            }
        }
    }
}
