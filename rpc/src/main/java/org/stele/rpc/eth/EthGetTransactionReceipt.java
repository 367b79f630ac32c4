package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getTransactionReceipt}: null until the transaction is in a (final) block. */
public final class EthGetTransactionReceipt implements RpcMethod {
    private final EthBackend backend;

    public EthGetTransactionReceipt(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getTransactionReceipt";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        var location = backend.blocks().transactionLocation(params.hash(0, "transaction hash"));
        if (location.isEmpty()) return NullNode.instance;
        var block = backend.blocks().block(location.get().blockHash()).orElseThrow();
        var receipts = backend.blocks().receipts(location.get().blockHash()).orElseThrow();
        return backend.json().receiptAnswer(block, receipts, location.get().index());
    }
}
