package org.stele.node.wiring;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.PeerEndpoint;
import org.stele.p2p.PeerInfo;
import org.stele.rpc.admin.NetworkAdmin;

/**
 * The operator's view of a running {@link P2pNetwork}: who this node is, its peers with the latest head each announced,
 * and static peers to change.
 */
public final class P2pNetworkAdmin implements NetworkAdmin {
    private final P2pNetwork network;
    private final PeerHeads heads;

    public P2pNetworkAdmin(P2pNetwork network) {
        this(network, new PeerHeads());
    }

    /** @param heads the heads peers announced since their handshakes */
    public P2pNetworkAdmin(P2pNetwork network, PeerHeads heads) {
        this.network = network;
        this.heads = heads;
    }

    @Override
    public Optional<Self> self() {
        return Optional.of(new Self(network.self(), network.listenAddress(), P2pNetwork.PROTOCOL_VERSION));
    }

    @Override
    public List<Peer> peers() {
        return network.peers().stream().map(this::peer).toList();
    }

    private Peer peer(PeerInfo p) {
        String remote = p.remote() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort()
                : String.valueOf(p.remote());
        PeerHeads.Head head = heads.of(p.address()).filter(h -> h.number() >= p.hello().headNumber())
                .orElse(new PeerHeads.Head(p.hello().headNumber(), p.hello().headHash()));
        return new Peer(p.address(), remote, !p.outbound(), p.hello().protocolVersion(), p.hello().chainId(),
                p.hello().genesisHash(), head.number(), head.hash());
    }

    @Override
    public boolean listening() {
        return !network.isTerminated();
    }

    @Override
    public int peerCount() {
        return network.peers().size();
    }

    @Override
    public boolean addPeer(String endpoint) {
        PeerEndpoint peer = PeerEndpoint.parse(endpoint);
        if (peer.address().equals(network.self()))
            throw new IllegalArgumentException("a node does not peer with itself");
        boolean known = network.peers().stream().anyMatch(p -> p.address().equals(peer.address()));
        network.addPeer(peer);
        return !known;
    }

    @Override
    public boolean removePeer(String peer) {
        String address = peer.contains("@") ? peer.substring(0, peer.indexOf('@')) : peer;
        return network.removePeer(Address.fromHex(address));
    }
}
