package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getBlockTransactionCountByNumber}. */
public final class EthGetBlockTransactionCountByNumber implements RpcMethod {
    private final EthBackend backend;

    public EthGetBlockTransactionCountByNumber(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getBlockTransactionCountByNumber";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        return Blocks.resolve(backend.blocks(), params.block(0, "block"))
                .flatMap(h -> backend.blocks().body(backend.blocks().hash(h, backend.suite())))
                .<JsonNode>map(b -> Quantity.of(b.transactions().size())).orElse(NullNode.instance);
    }
}
