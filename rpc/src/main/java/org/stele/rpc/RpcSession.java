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

    /** A session for one HTTP request that arrived with {@code authorization} (null when it had none). */
    static RpcSession http(String authorization) {
        if (authorization == null) return HTTP;
        java.util.Optional<String> presented = java.util.Optional.of(authorization);
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
        };
    }

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
