package org.stele.rpc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may call {@code admin_*} methods. On a server bound to a loopback address only programs on the machine can
 * connect, so anyone may; bound beyond loopback, a call must carry {@code Authorization: Bearer TOKEN} with the
 * operator's token, and with no token configured admin methods are refused outright rather than left open.
 */
public final class AdminAccess {
    /** Besu's code for a call that lacks the credentials it needs. */
    public static final int UNAUTHORIZED = -40100;
    /** Admin methods open to every caller: for a loopback server and for tests. */
    public static final AdminAccess OPEN = new AdminAccess(null, null);
    private static final String PREFIX = "admin_";
    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final String refusal;

    private AdminAccess(byte[] token, String refusal) {
        this.token = token;
        this.refusal = refusal;
    }

    /**
     * The rule for a server bound to {@code host}.
     *
     * @param token the operator's admin token, if one is configured
     */
    public static AdminAccess forHost(String host, Optional<String> token) {
        if (token.isPresent() && token.get().isBlank())
            throw new IllegalArgumentException("the admin token is empty");
        if (isLoopback(host)) return OPEN;
        return token.map(t -> new AdminAccess(t.strip().getBytes(StandardCharsets.UTF_8), null))
                .orElseGet(() -> new AdminAccess(null, "admin methods are disabled: JSON-RPC listens on " + host
                        + ", beyond loopback, and no admin token is configured (rpc-http-admin-token-file)"));
    }

    /** Whether {@code method} is one this rule guards. */
    public static boolean guards(String method) {
        return method.startsWith(PREFIX);
    }

    /** Whether callers need a token. */
    public boolean requiresToken() {
        return this != OPEN;
    }

    /**
     * Lets the call through or throws the JSON-RPC error that refuses it.
     *
     * @throws JsonRpcException with {@link #UNAUTHORIZED} when the session may not call admin methods
     */
    public void check(RpcSession session) {
        if (this == OPEN) return;
        if (refusal != null) throw new JsonRpcException(UNAUTHORIZED, refusal);
        Optional<String> presented = session.authorization();
        if (presented.isEmpty() || !presented.get().regionMatches(true, 0, BEARER, 0, BEARER.length()))
            throw new JsonRpcException(UNAUTHORIZED,
                    "admin methods need an Authorization: Bearer header with the node's admin token");
        byte[] given = presented.get().substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // A constant-time comparison: the time taken says nothing about how much of the token was right.
        if (!MessageDigest.isEqual(given, token))
            throw new JsonRpcException(UNAUTHORIZED, "the admin token is wrong");
    }

    /** Whether {@code host} is a loopback address (a name other than localhost is not, by rule). */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            // Only literal addresses are resolved here: a name would need DNS, and a name is not loopback by rule.
            if (host.matches("[0-9.]+") || host.contains(":"))
                return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }
}
