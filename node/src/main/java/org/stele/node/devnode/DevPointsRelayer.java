package org.stele.node.devnode;

import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.TokenBucket;
import org.stele.node.points.PointsRelayerMethods;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.RpcMethod;
import org.web3j.crypto.Credentials;

/**
 * The points relayer inside a dev node, so the node's own pages reach it under their same-origin policy
 * ({@link PointsRelayerMethods}). One {@link Relayer} per token, made on first use, with the token's own trusted
 * forwarder; the gas is paid by the dev chain's last account, which the pages do not otherwise use. A member's
 * {@code stele node} runs one for the token its configuration names, or the operator runs {@code stele points
 * relayer} (docs/points.md).
 */
final class DevPointsRelayer {
    private final Supplier<String> rpcUrl;
    private final Credentials operator;
    private final Map<String, Relayer> relayers = new HashMap<>();

    DevPointsRelayer(Supplier<String> rpcUrl, Credentials operator) {
        this.rpcUrl = rpcUrl;
        this.operator = operator;
    }

    List<RpcMethod> methods() {
        return PointsRelayerMethods.of(this::relayer);
    }

    private synchronized Relayer relayer(String token) {
        Relayer r = relayers.get(token);
        if (r != null) return r;
        NodeRpc node = new NodeRpc(rpcUrl.get());
        try {
            String word = node.ethCall(null, token, "0x7da0a877");
            if (word.length() != 66)
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR,
                        token + " is not a PointsToken (no trustedForwarder)");
            r = new Relayer(node, operator, Relayer.Config.of(token, "0x" + word.substring(26)),
                    new TokenBucket(10, 2, InstantSource.system()));
        } catch (NodeRpc.NodeError e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, token + " is not a PointsToken: " + e.getMessage());
        } catch (IOException e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR,
                    "the relayer cannot reach the node: " + e.getMessage());
        }
        relayers.put(token, r);
        return r;
    }

    synchronized void close() {
        relayers.values().forEach(Relayer::close);
        relayers.clear();
    }
}
