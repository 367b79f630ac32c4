package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getTransactionByHash}: a mined transaction, or a pending one from the pool; null when unknown. */
public final class EthGetTransactionByHash implements RpcMethod {
    private final EthBackend backend;

    public EthGetTransactionByHash(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getTransactionByHash";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        var hash = params.hash(0, "transaction hash");
        EthJson json = backend.json();
        var location = backend.blocks().transactionLocation(hash);
        if (location.isPresent()) {
            var block = backend.blocks().block(location.get().blockHash()).orElseThrow();
            int i = location.get().index();
            return json.transaction(block.body().transactions().get(i), java.util.Optional.of(block.header()), i);
        }
        return backend.pool().get(hash)
                .<JsonNode>map(p -> json.transaction(p.transaction(), java.util.Optional.empty(), 0))
                .orElse(NullNode.instance);
    }
}
