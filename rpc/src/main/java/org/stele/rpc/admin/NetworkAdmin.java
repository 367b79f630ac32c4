package org.stele.rpc.admin;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * The node's network as RPC sees it. The node implements it over its P2P transport; a node without one (the dev
 * chain) uses {@link #NONE}.
 */
public interface NetworkAdmin {
    /** This node on the network: its address (its identity) and where it accepts peers. */
    record Self(Address address, InetSocketAddress listen, int protocolVersion) {}

    /** A connected peer, with what it said of its chain in its hello. */
    record Peer(Address address, String remoteAddress, boolean inbound, int protocolVersion, long chainId,
            Bytes32 genesisHash, long headNumber, Bytes32 headHash) {}

    /** Empty when the node takes part in no network. */
    Optional<Self> self();

    List<Peer> peers();

    /** Whether the node accepts peers; a lone dev node says true, as geth's dev mode does. */
    boolean listening();

    /**
     * Keeps the peer written {@code 0xADDRESS@HOST:PORT} connected (a static peer).
     *
     * @return false when it already was one
     * @throws IllegalArgumentException when the text is not such a peer
     * @throws UnsupportedOperationException when the node has no network
     */
    boolean addPeer(String endpoint);

    /**
     * Stops keeping the peer connected and disconnects it.
     *
     * @param peer {@code 0xADDRESS} or {@code 0xADDRESS@HOST:PORT}
     * @return false when it was not a static peer
     * @throws IllegalArgumentException when the text names no address
     * @throws UnsupportedOperationException when the node has no network
     */
    boolean removePeer(String peer);

    default int peerCount() {
        return peers().size();
    }

    /** A node that takes part in no network: no peers, and nothing to add them to. */
    NetworkAdmin NONE = new NetworkAdmin() {
        @Override
        public Optional<Self> self() {
            return Optional.empty();
        }

        @Override
        public List<Peer> peers() {
            return List.of();
        }

        @Override
        public boolean listening() {
            return true;
        }

        @Override
        public boolean addPeer(String endpoint) {
            throw new UnsupportedOperationException(
                    "this node runs without a P2P network (stele dev): it has no peers");
        }

        @Override
        public boolean removePeer(String peer) {
            return addPeer(peer);
        }
    };
}
