package org.stele.rpc.server;

import org.stele.rpc.RpcLimits;

/**
 * Where and how the JSON-RPC server listens.
 *
 * @param host interface to bind; 127.0.0.1 unless the operator says otherwise
 * @param port TCP port; 0 picks a free one (tests)
 * @param corsOrigins the {@code Access-Control-Allow-Origin} value, or empty for no CORS headers
 */
public record RpcServerConfig(String host, int port, RpcLimits limits, String corsOrigins) {
    public static RpcServerConfig localhost(int port) {
        return new RpcServerConfig("127.0.0.1", port, RpcLimits.DEFAULT, "");
    }
}
