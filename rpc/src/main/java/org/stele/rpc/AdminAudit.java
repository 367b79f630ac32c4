package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Told of every call to an {@code admin_*} method, after it is answered or refused, so that a node can keep an audit
 * trail of what its operators did through JSON-RPC.
 */
@FunctionalInterface
public interface AdminAudit {
    AdminAudit NONE = (method, params, session, error) -> {
    };

    /**
     * @param params the call's positional parameters as sent
     * @param error the error it was answered with, or empty when it succeeded
     */
    void record(String method, JsonNode params, RpcSession session, Optional<JsonRpcError> error);

    /**
     * As {@link #record(String, JsonNode, RpcSession, Optional)}, with the account the caller's token proved.
     *
     * @param account the authenticated account, or empty when the caller presented none (or the node's admin token)
     */
    default void record(String method, JsonNode params, RpcSession session, Optional<org.stele.common.Address> account,
            Optional<JsonRpcError> error) {
        record(method, params, session, error);
    }

    /**
     * As {@link #record(String, JsonNode, RpcSession, Optional, Optional)}, with the call's result, so that a call that
     * changed the node's configuration at run time ({@code admin_addPeer}) can be recorded with what it changed.
     *
     * @param result what the call answered, or null when it failed
     */
    default void record(String method, JsonNode params, RpcSession session, Optional<org.stele.common.Address> account,
            Optional<JsonRpcError> error, JsonNode result) {
        record(method, params, session, account, error);
    }
}
