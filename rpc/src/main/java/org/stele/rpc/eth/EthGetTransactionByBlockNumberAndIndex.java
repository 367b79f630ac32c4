package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getTransactionByBlockNumberAndIndex}. */
public final class EthGetTransactionByBlockNumberAndIndex implements RpcMethod {
    private final EthBackend backend;

    public EthGetTransactionByBlockNumberAndIndex(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getTransactionByBlockNumberAndIndex";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(2);
        var header = Blocks.resolve(backend.blocks(), params.block(0, "block"));
        long index = params.longQuantity(1, "index");
        return header.flatMap(h -> backend.blocks().block(backend.blocks().hash(h, backend.suite())))
                .filter(b -> index < b.body().transactions().size())
                .<JsonNode>map(b -> backend.json().transaction(b.body().transactions().get((int) index),
                        java.util.Optional.of(b.header()), (int) index))
                .orElse(NullNode.instance);
    }
}
