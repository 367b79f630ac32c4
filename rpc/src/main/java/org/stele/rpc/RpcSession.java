package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The connection a request came on. HTTP requests get a session that cannot push; WebSocket sessions push
 * subscription notifications.
 */
public interface RpcSession {
    /** Whether {@link #push} delivers anything (true for WebSocket). */
    boolean canPush();

    /** Sends an unsolicited message (a subscription notification) to the client. */
    void push(JsonNode message);

    /** Runs {@code action} once when the connection closes (to drop its subscriptions). */
    default void onClose(Runnable action) {
    }

    /**
     * The credentials the client presented: the {@code Authorization} header of the HTTP request or of the WebSocket
     * handshake, when there was one. Admin methods check it ({@link AdminAccess}).
     */
    default java.util.Optional<String> authorization() {
        return java.util.Optional.empty();
    }

    /** The client's network address ({@code host:port}), when the call came over a connection. */
    default java.util.Optional<String> remoteAddress() {
        return java.util.Optional.empty();
    }

    /** A session for one HTTP request that arrived with {@code authorization} (null when it had none). */
    static RpcSession http(String authorization) {
        return http(authorization, null);
    }

    /**
     * A session for one HTTP request from {@code remote} (null when unknown) that arrived with {@code authorization}
     * (null when it had none).
     */
    static RpcSession http(String authorization, String remote) {
        if (authorization == null && remote == null) return HTTP;
        java.util.Optional<String> presented = java.util.Optional.ofNullable(authorization);
        java.util.Optional<String> from = java.util.Optional.ofNullable(remote);
        return new RpcSession() {
            @Override
            public boolean canPush() {
                return false;
            }

            @Override
            public void push(JsonNode message) {
                HTTP.push(message);
            }

            @Override
            public java.util.Optional<String> authorization() {
                return presented;
            }

            @Override
            public java.util.Optional<String> remoteAddress() {
                return from;
            }
        };
    }

    /**
     * Whether the calls come from the node itself (a GET endpoint that answers from JSON-RPC, such as DID
     * resolution), which the read policy does not hold to account tokens: such an endpoint's answer is public.
     */
    default boolean internal() {
        return false;
    }

    /** The session of the node's own endpoints' calls: nothing can be pushed. */
    RpcSession INTERNAL = new RpcSession() {
        @Override
        public boolean canPush() {
            return false;
        }

        @Override
        public void push(JsonNode message) {
            throw new IllegalStateException("an endpoint's call cannot receive notifications");
        }

        @Override
        public boolean internal() {
            return true;
        }
    };

    /** A session for one HTTP request: nothing can be pushed. */
    RpcSession HTTP = new RpcSession() {
        @Override
        public boolean canPush() {
            return false;
        }

        @Override
        public void push(JsonNode message) {
            throw new IllegalStateException("an HTTP request cannot receive notifications");
        }
    };
}
