package org.stele.node.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.BlockRule;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.rlp.RlpException;
import org.stele.execution.importer.ImportResult;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.message.Message;

/**
 * Catching up with a peer that is ahead: asks it for the missing range of headers and bodies (up to
 * {@link Message#MAX_RANGE} blocks at a time), imports each block through the importer, which checks every block's
 * commit seals, and asks again while the peer is still ahead. A peer that serves a block the importer refuses, or
 * bytes that do not decode, is reported as misbehaving. Also answers peers' range requests from the block store. Runs
 * on the QBFT service's event thread only; one range is in flight at a time.
 */
final class RangeFollower {
    /** A range request left unanswered this long is given up; the next announcement asks again. */
    private static final long TIMEOUT_MILLIS = 5_000;

    private final NodeServices node;
    private final P2pNetwork network;
    private final Scheduler scheduler;
    private final Consumer<Runnable> eventThread;
    private final Consumer<Block> importedHead;
    private long nextRequestId = 1;
    private Request pending;

    private static final class Request {
        final Address peer;
        final long id;
        final long peerHead;
        List<Bytes> headers;
        List<Bytes> bodies;

        Request(Address peer, long id, long peerHead) {
            this.peer = peer;
            this.id = id;
            this.peerHead = peerHead;
        }
    }

    /**
     * @param eventThread  runs a task on the event thread (for the timeout)
     * @param importedHead told of each block that became the head
     */
    RangeFollower(NodeServices node, P2pNetwork network, Scheduler scheduler, Consumer<Runnable> eventThread,
            Consumer<Block> importedHead) {
        this.node = node;
        this.network = network;
        this.scheduler = scheduler;
        this.eventThread = eventThread;
        this.importedHead = importedHead;
    }

    /** {@code peer} has block {@code theirHead} (from its hello or an announcement): fetch what we lack. */
    void peerHead(Address peer, long theirHead) {
        long ours = node.head().number();
        if (theirHead <= ours || pending != null)
            return;
        int count = (int) Math.min(theirHead - ours, Message.MAX_RANGE);
        Request r = new Request(peer, nextRequestId++, theirHead);
        pending = r;
        network.send(peer, new Message.GetHeaders(r.id, ours + 1, count));
        network.send(peer, new Message.GetBodies(r.id, ours + 1, count));
        scheduler.schedule(() -> eventThread.accept(() -> {
            if (pending == r)
                pending = null;
        }), TIMEOUT_MILLIS);
    }

    void onHeaders(Address peer, Message.Headers h) {
        if (answers(peer, h.requestId())) {
            pending.headers = h.headers();
            complete();
        }
    }

    void onBodies(Address peer, Message.Bodies b) {
        if (answers(peer, b.requestId())) {
            pending.bodies = b.bodies();
            complete();
        }
    }

    private boolean answers(Address peer, long requestId) {
        return pending != null && pending.id == requestId && pending.peer.equals(peer);
    }

    private void complete() {
        Request r = pending;
        if (r.headers == null || r.bodies == null)
            return;
        pending = null;
        if (r.headers.size() != r.bodies.size()) {
            network.misbehaved(r.peer, "headers and bodies of one range differ in number");
            return;
        }
        for (int i = 0; i < r.headers.size(); i++) {
            Block block;
            try {
                block = new Block(BlockHeader.decode(r.headers.get(i).toArray()),
                        BlockBody.decode(r.bodies.get(i).toArray()));
            } catch (RlpException | IllegalArgumentException e) {
                network.misbehaved(r.peer, "a served block does not decode: " + e.getMessage());
                return;
            }
            ImportResult result = node.importBlock(block);
            if (result instanceof ImportResult.Refused refused) {
                // The first block may miss its parent when our head moved meanwhile (consensus imported a block):
                // that is a race, not the peer's fault.
                if (refused.refusal().rule() != BlockRule.UNKNOWN_PARENT || i > 0)
                    network.misbehaved(r.peer,
                            "served block " + block.header().number() + " is refused: " + refused.refusal());
                return;
            }
            if (result instanceof ImportResult.Imported imported && imported.head())
                importedHead.accept(imported.block());
        }
        if (!r.headers.isEmpty())
            peerHead(r.peer, r.peerHead);
    }

    Message.Headers headers(Message.GetHeaders g) {
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
