package org.stele.node.points;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.TokenBucket;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.RpcMethod;
import org.web3j.crypto.Credentials;

/**
 * The relayer a member's {@code stele node} runs when its configuration names one ({@code points-relayer-*}): one
 * PointsToken and its forwarder, the gas paid by the account of a key file. It reaches the chain through the node's own
 * JSON-RPC ({@code rpcUrl}, known once the node listens), made on the first request.
 */
public final class NodePointsRelayer implements AutoCloseable {
    private final Supplier<String> rpcUrl;
    private final Credentials operator;
    private final String token;
    private final String forwarder;
    private final int burst;
    private final double perSecond;
    private Relayer relayer;
    private boolean closed;

    private NodePointsRelayer(Supplier<String> rpcUrl, Credentials operator, String token, String forwarder, int burst,
            double perSecond) {
        this.rpcUrl = rpcUrl;
        this.operator = operator;
        this.token = token.toLowerCase(java.util.Locale.ROOT);
        this.forwarder = forwarder.toLowerCase(java.util.Locale.ROOT);
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /**
     * Reads the operator's key from {@code keyFile} (a hex private key, as {@code stele points --key-file} reads).
     *
     * @throws IllegalArgumentException with one line when the file cannot be read or holds no key
     */
    public static NodePointsRelayer open(Path keyFile, String token, String forwarder, int burst, double perSecond,
            Supplier<String> rpcUrl) {
        String hex;
        try {
            hex = Files.readString(keyFile).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the points relayer's key file " + keyFile + ": " + e);
        }
        if (!hex.matches("(0x)?[0-9a-fA-F]{64}"))
            throw new IllegalArgumentException(
                    "the points relayer's key file " + keyFile + " does not hold a hex private key (64 hex digits)");
        return new NodePointsRelayer(rpcUrl, Credentials.create(hex), token, forwarder, burst, perSecond);
    }

    /** The account that pays the relayed requests' gas. */
    public String operator() {
        return operator.getAddress();
    }

    public List<RpcMethod> methods() {
        return PointsRelayerMethods.of(this::relayer);
    }

    private synchronized Relayer relayer(String requested) {
        if (!requested.equals(token))
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR,
                    "this node relays only for the points token " + token + ", not " + requested);
        if (closed) throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "the relayer is stopping");
        if (relayer == null) {
            try {
                relayer = new Relayer(new NodeRpc(rpcUrl.get()), operator, Relayer.Config.of(token, forwarder),
                        new TokenBucket(burst, perSecond, InstantSource.system()));
            } catch (IOException e) {
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR,
                        "the relayer cannot reach the node: " + e.getMessage());
            }
        }
        return relayer;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (relayer != null) relayer.close();
    }
}
