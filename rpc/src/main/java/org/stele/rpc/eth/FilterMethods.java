package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/**
 * The filter and subscription methods. They are thin: each parses its parameters and asks the
 * {@link FilterManager} or {@link SubscriptionManager}, which hold the state.
 */
public final class FilterMethods {
    private FilterMethods() {
    }

    public static List<RpcMethod> all(FilterManager filters, SubscriptionManager subscriptions) {
        return List.of(
                RpcMethod.of("eth_newFilter", (p, s) -> {
                    p.atMost(1);
                    return TextNode.valueOf(filters.install(FilterManager.Kind.LOGS, LogFilter.parse(p, 0)));
                }),
                RpcMethod.of("eth_newBlockFilter", (p, s) -> {
                    p.atMost(0);
                    return TextNode.valueOf(filters.install(FilterManager.Kind.BLOCKS, null));
                }),
                RpcMethod.of("eth_newPendingTransactionFilter", (p, s) -> {
                    p.atMost(1);
                    return TextNode.valueOf(filters.install(FilterManager.Kind.PENDING, null));
                }),
                RpcMethod.of("eth_getFilterChanges", (p, s) -> filters.changes(filterId(p))),
                RpcMethod.of("eth_getFilterLogs", (p, s) -> filters.logs(filterId(p))),
                RpcMethod.of("eth_uninstallFilter", (p, s) -> BooleanNode.valueOf(filters.uninstall(filterId(p)))),
                RpcMethod.of("eth_subscribe", (p, s) -> {
                    p.atMost(2);
                    JsonNode kind = p.required(0, "subscription");
                    SubscriptionManager.Kind k = SubscriptionManager.Kind.parse(kind.asText());
                    LogFilter filter = k == SubscriptionManager.Kind.LOGS && p.has(1)
                            ? LogFilter.parse(p, 1)
                            : new LogFilter(BlockParameter.LATEST, BlockParameter.LATEST, java.util.Optional.empty(),
                                    List.of(), List.of());
                    return TextNode.valueOf(subscriptions.subscribe(s, k, filter));
                }),
                RpcMethod.of("eth_unsubscribe", (p, s) -> {
                    p.atMost(1);
                    return BooleanNode.valueOf(subscriptions.unsubscribe(s, p.required(0, "subscription id").asText()));
                }),
                // Live subscriptions over every connection: what an operator (and the hostile-client suite) watches
                // to see that closed connections leave nothing behind.
                RpcMethod.of("debug_subscriptionCount", (p, s) -> {
                    p.atMost(0);
                    return Quantity.of(subscriptions.count());
                }));
    }

    private static String filterId(Params p) {
        p.atMost(1);
        JsonNode id = p.required(0, "filter id");
        if (!id.isTextual())
            throw org.stele.rpc.JsonRpcException.invalidParams("invalid argument 0 (filter id): want a hex string");
        return id.textValue();
    }
}
