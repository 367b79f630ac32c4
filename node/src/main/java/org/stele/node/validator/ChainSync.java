package org.stele.node.validator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.consensus.qbft.FinalityVerifier;
import org.stele.consensus.qbft.ValidatorProvider;
import org.stele.execution.importer.ImportResult;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.message.Message;

/**
 * Catching up with peers that are ahead, from several of them at once. The {@link SyncPlan} shares the missing blocks
 * among the peers (one range in flight per peer); each range that comes back is checked at once ({@link RangeCheck}:
 * every block's commit seals against the validators of its height), waits until the blocks before it are in, and is
 * imported in order through the importer. A peer that serves a range that fails the check or that the importer
 * refuses is reported as misbehaving (a strike and a disconnection) and its ranges are asked of the others. While the
 * node is more than a block behind, the {@link org.stele.node.wiring.SyncTracker} says where it stands, for
 * {@code eth_syncing} and the metrics. Also answers peers' range requests from the block store. Runs on the QBFT
 * service's event thread only.
 */
final class ChainSync {
    private static final Logger LOG = LoggerFactory.getLogger(ChainSync.class);
    /** A range request left unanswered this long goes to another peer. */
    private static final long TIMEOUT_MILLIS = 10_000;
    /**
     * A node far behind waits this long before its first requests, so that the static peers it dials at start-up have
     * all said where their heads are and the first ranges are shared among them rather than all asked of the first.
     */
    private static final long SETTLE_MILLIS = 500;
    /** Blocks asked of one peer at a time: small enough for several peers to share a range, large enough to stream. */
    private static final int MAX_SPAN = 256;
    /** Blocks asked beyond the head at most, which bounds what waits in memory to be imported. */
    private static final int WINDOW = 1024;

    private final NodeServices node;
    private final P2pNetwork network;
    private final Scheduler scheduler;
    private final Consumer<Runnable> eventThread;
    private final Consumer<Block> importedHead;
    private final RangeCheck check;
    private final SyncPlan plan = new SyncPlan(MAX_SPAN, WINDOW);
    private final Map<Address, Request> requests = new HashMap<>();
    /** Checked ranges by their first block number, waiting for the blocks before them. */
    private final TreeMap<Long, Fetched> ready = new TreeMap<>();
    private long nextRequestId = 1;
    private boolean active;
    private boolean settling;
    private boolean reporting;

    private static final class Request {
        final long id;
        final SyncPlan.Span span;
        List<Bytes> headers;
        List<Bytes> bodies;

        Request(long id, SyncPlan.Span span) {
            this.id = id;
            this.span = span;
        }
    }

    private record Fetched(Address peer, List<Block> blocks) {
        SyncPlan.Span span() {
            return new SyncPlan.Span(blocks.getFirst().header().number(), blocks.getLast().header().number());
        }
    }

    /**
     * @param validators   the validator set of each height, which must have sealed it
     * @param eventThread  runs a task on the event thread (for timers)
     * @param importedHead told of each block that became the head
     */
    ChainSync(NodeServices node, P2pNetwork network, Scheduler scheduler, ValidatorProvider validators,
            Consumer<Runnable> eventThread, Consumer<Block> importedHead) {
        this.node = node;
        this.network = network;
        this.scheduler = scheduler;
        this.eventThread = eventThread;
        this.importedHead = importedHead;
        this.check = new RangeCheck(new FinalityVerifier(NodeServices.SUITE), validators, node.blocks()::hash);
    }

    /** {@code peer} has block {@code theirHead} (from its hello or an announcement): fetch what we lack. */
    void peerHead(Address peer, long theirHead) {
        plan.peerHead(peer, theirHead);
        long head = node.tip().number();
        if (theirHead <= head)
            return;
        if (!active) {
            active = true;
            // One block behind is a validator's ordinary state between a peer's commit and its own: fetch it at once
            // and say nothing. Further behind is catching up: report it, and let the other peers announce first.
            if (theirHead - head > 1) {
                reporting = true;
                node.sync().started(node.head().number(), plan.highest());
                settling = true;
                scheduler.schedule(() -> eventThread.accept(() -> {
                    settling = false;
                    pump();
                }), SETTLE_MILLIS);
                return;
            }
        } else if (reporting)
            node.sync().advanced(node.head().number(), plan.highest());
        pump();
    }

    /** {@code peer} disconnected: what it was asked goes to the others. */
    void peerGone(Address peer) {
        requests.remove(peer);
        plan.forget(peer);
        pump();
    }

    /** The head moved by consensus: ranges that waited for it may go in, and nothing below it is asked again. */
    void headMoved() {
        if (active) {
            drain();
            pump();
        }
    }

    void onHeaders(Address peer, Message.Headers h) {
        Request r = requests.get(peer);
        if (r != null && r.id == h.requestId()) {
            r.headers = h.headers();
            complete(peer, r);
        }
    }

    void onBodies(Address peer, Message.Bodies b) {
        Request r = requests.get(peer);
        if (r != null && r.id == b.requestId()) {
            r.bodies = b.bodies();
            complete(peer, r);
        }
    }

    private void pump() {
        if (!active || settling)
            return;
        long head = node.tip().number();
        // A peer that cannot be sent to is forgotten and its span given back: assign again until every span is out.
        boolean again = true;
        while (again) {
            again = false;
            for (SyncPlan.Assignment a : plan.assign(head))
                again |= !ask(a.peer(), a.span());
        }
        if (plan.idle() && ready.isEmpty() && plan.highest() <= head) {
            active = false;
            if (reporting) {
                reporting = false;
                node.sync().finished();
                LOG.info("Caught up at #{}", head);
            }
        }
    }

    /** False when {@code peer} could not be sent to (it is then forgotten). */
    private boolean ask(Address peer, SyncPlan.Span span) {
        Request r = new Request(nextRequestId++, span);
        requests.put(peer, r);
        if (!network.send(peer, new Message.GetHeaders(r.id, span.from(), span.count()))
                || !network.send(peer, new Message.GetBodies(r.id, span.from(), span.count()))) {
            // Gone, or its queue is full: ask the others. It is asked again when it announces a head.
            requests.remove(peer);
            plan.forget(peer);
            return false;
        }
        scheduler.schedule(() -> eventThread.accept(() -> {
            if (requests.get(peer) == r) {
                requests.remove(peer);
                plan.timedOut(peer);
                pump();
            }
        }), TIMEOUT_MILLIS);
        return true;
    }

    private void complete(Address peer, Request r) {
        if (r.headers == null || r.bodies == null)
            return;
        requests.remove(peer);
        switch (check.check(r.span, r.headers, r.bodies)) {
            case RangeCheck.Outcome.Bad bad -> refuse(peer, bad.reason());
            case RangeCheck.Outcome.Good good -> {
                if (good.blocks().isEmpty()) {
                    plan.served(peer, r.span.from() - 1);
                } else {
                    Fetched f = new Fetched(peer, good.blocks());
                    ready.put(f.span().from(), f);
                    plan.served(peer, f.span().to());
                }
            }
        }
        drain();
        pump();
    }

    /** Imports the waiting ranges that continue the chain, in order. */
    private void drain() {
        while (!ready.isEmpty()) {
            long head = node.tip().number();
            Fetched f = ready.firstEntry().getValue();
            if (f.span().from() > head + 1)
                break;
            ready.pollFirstEntry();
            int synced = 0;
            for (Block block : f.blocks()) {
                BlockHeader h = block.header();
                if (h.number() <= node.tip().number())
                    continue;
                ImportResult result = node.importBlock(block);
                if (result instanceof ImportResult.Refused refused) {
                    refuse(f.peer(), "served block " + h.number() + ", which the importer refuses: "
                            + refused.refusal());
                    plan.redo(new SyncPlan.Span(h.number(), f.span().to()));
                    break;
                }
                if (result instanceof ImportResult.Imported imported && imported.head()) {
                    synced++;
                    if (reporting)
                        node.sync().advanced(node.head().number(), Math.max(plan.highest(), h.number()));
                    importedHead.accept(imported.block());
                }
            }
            node.metrics().blocksSynced(f.peer().toHex(), synced);
        }
        if (reporting)
            node.sync().advanced(node.head().number(), Math.max(plan.highest(), node.tip().number()));
    }

    /** {@code peer} served what it must not have: it is cut off, and what it served or was asked goes to the others. */
    private void refuse(Address peer, String reason) {
        LOG.warn("Peer {} {}; disconnecting it", peer, reason);
        node.metrics().rangeRefused();
        network.misbehaved(peer, reason);
        requests.remove(peer);
        plan.forget(peer);
        List<Long> theirs = new ArrayList<>();
        ready.forEach((from, f) -> {
            if (f.peer().equals(peer))
                theirs.add(from);
        });
        for (long from : theirs)
            plan.redo(ready.remove(from).span());
    }

    Message.Headers headers(Message.GetHeaders g) {
        node.metrics().rangeServed();
        List<Bytes> out = new ArrayList<>();
        for (long n = g.from(); n < g.from() + g.count(); n++) {
            Optional<BlockHeader> h = node.blocks().header(n);
            if (h.isEmpty())
                break;
            out.add(Bytes.wrap(h.get().encode()));
        }
        return new Message.Headers(g.requestId(), out);
    }

    Message.Bodies bodies(Message.GetBodies g) {
        List<Bytes> out = new ArrayList<>();
        for (long n = g.from(); n < g.from() + g.count(); n++) {
            Optional<BlockBody> b = node.blocks().hashOf(n).flatMap(node.blocks()::body);
            if (b.isEmpty())
                break;
            out.add(Bytes.wrap(b.get().encode()));
        }
        return new Message.Bodies(g.requestId(), out);
    }
}
