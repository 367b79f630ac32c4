package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/**
 * {@code eth_syncing}: false when the node is not catching up (a lone dev node, an up-to-date validator); otherwise
 * the execution-apis object with {@code startingBlock}, {@code currentBlock} and {@code highestBlock}.
 */
public final class EthSyncing implements RpcMethod {
    private final SyncProgress sync;

    public EthSyncing(SyncProgress sync) {
        this.sync = sync;
    }

    @Override
    public String name() {
        return "eth_syncing";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(0);
        return sync.current().<JsonNode>map(p -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set("startingBlock", Quantity.of(p.startingBlock()));
            o.set("currentBlock", Quantity.of(p.currentBlock()));
            o.set("highestBlock", Quantity.of(p.highestBlock()));
            return o;
        }).orElse(BooleanNode.FALSE);
    }
}
