package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/**
 * {@code eth_getBlockReceipts}: every receipt of a block, in transaction order, as {@code eth_getTransactionReceipt}
 * writes each. The block is named as geth takes it: a number, a tag, a hash, or an EIP-1898 object; null when there
 * is no such block.
 */
public final class EthGetBlockReceipts implements RpcMethod {
    private final EthBackend backend;

    public EthGetBlockReceipts(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getBlockReceipts";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        params.required(0, "block");
        var header = Blocks.resolve(backend.blocks(), params.block(0, "block"));
        if (header.isEmpty()) return NullNode.instance;
        var hash = backend.blocks().hash(header.get(), backend.suite());
        var block = backend.blocks().block(hash);
        var receipts = backend.blocks().receipts(hash);
        if (block.isEmpty() || receipts.isEmpty()) return NullNode.instance;
        ArrayNode out = JsonNodeFactory.instance.arrayNode(receipts.get().size());
        for (int i = 0; i < receipts.get().size(); i++)
            out.add(backend.json().receiptAnswer(block.get(), receipts.get(), i));
        return out;
    }
}
