package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@link PreparedRpcMethod} whose one parameter is hex data and whose execution does not read its parameters
 * again: in a batch read by {@link HexCallBatch}, its calls are prepared from the bytes the hex was decoded into, and
 * neither a tree nor a string of the hex is ever made ({@code eth_sendRawTransaction}, whose batches are the bulk of
 * what a loaded node reads).
 *
 * @param <P> what preparing produces
 */
public interface HexArgumentMethod<P> extends PreparedRpcMethod<P> {
    /**
     * What {@link #prepare(Params)} does for the single parameter {@code "0x" + hex(argument)}, given a non-empty
     * argument: the same result, or the same exception.
     */
    P prepare(byte[] argument);

    /** What {@link #execute(Params, RpcSession, Object)} answers; it may not read the parameters. */
    JsonNode execute(RpcSession session, P prepared);

    @Override
    default JsonNode execute(Params params, RpcSession session, P prepared) {
        return execute(session, prepared);
    }
}
