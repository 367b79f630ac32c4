package org.stele.node.wiring;

import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.p2p.P2pListener;
import org.stele.p2p.PeerInfo;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;

/**
 * The latest head each connected peer told this node of: first in its handshake, then in each new-block announcement.
 * {@code admin_peers} reports it, so an operator (and {@code stele gov add-validator}) sees how far a peer has synced
 * since it connected. A peer's head only moves forward: an announcement older than what it said before (a late
 * message) changes nothing.
 */
public final class PeerHeads {
    /** A block a peer said it has. */
    public record Head(long number, Bytes32 hash) {}

    private final ConcurrentHashMap<Address, Head> heads = new ConcurrentHashMap<>();

    /** The peer has {@code number} (from its handshake or an announcement). */
    public void announced(Address peer, long number, Bytes32 hash) {
        heads.merge(peer, new Head(number, hash), (old, now) -> now.number() >= old.number() ? now : old);
    }

    /** The peer disconnected: what it said no longer holds. */
    public void gone(Address peer) {
        heads.remove(peer);
    }

    public Optional<Head> of(Address peer) {
        return Optional.ofNullable(heads.get(peer));
    }

    /** {@code next}, with what peers say of their heads kept here on the way. */
    public P2pListener tracking(P2pListener next) {
        return new P2pListener() {
            @Override
            public void onMessage(Address peer, Message message) {
                if (message instanceof Message.NewBlock nb) announced(peer, nb.number(), nb.hash());
                next.onMessage(peer, message);
            }

            // Forwarded as it came: the default would hand the batch to onMessage without the hashes the transport
            // computed, and the intake would hash every gossiped transaction a second time.
            @Override
            public void onTransactions(Address peer, Message.Transactions batch, List<Bytes32> hashes) {
                next.onTransactions(peer, batch, hashes);
            }

            @Override
            public void onConnected(PeerInfo peer) {
                announced(peer.address(), peer.hello().headNumber(), peer.hello().headHash());
                next.onConnected(peer);
            }

            @Override
            public void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
                gone(peer);
                next.onDisconnected(peer, reason, byPeer);
            }

            @Override
            public void onRefused(SocketAddress remote, String reason) {
                next.onRefused(remote, reason);
            }
        };
    }
}
