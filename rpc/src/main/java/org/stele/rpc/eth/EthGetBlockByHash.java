package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getBlockByHash}: a block by hash; null when there is none. */
public final class EthGetBlockByHash implements RpcMethod {
    private final EthBackend backend;

    public EthGetBlockByHash(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getBlockByHash";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(2);
        var hash = params.hash(0, "block hash");
        boolean full = params.has(1) && params.bool(1, "full transactions");
        return backend.blocks().block(hash).<JsonNode>map(b -> backend.json().block(b, full))
                .orElse(NullNode.instance);
    }
}
