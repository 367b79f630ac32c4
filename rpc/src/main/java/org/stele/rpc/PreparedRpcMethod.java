package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A method whose costly part has no effect on anything and can therefore run ahead of its turn: in a batch, the
 * dispatcher prepares every such call at once on the {@link BatchPreparation} pool (both cores), then executes the
 * calls one after the other in the batch's order, each with what was prepared for it. So a batch of
 * {@code eth_sendRawTransaction} recovers its senders in parallel while the pool still takes the transactions in the
 * order they were sent, and every answer, error or not, is the one the call would get on its own.
 *
 * @param <P> what preparing produces
 */
public interface PreparedRpcMethod<P> extends RpcMethod {
    /**
     * The part that may run early and on any thread: reads only, changes nothing. What it throws is thrown again by
     * {@link #execute(Params, RpcSession, Object)}'s caller at the call's turn, as if it had been thrown then.
     */
    P prepare(Params params);

    /** The part that must run at the call's turn, in the batch's order. */
    JsonNode execute(Params params, RpcSession session, P prepared);

    @Override
    default JsonNode execute(Params params, RpcSession session) {
        return execute(params, session, prepare(params));
    }
}
