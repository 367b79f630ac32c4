package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code eth_getLogs}: the logs matching a filter, within the range and result limits. */
public final class EthGetLogs implements RpcMethod {
    private final LogQuery query;

    public EthGetLogs(LogQuery query) {
        this.query = query;
    }

    @Override
    public String name() {
        return "eth_getLogs";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        return query.run(LogFilter.parse(params, 0));
    }
}
