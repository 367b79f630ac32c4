package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getTransactionByBlockHashAndIndex}. */
public final class EthGetTransactionByBlockHashAndIndex implements RpcMethod {
    private final EthBackend backend;

    public EthGetTransactionByBlockHashAndIndex(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getTransactionByBlockHashAndIndex";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(2);
        var hash = params.hash(0, "block hash");
        long index = params.longQuantity(1, "index");
        return backend.blocks().block(hash).filter(b -> index < b.body().transactions().size())
                .<JsonNode>map(b -> backend.json().transaction(b.body().transactions().get((int) index),
                        java.util.Optional.of(b.header()), (int) index))
                .orElse(NullNode.instance);
    }
}
