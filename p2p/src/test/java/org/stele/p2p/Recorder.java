package org.stele.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;

/** A listener that queues every event, so tests await what happens instead of sleeping. */
final class Recorder implements P2pListener {
    sealed interface Event {
    }

    record Received(Address peer, Message message) implements Event {}

    /** The hashes given with a batch of transactions (which also comes as a {@link Received}). */
    record Hashed(Address peer, List<Bytes32> hashes) implements Event {}

    record Connected(PeerInfo peer) implements Event {}

    record Disconnected(Address peer, DisconnectReason reason, boolean byPeer) implements Event {}

    record Refused(SocketAddress remote, String reason) implements Event {}

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();

    @Override
    public void onMessage(Address peer, Message message) {
        events.add(new Received(peer, message));
    }

    @Override
    public void onTransactions(Address peer, Message.Transactions batch, List<Bytes32> hashes) {
        events.add(new Hashed(peer, hashes));
        onMessage(peer, batch);
    }

    @Override
    public void onConnected(PeerInfo peer) {
        events.add(new Connected(peer));
    }

    @Override
    public void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
        events.add(new Disconnected(peer, reason, byPeer));
    }

    @Override
    public void onRefused(SocketAddress remote, String reason) {
        events.add(new Refused(remote, reason));
    }

    /** Waits (up to 20 s) for the next event of this kind that matches, keeping the others for later inspection. */
    <E extends Event> E await(Class<E> kind, Predicate<E> matches) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            synchronized (seen) {
                for (int i = 0; i < seen.size(); i++)
                    if (kind.isInstance(seen.get(i)) && matches.test(kind.cast(seen.get(i))))
                        return kind.cast(seen.remove(i));
            }
            long left = deadline - System.nanoTime();
            assertThat(left).as("waited 20 s for a " + kind.getSimpleName()).isPositive();
            try {
                Event e = events.poll(left, TimeUnit.NANOSECONDS);
                if (e != null)
                    synchronized (seen) {
                        seen.add(e);
                    }
            } catch (InterruptedException ex) {
                throw new AssertionError(ex);
            }
        }
    }

    <E extends Event> E await(Class<E> kind) {
        return await(kind, e -> true);
    }

    /** Every event so far of this kind (without waiting). */
    <E extends Event> List<E> drained(Class<E> kind) {
        synchronized (seen) {
            events.drainTo(seen);
            return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }
}
