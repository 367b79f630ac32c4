package org.stele.rpc.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.time.InstantSource;
import org.stele.common.crypto.CryptoSuite;
import org.stele.rpc.AdminAccess;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.access.AccountDirectory;
import org.stele.rpc.access.ReadAccess;

/**
 * Where and how the JSON-RPC server listens.
 *
 * @param host interface to bind; 127.0.0.1 unless the operator says otherwise
 * @param port TCP port; 0 picks a free one (tests)
 * @param limits what one request may ask
 * @param browsers which web pages may call the node and under which host names it is reached
 * @param connections timeouts and connection counts
 * @param adminTokenFile a file holding the token that {@code admin_*} calls must present when the server listens
 *            beyond loopback; null for none (admin methods are then refused there)
 * @param auth {@code none}: every call is answered, as on loopback; {@code account}: beyond loopback, every call needs
 *            an account token and the chain's roles decide what it may read ({@link ReadAccess})
 */
public record RpcServerConfig(String host, int port, RpcLimits limits, BrowserPolicy browsers,
        ConnectionLimits connections, Path adminTokenFile, String auth) {
    public static RpcServerConfig localhost(int port) {
        return new RpcServerConfig("127.0.0.1", port, RpcLimits.DEFAULT, BrowserPolicy.DEFAULT,
                ConnectionLimits.DEFAULT);
    }

    public RpcServerConfig {
        if (!auth.equals("none") && !auth.equals("account"))
            throw new IllegalArgumentException("rpc-http-auth is none or account, not " + auth);
    }

    /** A server that answers every call, as before account tokens. */
    public RpcServerConfig(String host, int port, RpcLimits limits, BrowserPolicy browsers,
            ConnectionLimits connections, Path adminTokenFile) {
        this(host, port, limits, browsers, connections, adminTokenFile, "none");
    }

    /** Who may read through this server: the chain's {@code directory} of accounts decides under {@code account}. */
    public ReadAccess readAccess(long chainId, CryptoSuite suite, AccountDirectory directory, InstantSource clock) {
        return ReadAccess.forHost(host, auth, chainId, suite, directory, clock);
    }

    /** A server without an admin token. */
    public RpcServerConfig(String host, int port, RpcLimits limits, BrowserPolicy browsers,
            ConnectionLimits connections) {
        this(host, port, limits, browsers, connections, null);
    }

    /**
     * Who may call {@code admin_*} methods on this server, reading the token file when there is one.
     *
     * @throws IllegalArgumentException when the token file cannot be read or is empty
     */
    public AdminAccess adminAccess() {
        Optional<String> token = Optional.empty();
        if (adminTokenFile != null) {
            try {
                token = Optional.of(Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the admin token file " + adminTokenFile + ": " + e);
            }
            if (token.get().isEmpty())
                throw new IllegalArgumentException("the admin token file " + adminTokenFile + " is empty");
        }
        return AdminAccess.forHost(host, token);
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
