package org.stele.rpc.net;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.SimpleMethod;
import org.stele.rpc.admin.NetworkAdmin;

/** {@code net_version} (the chain id in decimal, as geth answers), {@code net_listening} and {@code net_peerCount}. */
public final class NetMethods {
    private NetMethods() {
    }

    public static List<RpcMethod> all(long chainId, NetworkAdmin network) {
        return List.of(
                new SimpleMethod("net_version", () -> TextNode.valueOf(Long.toString(chainId))),
                new SimpleMethod("net_listening", () -> BooleanNode.valueOf(network.listening())),
                new SimpleMethod("net_peerCount",
                        () -> TextNode.valueOf("0x" + Integer.toHexString(network.peerCount()))));
    }
}
