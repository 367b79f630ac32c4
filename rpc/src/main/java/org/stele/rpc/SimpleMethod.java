package org.stele.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** A method that takes no parameters and answers a value: {@code net_listening} and the like. */
public record SimpleMethod(String name, Supplier<JsonNode> answer) implements RpcMethod {
    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(0);
        return answer.get();
    }
}
