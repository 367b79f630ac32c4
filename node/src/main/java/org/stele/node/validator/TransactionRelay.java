package org.stele.node.validator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * Which announced transactions to ask a peer for. A node sends the transactions it admits from JSON-RPC in full to
 * every peer, and relays those it got from a peer only by hash: in a full mesh each transaction then crosses each
 * link in full once (from the node it was sent to) and otherwise as a 32-byte hash, which the receiver already holds
 * and drops, rather than in full from every node that admitted it; a transaction a validator sent is relayed to
 * members only, since every validator had it from the sender (see {@link #reachedEveryValidator}). A node reached only
 * through a relay (a member connected to one validator) asks the announcer for what it lacks. This remembers, for the intake thread, which
 * hashes arrived in full lately and which were asked for, so a transaction announced by three peers is fetched once,
 * and asked for again only when the answer has not come within {@link #RETRY_MILLIS}.
 */
final class TransactionRelay {
    /** How long an asked-for transaction may take to arrive before another announcer is asked. */
    static final long RETRY_MILLIS = 2_000;
    /** Hashes remembered; older ones are forgotten first. */
    static final int CAPACITY = 65_536;
    private static final long RECEIVED = Long.MAX_VALUE;

    private final LongSupplier clock;
    /** Hash to when it was asked for, or {@link #RECEIVED}; in access order, bounded. */
    private final Map<Bytes32, Long> seen = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes32, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param clock milliseconds, from the node's scheduler */
    TransactionRelay(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Whether a transaction {@code origin} sent this node has reached every validator already, so that relaying its
     * hash to a validator tells it nothing. It has when the origin is a validator: validators keep a full mesh (each
     * QBFT message goes straight from its signer to every validator, never relayed), and a validator passes on to
     * every validator what it admits (in full what came in through its JSON-RPC, by hash what a member sent it),
     * except what a validator sent it, which that validator passed on already. Members (nodes that are no
     * validators) still hear of it from this node, since one may be connected to this node alone.
     */
    static boolean reachedEveryValidator(Address origin, Collection<Address> validators) {
        return validators.contains(origin);
    }

    /** The transaction arrived in full (whether or not the pool took it). */
    void received(Bytes32 hash) {
        seen.put(hash, RECEIVED);
    }

    /**
     * Whether to ask for an announced transaction the pool lacks: not when it arrived lately (the pool refused it or
     * it is in a block already), nor when it was asked for less than {@link #RETRY_MILLIS} ago; when it says yes, the
     * request counts from now.
     */
    boolean shouldRequest(Bytes32 hash) {
        long now = clock.getAsLong();
        Long at = seen.get(hash);
        if (at != null && (at == RECEIVED || now - at < RETRY_MILLIS))
            return false;
        seen.put(hash, now);
        return true;
    }
}
