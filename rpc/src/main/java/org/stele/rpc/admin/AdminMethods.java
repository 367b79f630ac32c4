package org.stele.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.stele.chain.BlockHeader;
import org.stele.chain.store.BlockStore;
import org.stele.common.crypto.CryptoSuite;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.SimpleMethod;

/**
 * {@code admin_nodeInfo}, {@code admin_peers}, {@code admin_addPeer} and {@code admin_removePeer}, shaped like geth's
 * answers where Stele has the same facts. A peer is written {@code 0xADDRESS@HOST:PORT}, the address standing where
 * geth's enode URL has the public key.
 */
public final class AdminMethods {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdminMethods() {
    }

    public static List<RpcMethod> all(NetworkAdmin network, BlockStore blocks, CryptoSuite suite, long chainId,
            String clientVersion) {
        return List.of(
                new SimpleMethod("admin_nodeInfo", () -> nodeInfo(network, blocks, suite, chainId, clientVersion)),
                new SimpleMethod("admin_peers", () -> peers(network)),
                RpcMethod.of("admin_addPeer",
                        (params, session) -> change(params.atMost(1).required(0, "peer"), network::addPeer)),
                RpcMethod.of("admin_removePeer",
                        (params, session) -> change(params.atMost(1).required(0, "peer"), network::removePeer)));
    }

    private static JsonNode change(JsonNode peer, Function<String, Boolean> action) {
        if (!peer.isTextual()) throw JsonRpcException.invalidParams("peer must be a string 0xADDRESS@HOST:PORT");
        try {
            return BooleanNode.valueOf(action.apply(peer.textValue()));
        } catch (IllegalArgumentException e) {
            throw JsonRpcException.invalidParams(e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage());
        }
    }

    private static JsonNode nodeInfo(NetworkAdmin network, BlockStore blocks, CryptoSuite suite, long chainId,
            String clientVersion) {
        ObjectNode out = NODES.objectNode();
        network.self().ifPresentOrElse(self -> {
            String host = self.listen().getAddress().getHostAddress();
            int port = self.listen().getPort();
            String listenAddr = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            out.put("id", self.address().toHex());
            out.put("name", clientVersion);
            out.put("enode", self.address().toHex() + "@" + listenAddr);
            out.put("ip", host);
            out.putObject("ports").put("listener", port);
            out.put("listenAddr", listenAddr);
        }, () -> out.put("name", clientVersion));
        BlockHeader head = blocks.head().orElseThrow();
        ObjectNode stele = out.putObject("protocols").putObject("stele");
        stele.put("network", chainId);
        stele.put("genesis", blocks.header(0L).orElseThrow().hash(suite).toHex());
        stele.put("head", blocks.hash(head, suite).toHex());
        stele.put("headNumber", head.number());
        return out;
    }

    private static JsonNode peers(NetworkAdmin network) {
        ArrayNode out = NODES.arrayNode();
        for (NetworkAdmin.Peer p : network.peers()) {
            ObjectNode peer = out.addObject();
            peer.put("id", p.address().toHex());
            peer.put("enode", p.address().toHex() + "@" + p.remoteAddress());
            ObjectNode net = peer.putObject("network");
            net.put("remoteAddress", p.remoteAddress());
            net.put("inbound", p.inbound());
            ObjectNode stele = peer.putObject("protocols").putObject("stele");
            stele.put("version", p.protocolVersion());
            stele.put("network", p.chainId());
            stele.put("genesis", p.genesisHash().toHex());
            stele.put("head", p.headHash().toHex());
            stele.put("headNumber", p.headNumber());
        }
        return out;
    }
}
