package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_syncing}: false; a lone dev node or an up-to-date validator is never syncing. */
public final class EthSyncing implements RpcMethod {
    private final EthBackend backend;

    public EthSyncing(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_syncing";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(0);
        return com.fasterxml.jackson.databind.node.BooleanNode.FALSE;
    }
}
