package org.stele.node.did;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.relay.DidRelayer;
import org.stele.apps.identity.relay.RateLimit;
import org.stele.apps.identity.relay.RelayRefusal;
import org.stele.apps.identity.vc.HttpJsonRpc;
import org.stele.apps.identity.vc.VcException;
import org.stele.common.crypto.KeyPair;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.RpcMethod;

/**
 * The node's DID relayer as JSON-RPC (docs/identity.md): {@code did_relayerConfig()} answers the registry, the
 * operator who pays, the chain and the rates; {@code did_relay(data)} relays one owner-signed {@code *Signed} call of
 * the registry and answers {@code {transaction, block}} once it is in a block, or error -32000 whose {@code data} is
 * the refusal's code ({@code notSignedChange}, {@code rateLimited}, {@code registryRefuses}, {@code unavailable}).
 * {@code stele dev} serves it paid by one of its accounts; {@code stele node} when {@code did-relay-key-file} names the
 * operator's key. The relayer sends through the node's own JSON-RPC, so it is made once the node listens.
 */
public final class DidRelayService {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final KeyPair operator;
    private final RateLimit rate;
    private volatile URI self;
    private DidRelayer relayer;

    public DidRelayService(KeyPair operator, RateLimit.Limits limits, InstantSource clock) {
        this.operator = operator;
        this.rate = new RateLimit(limits, clock);
    }

    /**
     * The relayer paid by the key in {@code keyFile} (hex or a web3 keystore opened with {@code passphraseFile}), or
     * none when no file is named.
     *
     * @throws IllegalArgumentException when the key file cannot be read, in one line
     */
    public static Optional<DidRelayService> fromKeyFile(Path keyFile, Path passphraseFile) {
        if (keyFile == null) return Optional.empty();
        try {
            Optional<String> passphrase = passphraseFile == null
                    ? Optional.empty()
                    : Optional.of(NodeKeyFile.readPassphrase(passphraseFile));
            return Optional.of(new DidRelayService(NodeKeyFile.load(keyFile, passphrase), RateLimit.Limits.DEFAULT,
                    InstantSource.system()));
        } catch (KeyFileException e) {
            throw new IllegalArgumentException("did-relay-key-file: " + e.getMessage());
        }
    }

    /** The node's JSON-RPC now listens at {@code address}: the relayer sends through it. */
    public void listening(InetSocketAddress address) {
        String host = address.getAddress() == null || address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : address.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        self = URI.create("http://" + host + ":" + address.getPort());
    }

    public List<RpcMethod> methods() {
        return List.of(RpcMethod.of("did_relayerConfig", (p, s) -> {
            p.atMost(0);
            try {
                return relayer().config();
            } catch (VcException e) {
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage());
            }
        }), RpcMethod.of("did_relay", (p, s) -> {
            p.atMost(1);
            var data = p.data(0, "signed call data");
            try {
                DidRelayer.Relayed done = relayer().relay(data);
                return JsonNodeFactory.instance.objectNode().put("transaction", done.transaction())
                        .put("block", done.block());
            } catch (RelayRefusal e) {
                throw new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage(),
                        JsonNodeFactory.instance.textNode(e.code().label()));
            }
        }));
    }

    private synchronized DidRelayer relayer() {
        if (relayer == null) {
            if (self == null) throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "the relayer is not started yet");
            relayer = new DidRelayer(new HttpJsonRpc(self), operator, rate, WAIT);
        }
        return relayer;
    }
}
