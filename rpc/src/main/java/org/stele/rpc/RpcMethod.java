package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON-RPC method. Implementations are stateless or thread-safe: calls arrive concurrently. */
public interface RpcMethod {
    /** The wire name, e.g. {@code eth_chainId}. */
    String name();

    /**
     * Runs the method. Throws {@link JsonRpcException} for an error answer; any other exception becomes an internal
     * error without taking the server down.
     */
    JsonNode execute(Params params, RpcSession session);
}
