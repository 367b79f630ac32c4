package org.stele.p2p;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;

/**
 * Everything a {@link P2pNetwork} needs.
 *
 * @param nodeKey     the node's key: its address is its identity
 * @param suite       the chain's crypto suite, which signs and checks the identity binding
 * @param listen      where to accept connections (port 0 for any free port)
 * @param chainId     the chain id every peer's hello must carry
 * @param genesisHash the genesis hash every peer's hello must carry
 * @param head        this node's head, read for each hello sent
 * @param allowlist   which node addresses may connect
 * @param staticPeers peers to keep connected, redialed with backoff
 * @param limits      per-peer bounds
 * @param clock       time for bans, rate limits and certificate validity
 * @param random      randomness for the session key and TLS
 */
public record P2pConfig(KeyPair nodeKey, CryptoSuite suite, InetSocketAddress listen, long chainId,
        Bytes32 genesisHash, Supplier<ChainHead> head, PeerAllowlist allowlist, List<PeerEndpoint> staticPeers,
        P2pLimits limits, Clock clock, SecureRandom random) {
    public P2pConfig {
        Objects.requireNonNull(nodeKey);
        Objects.requireNonNull(suite);
        Objects.requireNonNull(listen);
        Objects.requireNonNull(genesisHash);
        Objects.requireNonNull(head);
        Objects.requireNonNull(allowlist);
        staticPeers = List.copyOf(staticPeers);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(random);
        if (chainId < 0)
            throw new IllegalArgumentException("chain id is non-negative");
    }
}
