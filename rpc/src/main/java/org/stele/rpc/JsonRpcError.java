package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error object. Codes follow JSON-RPC 2.0 and the Ethereum execution-apis conventions so that wallets
 * and libraries recognise them.
 */
public record JsonRpcError(int code, String message, JsonNode data) {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Generic server error, used by geth for transaction rejections ("nonce too low", ...). */
    public static final int SERVER_ERROR = -32000;
    /** A limit was hit (batch too long, too many results, too many subscriptions). */
    public static final int LIMIT_EXCEEDED = -32005;
    /** execution reverted: {@code data} carries the revert bytes. */
    public static final int EXECUTION_REVERTED = 3;

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }
}
