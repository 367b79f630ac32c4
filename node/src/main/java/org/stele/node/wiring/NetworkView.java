package org.stele.node.wiring;

import java.util.List;
import java.util.Optional;
import org.stele.rpc.admin.NetworkAdmin;

/**
 * The network RPC methods are built with: none until the node joins one, then that one. The methods are made before
 * the network starts (it needs the chain they serve), so they ask through this view.
 */
final class NetworkView implements NetworkAdmin {
    private volatile NetworkAdmin current = NetworkAdmin.NONE;

    void use(NetworkAdmin network) {
        current = network;
    }

    @Override
    public Optional<Self> self() {
        return current.self();
    }

    @Override
    public List<Peer> peers() {
        return current.peers();
    }

    @Override
    public boolean listening() {
        return current.listening();
    }

    @Override
    public int peerCount() {
        return current.peerCount();
    }

    @Override
    public boolean addPeer(String endpoint) {
        return current.addPeer(endpoint);
    }

    @Override
    public boolean removePeer(String peer) {
        return current.removePeer(peer);
    }
}
