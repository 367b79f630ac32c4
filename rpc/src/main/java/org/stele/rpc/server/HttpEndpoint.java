package org.stele.rpc.server;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A public document the server computes on GET (and HEAD) besides JSON-RPC and the pages, where a standard or an
 * application asks for one: the W3C DID Resolution HTTP binding's {@code /1.0/identifiers/}, the Bitstring Status
 * Lists under {@code /identity/status/}. The module that knows the document implements it; the node registers it with
 * {@link RpcServer}. Called on a worker thread, so it may read the store. Its answers are public data for any origin
 * ({@code Access-Control-Allow-Origin: *}); they are not pages and load nothing.
 */
public interface HttpEndpoint {
    /** The path this endpoint answers under, starting and ending with {@code /}. */
    String prefix();

    /** Answers a GET or HEAD (the server drops the body of a HEAD's answer). */
    Answer get(Request request);

    /**
     * One GET.
     *
     * @param path
     *            the whole request path, percent-decoded
     * @param rawPath
     *            the request path after {@link #prefix()}, still percent-encoded
     * @param rawQuery
     *            the query after {@code ?}, still percent-encoded, or null when there is none
     * @param accept
     *            the request's {@code Accept} header, or null
     * @param publicOrigin
     *            {@code http://<Host header>}: how the client reached the node, for URLs in the answer
     * @param jsonRpc
     *            the node's own JSON-RPC: a request's JSON in, the dispatcher's response out, so an endpoint needs no
     *            other access to the node
     */
    record Request(String path, String rawPath, String rawQuery, String accept, String publicOrigin,
            UnaryOperator<String> jsonRpc) {}

    /** An HTTP answer: its status, content type and body, and headers to add. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        public Answer(int status, String contentType, byte[] body) {
            this(status, contentType, body, Map.of());
        }
    }
}
