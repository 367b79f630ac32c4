package org.stele.rpc.server;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A document the node computes on GET under a path prefix (an application's public endpoint, such as a status list),
 * answered on a worker thread. The route reads the chain through {@code jsonRpc}: a JSON-RPC request in, the node's
 * own dispatcher's response out, so an application needs no other access to the node. Its documents are public data
 * for any origin ({@code Access-Control-Allow-Origin: *}); they are not pages and load nothing.
 */
public interface GetRoute {
    /** The path prefix this route owns, e.g. {@code /identity/status/}. */
    String prefix();

    /**
     * Answers a GET of {@code path} (without the query) whose public origin is {@code origin}
     * ({@code http://<Host header>}).
     */
    Reply get(String path, String origin, UnaryOperator<String> jsonRpc);

    /** What a route answers; {@code headers} are added to the response. */
    record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {}
}
