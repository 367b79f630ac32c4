package org.stele.rpc.server;

/**
 * A REST resource the server answers on GET besides JSON-RPC and the pages, where a standard asks for one (the W3C DID
 * Resolution HTTP binding's {@code /1.0/identifiers/}). The module that knows the resource implements it; the node
 * registers it with {@link RpcServer}. Called on a worker thread, so it may read the store.
 */
public interface HttpEndpoint {
    /** The path this endpoint answers under, starting and ending with {@code /}. */
    String prefix();

    /**
     * Answers a GET or HEAD.
     *
     * @param rawPath
     *            the request path after {@link #prefix()}, still percent-encoded
     * @param rawQuery
     *            the query after {@code ?}, still percent-encoded, or null when there is none
     * @param accept
     *            the request's {@code Accept} header, or null
     */
    Answer get(String rawPath, String rawQuery, String accept);

    /** An HTTP answer: its status, content type and body. */
    record Answer(int status, String contentType, byte[] body) {}
}
