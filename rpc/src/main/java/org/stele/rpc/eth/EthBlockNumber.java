package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_blockNumber}: the number of the latest (final) block. */
public final class EthBlockNumber implements RpcMethod {
    private final EthBackend backend;

    public EthBlockNumber(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_blockNumber";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(0);
        return Quantity.of(backend.blocks().head().map(h -> h.number()).orElse(0L));
    }
}
