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

    /** A method given by a function: for small methods that share their state with siblings. */
    static RpcMethod of(String name, java.util.function.BiFunction<Params, RpcSession, JsonNode> body) {
        return new RpcMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public JsonNode execute(Params params, RpcSession session) {
                return body.apply(params, session);
            }
        };
    }
}
