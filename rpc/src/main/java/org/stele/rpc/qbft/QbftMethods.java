package org.stele.rpc.qbft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stele.chain.BlockHeader;
import org.stele.chain.store.BlockStore;
import org.stele.common.Address;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.eth.Blocks;
import org.stele.rpc.eth.Quantity;

/**
 * {@code qbft_getValidatorsByBlockNumber}, {@code qbft_getValidatorsByBlockHash} and {@code qbft_getSignerMetrics},
 * answered as Besu answers them.
 */
public final class QbftMethods {
    /** Besu's range when {@code qbft_getSignerMetrics} is given no start. */
    static final long DEFAULT_RANGE = 100;
    /** The longest range one call may walk: a header read per block, so a bound on what one request costs. */
    static final long MAX_RANGE = 100_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QbftMethods() {
    }

    public static List<RpcMethod> all(BlockStore blocks, QbftHeaders qbft) {
        return List.of(
                RpcMethod.of("qbft_getValidatorsByBlockNumber", (params, session) -> validators(qbft,
                        Blocks.resolve(blocks, number(params.atMost(1).required(0, "blockNumber"))))),
                RpcMethod.of("qbft_getValidatorsByBlockHash", (params, session) -> validators(qbft,
                        blocks.header(params.atMost(1).hash(0, "blockHash")))),
                RpcMethod.of("qbft_getSignerMetrics",
                        (params, session) -> signerMetrics(blocks, qbft, params.atMost(2))));
    }

    private static BlockParameter number(JsonNode n) {
        BlockParameter p = Params.at(0, n).block(0, "blockNumber");
        if (p instanceof BlockParameter.Hash)
            throw JsonRpcException
                    .invalidParams("want a block number or tag; a hash goes to qbft_getValidatorsByBlockHash");
        return p;
    }

    private static JsonNode validators(QbftHeaders qbft, Optional<BlockHeader> header) {
        BlockHeader h = header.orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "block not found"));
        List<Address> validators = qbft.validators(h).orElseThrow(() -> new JsonRpcException(
                JsonRpcError.SERVER_ERROR, "block " + h.number() + " carries no QBFT extra data"));
        ArrayNode out = NODES.arrayNode();
        validators.forEach(a -> out.add(a.toHex()));
        return out;
    }

    /**
     * Besu's rule: blocks from {@code from} (inclusive, default head − 100) to {@code to} (exclusive, default and at
     * most the head); per proposer the blocks it proposed and the last of them, plus every validator of the range's
     * last block with a count of 0 when it proposed none.
     */
    private static JsonNode signerMetrics(BlockStore blocks, QbftHeaders qbft, Params params) {
        long head = blocks.head().orElseThrow().number();
        long from = params.has(0)
                ? resolve(params.block(0, "fromBlockNumber"), head)
                : Math.max(0, head - DEFAULT_RANGE);
        long to = params.has(1) ? Math.min(resolve(params.block(1, "toBlockNumber"), head), head) : head;
        if (from >= to)
            throw JsonRpcException.invalidParams("invalid block number params: fromBlockNumber " + from
                    + " must be below toBlockNumber " + to);
        if (to - from > MAX_RANGE)
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                    "a range of " + (to - from) + " blocks exceeds the limit of " + MAX_RANGE);
        Map<Address, long[]> byProposer = new TreeMap<>();
        for (long n = from; n < to; n++) {
            BlockHeader header = blocks.header(n).orElseThrow();
            long number = n;
            qbft.proposer(header).ifPresent(p -> {
                long[] m = byProposer.computeIfAbsent(p, a -> new long[2]);
                m[0]++;
                m[1] = number;
            });
            if (n == to - 1)
                qbft.validators(header).orElse(List.of()).forEach(v -> byProposer.computeIfAbsent(v, a -> new long[2]));
        }
        ArrayNode out = NODES.arrayNode();
        byProposer.forEach((address, m) -> {
            ObjectNode o = out.addObject();
            o.put("address", address.toHex());
            o.set("proposedBlockCount", Quantity.of(m[0]));
            o.set("lastProposedBlockNumber", Quantity.of(m[1]));
        });
        return out;
    }

    private static long resolve(BlockParameter p, long head) {
        return switch (p) {
            case BlockParameter.Number n -> n.number();
            case BlockParameter.Tag t when t.name() == BlockParameter.TagName.EARLIEST -> 0;
            case BlockParameter.Tag t -> head;
            case BlockParameter.Hash h ->
                throw JsonRpcException.invalidParams("want a block number or tag, not a hash");
        };
    }
}
