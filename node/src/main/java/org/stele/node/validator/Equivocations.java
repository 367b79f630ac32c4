package org.stele.node.validator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.QbftMessage;
import org.stele.consensus.qbft.message.RoundChange;

/**
 * Catches a validator signing two different values for one height, round and step: two proposals of different
 * blocks, or two PREPAREs or COMMITs for different blocks. An honest validator never does (its WAL keeps it from doing
 * so across restarts too), so the second signed message is proof of equivocation, whoever sees both. Only heights
 * near the head are remembered, and at most {@link #LIMIT} values, so a flood of messages cannot grow it.
 */
final class Equivocations {
    /** Heights beyond the head remembered: the engine buffers no further ones either. */
    private static final long HEIGHTS_AHEAD = 10;
    private static final int LIMIT = 100_000;

    private record Key(Address author, long height, int round, int code) {}

    private final QbftHashing hashing;
    private final Map<Key, Bytes32> signed = new HashMap<>();

    Equivocations(QbftHashing hashing) {
        this.hashing = hashing;
    }

    /** Empty when {@code m} agrees with what its author signed before; else what it contradicts. */
    Optional<String> check(QbftMessage m, long head) {
        Bytes32 digest = switch (m) {
            case Proposal p -> hashing.blockHash(p.block().header());
            case Prepare p -> p.digest();
            case Commit c -> c.digest();
            case RoundChange rc -> null;
        };
        if (digest == null || m.height() <= head || m.height() > head + HEIGHTS_AHEAD)
            return Optional.empty();
        Key key = new Key(m.author(), m.height(), m.round(), m.code());
        Bytes32 before = signed.get(key);
        if (before == null) {
            if (signed.size() < LIMIT)
                signed.put(key, digest);
            return Optional.empty();
        }
        if (before.equals(digest))
            return Optional.empty();
        return Optional.of(m.author() + " signed two different values for height " + m.height() + " round "
                + m.round() + " (message code " + m.code() + "): " + before + " and " + digest);
    }

    /** Heights up to {@code head} are decided: what was signed for them no longer matters here. */
    void decided(long head) {
        signed.keySet().removeIf(k -> k.height() <= head);
    }
}
