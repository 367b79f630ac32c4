package org.stele.node.validator;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.stele.common.Address;
import org.stele.node.config.ConfigSchema;
import org.stele.node.config.Flatten;
import org.stele.node.logging.LoggingConfig;
import org.stele.node.metrics.MetricsConfig;
import org.stele.node.wiring.NodeConfig;
import org.stele.p2p.PeerEndpoint;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.txpool.TxPoolConfig;

/**
 * How one member's node on a QBFT network is set up ({@code stele node}). Whether it validates is not configured: it
 * does when its key's address is in the validator set.
 *
 * @param node                  the settings every node has (data path, JSON-RPC, pool)
 * @param genesis               the network's genesis.json
 * @param nodeKeyFile           the node key: its address is the node's identity and, for a validator, its signer;
 *                              null for a node without a network identity (it serves its chain and takes part in none)
 * @param nodeKeyPasswordFile   the passphrase of an encrypted key file; null for a plain one
 * @param p2p                   where the node listens and whom it dials and admits
 * @param qbft                  consensus timings; null ones come from the genesis's {@code config.qbft}
 * @param pointsRelayer         the points application's relayer, served over the node's JSON-RPC; off by default
 * @param didRelayKeyFile       the key of the account that pays the node's DID relayer ({@code did_relay},
 *                              docs/identity.md); null: the node relays nothing
 * @param didRelayKeyPasswordFile the passphrase of an encrypted DID relayer key file; null for a plain one
 */
public record NetworkNodeConfig(@Flatten NodeConfig node, Path genesis, Path nodeKeyFile, Path nodeKeyPasswordFile,
        P2pSettings p2p, QbftSettings qbft, PointsRelayerSettings pointsRelayer, Path didRelayKeyFile,
        Path didRelayKeyPasswordFile) {
    /**
     * The points relayer ({@code points_relay} on the node's JSON-RPC, docs/points.md): on when the three first are
     * given, off when none is.
     *
     * @param keyFile   a hex private key: its account pays the relayed requests' gas
     * @param token     the PointsToken whose transfers it relays
     * @param forwarder the token's trusted forwarder
     * @param burst     requests a signer may send at once
     * @param perSecond requests a signer may send each second after a burst
     */
    public record PointsRelayerSettings(Path keyFile, String token, String forwarder, int burst, double perSecond) {
        public PointsRelayerSettings {
            if ((keyFile == null) != (token == null) || (token == null) != (forwarder == null))
                throw new IllegalArgumentException("the points relayer needs points-relayer-key-file,"
                        + " points-relayer-token and points-relayer-forwarder together");
            if (token != null && !token.matches("0x[0-9a-fA-F]{40}"))
                throw new IllegalArgumentException("points-relayer-token is not an address: " + token);
            if (forwarder != null && !forwarder.matches("0x[0-9a-fA-F]{40}"))
                throw new IllegalArgumentException("points-relayer-forwarder is not an address: " + forwarder);
            if (burst < 1) throw new IllegalArgumentException("points-relayer-burst must be at least 1");
            if (!(perSecond > 0)) throw new IllegalArgumentException("points-relayer-per-second must be above 0");
        }

        public boolean enabled() {
            return token != null;
        }
    }

    /**
     * @param host        interface to listen on
     * @param port        port to listen on (0: any free port)
     * @param staticPeers peers to keep connected, each {@code 0xADDRESS@HOST:PORT}
     * @param allowlist   addresses that may connect besides those the NodeAllowlist contract admits (on a chain
     *                    without it: these, or the genesis validators when empty)
     */
    public record P2pSettings(String host, int port, List<String> staticPeers, List<String> allowlist) {
        public P2pSettings {
            staticPeers = List.copyOf(staticPeers);
            allowlist = List.copyOf(allowlist);
            if (port < 0 || port > 65535) throw new IllegalArgumentException("p2p-port must be in 0..65535");
            for (String p : staticPeers) PeerEndpoint.parse(p);
            for (String a : allowlist) Address.fromHex(a);
        }

        public List<PeerEndpoint> staticPeerEndpoints() {
            return staticPeers.stream().map(PeerEndpoint::parse).toList();
        }

        public List<Address> allowlistAddresses() {
            return allowlist.stream().map(Address::fromHex).toList();
        }
    }

    /**
     * @param blockPeriod         least time between a block and its parent
     * @param emptyBlockPeriod    least time between a block and its parent when there is nothing to include
     * @param requestTimeout      the first round's timeout, doubling each round
     * @param maxTimeoutExponent  the timeout doubles at most this many times
     */
    public record QbftSettings(Duration blockPeriod, Duration emptyBlockPeriod, Duration requestTimeout,
            int maxTimeoutExponent) {
        public QbftSettings {
            if (maxTimeoutExponent < 0 || maxTimeoutExponent > 20)
                throw new IllegalArgumentException("qbft-max-timeout-exponent must be in 0..20");
            for (Duration d : new Duration[]{blockPeriod, emptyBlockPeriod, requestTimeout})
                if (d != null && (d.isNegative() || d.isZero()))
                    throw new IllegalArgumentException("QBFT periods and timeouts must be positive");
        }
    }

    public static final NetworkNodeConfig DEFAULTS = new NetworkNodeConfig(
            new NodeConfig(Path.of("data"), RpcServerConfig.localhost(8545),
                    new TxPoolConfig(4_096, 65_536, 10, BigInteger.ONE), LoggingConfig.DEFAULT, MetricsConfig.NODE),
            null, null, null, new P2pSettings("127.0.0.1", 30303, List.of(), List.of()),
            new QbftSettings(null, null, null, 6), new PointsRelayerSettings(null, null, null, 10, 2), null, null);

    public static final ConfigSchema<NetworkNodeConfig> SCHEMA = new ConfigSchema<>(NetworkNodeConfig.class, DEFAULTS);
}
