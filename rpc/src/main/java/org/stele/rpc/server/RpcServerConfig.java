package org.stele.rpc.server;

import java.util.Arrays;
import java.util.List;
import org.stele.rpc.RpcLimits;

/**
 * Where and how the JSON-RPC server listens.
 *
 * @param host interface to bind; 127.0.0.1 unless the operator says otherwise
 * @param port TCP port; 0 picks a free one (tests)
 * @param limits what one request may ask
 * @param browsers which web pages may call the node and under which host names it is reached
 * @param connections timeouts and connection counts
 */
public record RpcServerConfig(String host, int port, RpcLimits limits, BrowserPolicy browsers,
        ConnectionLimits connections) {
    public static RpcServerConfig localhost(int port) {
        return new RpcServerConfig("127.0.0.1", port, RpcLimits.DEFAULT, BrowserPolicy.DEFAULT,
                ConnectionLimits.DEFAULT);
    }

    /**
     * The earlier form: {@code corsOrigins} is a comma-separated {@code --http.corsdomain} list, empty for the default
     * (pages on localhost); virtual hosts and connection limits take their defaults.
     */
    public RpcServerConfig(String host, int port, RpcLimits limits, String corsOrigins) {
        this(host, port, limits, corsOrigins.isBlank()
                ? BrowserPolicy.DEFAULT
                : new BrowserPolicy(split(corsOrigins), BrowserPolicy.DEFAULT.vhosts()), ConnectionLimits.DEFAULT);
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
