package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/**
 * {@code eth_getBlockByNumber}: a block by number or tag, with transaction hashes or full transactions; null when
 * there is none.
 */
public final class EthGetBlockByNumber implements RpcMethod {
    private final EthBackend backend;

    public EthGetBlockByNumber(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_getBlockByNumber";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(2);
        var header = Blocks.resolve(backend.blocks(), params.block(0, "block"));
        boolean full = params.has(1) && params.bool(1, "full transactions");
        return header.flatMap(h -> backend.blocks().block(backend.blocks().hash(h, backend.suite())))
                .<JsonNode>map(b -> backend.json().block(b, full)).orElse(NullNode.instance);
    }
}
