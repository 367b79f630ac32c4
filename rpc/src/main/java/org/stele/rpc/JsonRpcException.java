package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** Thrown by a method to answer with a JSON-RPC error instead of a result. */
public final class JsonRpcException extends RuntimeException {
    private final JsonRpcError error;

    public JsonRpcException(JsonRpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public JsonRpcException(int code, String message) {
        this(new JsonRpcError(code, message));
    }

    public JsonRpcException(int code, String message, JsonNode data) {
        this(new JsonRpcError(code, message, data));
    }

    public static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(JsonRpcError.INVALID_PARAMS, message);
    }

    public JsonRpcError error() {
        return error;
    }
}
