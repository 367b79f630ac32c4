package org.stele.p2p;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stele.common.Address;

/**
 * Strikes and timed bans per node address, by an injected clock. A peer that misbehaves {@code strikesBeforeBan}
 * times within {@code banDuration} is banned for {@code banDuration}: refused in the handshake and not dialed.
 */
final class BanList {
    private final Clock clock;
    private final int strikesBeforeBan;
    private final Duration banDuration;
    private final Map<Address, Deque<Instant>> strikes = new HashMap<>();
    private final Map<Address, Instant> bannedUntil = new HashMap<>();

    BanList(Clock clock, int strikesBeforeBan, Duration banDuration) {
        this.clock = clock;
        this.strikesBeforeBan = strikesBeforeBan;
        this.banDuration = banDuration;
    }

    /** Records a misbehaviour; true when it got the peer banned. */
    synchronized boolean strike(Address peer) {
        Instant now = clock.instant();
        Deque<Instant> times = strikes.computeIfAbsent(peer, p -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(banDuration)))
            times.removeFirst();
        times.addLast(now);
        if (times.size() < strikesBeforeBan)
            return false;
        strikes.remove(peer);
        bannedUntil.put(peer, now.plus(banDuration));
        return true;
    }

    /** When the peer's ban ends, if it is banned now. */
    synchronized Optional<Instant> bannedUntil(Address peer) {
        Instant until = bannedUntil.get(peer);
        if (until == null)
            return Optional.empty();
        if (!until.isAfter(clock.instant())) {
            bannedUntil.remove(peer);
            return Optional.empty();
        }
        return Optional.of(until);
    }
}
