package org.stele.p2p;

import java.net.SocketAddress;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;

/**
 * What the network tells the node. Called on Netty's I/O threads, so implementations hand work off (to the consensus
 * queue, the verification pool) rather than doing it here; messages from one peer arrive in the order it sent them.
 */
public interface P2pListener {
    /** A message from a connected peer (never a hello or a disconnect, which the network handles). */
    void onMessage(Address peer, Message message);

    /**
     * A batch of transactions from a connected peer, with their hashes (the network's suite over each one's bytes,
     * matching by index), which the network computed to drop those the peer had sent before: the node need not hash
     * them again. By default it is handed to {@link #onMessage}.
     */
    default void onTransactions(Address peer, Message.Transactions batch, List<Bytes32> hashes) {
        onMessage(peer, batch);
    }

    /** A peer completed the handshake and its hello matched: it may now be sent to. */
    default void onConnected(PeerInfo peer) {
    }

    /** A connected peer is gone; {@code byPeer} when the peer sent the reason, else this side closed. */
    default void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
    }

    /** A connection that never became a peer: a refused handshake, a hello that did not match, a timeout. */
    default void onRefused(SocketAddress remote, String reason) {
    }
}
