package org.stele.node.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.stele.apps.points.ForwardRequest;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.RelayRefusal;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.RelayerServer;
import org.stele.apps.points.TokenBucket;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.web3j.crypto.Credentials;

/**
 * The points relayer inside a dev node, so the node's own pages reach it under their same-origin policy: JSON-RPC
 * {@code points_relayerConfig(token)} answers what {@code GET /relay/config} does, and {@code points_relay({request,
 * signature})} what {@code POST /relay} does. One {@link Relayer} per token, made on first use, with the token's own
 * trusted forwarder; the gas is paid by the dev chain's last account, which the pages do not otherwise use. Outside a
 * dev chain the operator runs {@code stele points relayer} (docs/points.md).
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
        return List.of(RpcMethod.of("points_relayerConfig", (p, s) -> {
            Relayer r = relayer(p, 0);
            ObjectNode c = JsonNodeFactory.instance.objectNode();
            c.put("chainId", r.chainId()).put("token", r.config().token()).put("forwarder", r.config().forwarder())
                    .put("operator", r.operator());
            c.putObject("domain").put("name", ForwardRequest.DOMAIN_NAME).put("version", ForwardRequest.DOMAIN_VERSION)
                    .put("chainId", r.chainId()).put("verifyingContract", r.config().forwarder());
            c.putObject("rate").put("burst", r.limits().capacity()).put("perSecond", r.limits().perSecond());
            return c;
        }), RpcMethod.of("points_relay", (p, s) -> {
            p.atMost(1);
            ForwardRequest.Signed signed;
            try {
                signed = RelayerServer.parse(p.required(0, "signed request"));
            } catch (IllegalArgumentException e) {
                throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, e.getMessage());
            }
            Relayer r = relayer(signed.request().to());
            try {
                Relayer.Relayed done = r.relay(signed);
                return JsonNodeFactory.instance.objectNode().put("transaction", done.transaction())
                        .put("block", done.block());
            } catch (RelayRefusal e) {
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage(),
                        JsonNodeFactory.instance.textNode(e.code()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "the relayer is stopping");
            }
        }));
    }

    private Relayer relayer(Params p, int i) {
        p.atMost(1);
        return relayer(p.address(i, "token").toHex());
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
