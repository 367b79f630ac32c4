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
