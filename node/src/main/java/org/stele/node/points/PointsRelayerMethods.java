package org.stele.node.points;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.stele.apps.points.ForwardRequest;
import org.stele.apps.points.RelayRefusal;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.RelayerServer;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.RpcMethod;

/**
 * The relayer over a node's JSON-RPC: {@code points_relayerConfig(token)} answers what the relayer's {@code GET
 * /relay/config} does, and {@code points_relay({request, signature})} what its {@code POST /relay} does, a refusal
 * being a JSON-RPC error whose message says why and whose data is the refusal's code.
 */
public final class PointsRelayerMethods {
    /** The relayer for a token, or a JSON-RPC error saying why there is none. */
    @FunctionalInterface
    public interface Relayers {
        Relayer forToken(String token);
    }

    private PointsRelayerMethods() {
    }

    public static List<RpcMethod> of(Relayers relayers) {
        return List.of(RpcMethod.of("points_relayerConfig", (p, s) -> {
            p.atMost(1);
            Relayer r = relayers.forToken(p.address(0, "token").toHex());
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
            Relayer r = relayers.forToken(signed.request().to());
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
}
