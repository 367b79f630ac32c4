package org.stele.node.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stele.common.Address;

/**
 * Which peer fetches which range of blocks while a node catches up: pure bookkeeping, no sockets and no clock, so the
 * same inputs always give the same requests. The missing blocks are cut into spans that are shared among the peers
 * ahead of the node, one span in flight per peer; a span that a peer did not serve (it failed, timed out, left, or
 * had fewer blocks) goes back to be asked of another peer first. Spans shrink as the missing part does, so the last
 * blocks too come from several peers at once, and nothing is asked more than {@link #window} blocks beyond the head,
 * which bounds what waits in memory for its turn to be imported.
 */
final class SyncPlan {
    /** A range of block numbers, {@code from} to {@code to} inclusive. */
    record Span(long from, long to) {
        Span {
            if (from < 0 || to < from)
                throw new IllegalArgumentException(
                        "a span runs from a block to one at or after it: " + from + ".." + to);
        }

        int count() {
            return (int) (to - from + 1);
        }
    }

    /** Ask {@code peer} for {@code span}. */
    record Assignment(Address peer, Span span) {}

    private final int maxSpan;
    private final int window;
    private final Map<Address, Long> heads = new TreeMap<>();
    private final Map<Address, Span> inFlight = new TreeMap<>();
    /** Spans given back, asked again before anything new, lowest first. */
    private final TreeMap<Long, Span> retry = new TreeMap<>();
    /** The lowest block number never handed out. */
    private long next;

    /**
     * @param maxSpan the most blocks asked of one peer at a time
     * @param window  the most blocks asked beyond the head, served or not
     */
    SyncPlan(int maxSpan, int window) {
        if (maxSpan < 1 || window < maxSpan)
            throw new IllegalArgumentException("a plan needs 1 <= maxSpan <= window");
        this.maxSpan = maxSpan;
        this.window = window;
    }

    /** {@code peer} has blocks up to {@code head}; a head only rises, as a final chain only grows. */
    void peerHead(Address peer, long head) {
        heads.merge(peer, head, Math::max);
    }

    /** The highest block a peer has announced, or -1. */
    long highest() {
        return heads.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** {@code peer} is gone or not to be trusted: what it was asked goes back, and it is asked nothing more. */
    void forget(Address peer) {
        heads.remove(peer);
        Span s = inFlight.remove(peer);
        if (s != null)
            giveBack(s);
    }

    /**
     * {@code peer} served its span up to {@code servedTo} (below the span's start when it served nothing): the rest
     * goes back, and a peer that served less than asked is taken to have no more than that.
     */
    void served(Address peer, long servedTo) {
        Span s = inFlight.remove(peer);
        if (s == null)
            return;
        if (servedTo < s.to()) {
            giveBack(new Span(Math.max(s.from(), servedTo + 1), s.to()));
            heads.computeIfPresent(peer, (p, h) -> Math.min(h, servedTo));
        }
    }

    /** {@code peer} did not answer in time: its span goes back; it stays a peer and may be asked again. */
    void timedOut(Address peer) {
        Span s = inFlight.remove(peer);
        if (s != null)
            giveBack(s);
    }

    /** {@code span} was served but turned out bad (the importer refused it): it is asked again. */
    void redo(Span span) {
        giveBack(span);
    }

    /** The span {@code peer} was asked for and has not answered, if any. */
    Optional<Span> asked(Address peer) {
        return Optional.ofNullable(inFlight.get(peer));
    }

    /** Nothing is being fetched. */
    boolean idle() {
        return inFlight.isEmpty();
    }

    /** True while some peer has blocks the node lacks or a request is out. */
    boolean behind(long head) {
        return highest() > head || !inFlight.isEmpty();
    }

    /**
     * What to ask now that the node's head is {@code head}: one span for each idle peer that has blocks the node
     * lacks, in address order, spans that were given back first.
     */
    List<Assignment> assign(long head) {
        next = Math.max(next, head + 1);
        // Blocks the node got meanwhile (consensus imported them) are not asked again.
        for (Span s : new ArrayList<>(retry.headMap(head, true).values())) {
            retry.remove(s.from());
            if (s.to() > head)
                giveBack(new Span(head + 1, s.to()));
        }
        List<Assignment> out = new ArrayList<>();
        for (Map.Entry<Address, Long> e : heads.entrySet()) {
            Address peer = e.getKey();
            long theirs = e.getValue();
            if (inFlight.containsKey(peer) || theirs <= head)
                continue;
            Optional<Span> span = takeRetry(theirs).or(() -> takeNew(head, theirs));
            span.ifPresent(s -> {
                inFlight.put(peer, s);
                out.add(new Assignment(peer, s));
            });
        }
        return out;
    }

    private Optional<Span> takeRetry(long theirs) {
        for (Span s : retry.values()) {
            if (s.from() > theirs)
                continue;
            retry.remove(s.from());
            if (s.to() > theirs) {
                giveBack(new Span(theirs + 1, s.to()));
                return Optional.of(new Span(s.from(), theirs));
            }
            return Optional.of(s);
        }
        return Optional.empty();
    }

    private Optional<Span> takeNew(long head, long theirs) {
        long last = Math.min(theirs, head + window);
        if (next > last)
            return Optional.empty();
        // Two spans per peer ahead over what is left unasked, so a peer that answers first takes on more.
        long peersAhead = heads.values().stream().filter(h -> h >= next).count();
        long unasked = highest() - next + 1;
        long size = Math.max(1, Math.min(maxSpan, ceilDiv(unasked, 2 * Math.max(1, peersAhead))));
        Span s = new Span(next, Math.min(last, next + size - 1));
        next = s.to() + 1;
        return Optional.of(s);
    }

    private void giveBack(Span s) {
        retry.put(s.from(), s);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
