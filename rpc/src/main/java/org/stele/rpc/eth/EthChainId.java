package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_chainId}: the chain id of EIP-155, as a quantity. */
public final class EthChainId implements RpcMethod {
    private final EthBackend backend;

    public EthChainId(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "eth_chainId";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(0);
        return Quantity.of(backend.chainId());
    }
}
