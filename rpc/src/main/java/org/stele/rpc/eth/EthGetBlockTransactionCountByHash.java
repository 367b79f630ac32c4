package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getBlockTransactionCountByHash}. */
public final class EthGetBlockTransactionCountByHash implements RpcMethod {
    private final EthBackend backend;

    public EthGetBlockTransactionCountByHash(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getBlockTransactionCountByHash";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        return backend.blocks().body(params.hash(0, "block hash"))
                .<JsonNode>map(b -> Quantity.of(b.transactions().size())).orElse(NullNode.instance);
    }
}
