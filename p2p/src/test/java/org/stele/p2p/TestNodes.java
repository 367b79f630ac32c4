package org.stele.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/** Starts networks on loopback port 0 and closes them all, checking that every event loop stopped. */
final class TestNodes implements AutoCloseable {
    static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    static final long CHAIN_ID = 2026;
    static final Bytes32 GENESIS = Bytes32.fromHex("0x" + "11".repeat(32));
    static final ChainHead HEAD = new ChainHead(7, Bytes32.fromHex("0x" + "22".repeat(32)));

    final ManualClock clock = new ManualClock();
    private final List<P2pNetwork> started = new ArrayList<>();

    static KeyPair newKey() {
        return SUITE.generateKeyPair(new SecureRandom());
    }

    static Address address(KeyPair key) {
        return SUITE.address(key.publicKey());
    }

    P2pNetwork start(KeyPair key, Set<Address> allowed, Recorder recorder) {
        return start(key, allowed, GENESIS, P2pLimits.DEFAULT, recorder);
    }

    P2pNetwork start(KeyPair key, Set<Address> allowed, Bytes32 genesis, P2pLimits limits, Recorder recorder) {
        return start(key, allowed, genesis, limits, recorder, 0);
    }

    P2pNetwork start(KeyPair key, Set<Address> allowed, Bytes32 genesis, P2pLimits limits, Recorder recorder,
            int port) {
        return start(key, ConfigPeerAllowlist.of(allowed), genesis, limits, recorder, port);
    }

    P2pNetwork start(KeyPair key, PeerAllowlist allowlist, Bytes32 genesis, P2pLimits limits, Recorder recorder,
            int port) {
        var config = new P2pConfig(key, SUITE, new InetSocketAddress("127.0.0.1", port), CHAIN_ID, genesis,
                () -> HEAD, allowlist, List.of(), limits, clock, new SecureRandom());
        P2pNetwork network = P2pNetwork.start(config, recorder);
        started.add(network);
        return network;
    }

    static PeerEndpoint endpoint(P2pNetwork network) {
        return new PeerEndpoint(network.self(), "127.0.0.1", network.listenAddress().getPort());
    }

    @Override
    public void close() {
        for (P2pNetwork n : started)
            n.close();
        for (P2pNetwork n : started)
            assertThat(n.isTerminated()).as("event loops of " + n.self() + " shut down").isTrue();
    }
}
