package org.stele.node.validator;

import org.stele.governance.GovernanceState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionDecoder;
import org.stele.chain.tx.TransactionValidator;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.engine.Action;
import org.stele.consensus.qbft.engine.Event;
import org.stele.consensus.qbft.engine.QbftEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stele.consensus.qbft.message.MessageCodec;
import org.stele.consensus.qbft.message.MessageDecodingException;
import org.stele.consensus.qbft.message.QbftMessage;
import org.stele.consensus.qbft.wal.FileWal;
import org.stele.execution.importer.ImportResult;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.P2pListener;
import org.stele.p2p.P2pNetwork;
import org.stele.p2p.PeerInfo;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;
import org.stele.txpool.PooledTransaction;
import org.stele.txpool.TxPoolException;

/**
 * Live QBFT on one node. Everything that touches the engine or imports a block runs on one event thread, in the order
 * it arrived: P2P frames, timer expiries, pool signals. The engine's actions are carried out here: broadcasts go to
 * the P2P network, timers to the {@link Scheduler}, proposals are built from the pool no sooner than the block period
 * after the parent's proposal (the empty-block period after the parent when nothing is pending), proposals are
 * executed by the importer's rules without writing before the node votes, and final blocks are imported (from those
 * results, not executed again), announced to peers and fed back to the engine.
 * A node whose key is not a validator runs the same service without an engine: it follows the chain by fetching the
 * blocks peers announce, whose seals the importer checks. Transactions admitted to the pool are gossiped in batches:
 * those that came in here (JSON-RPC) in full to every peer, those that came from a peer only as hashes, which a peer
 * that lacks one asks for (see {@link TransactionRelay}).
 */
public final class QbftService implements P2pListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QbftService.class);
    /** Transactions per gossip message; P2P allows up to {@link Message#MAX_RANGE}. */
    private static final int GOSSIP_BATCH = 256;
    private static final long GOSSIP_DELAY_MILLIS = 10;

    private final NodeServices node;
    /** The validators of the genesis, which decide until the chain says otherwise (see {@link #validatorsAfter}). */
    private final List<Address> genesisValidators;
    private final QbftTimings timings;
    private final Scheduler scheduler;
    private final MessageCodec codec = new MessageCodec(NodeServices.SUITE);
    /** Proposal bodies decoded once for their check and their import. */
    private final ProposalBodies bodies = new ProposalBodies();
    /** Event thread only. */
    private final Equivocations equivocations = new Equivocations(new QbftHashing(NodeServices.SUITE));
    private final TransactionValidator txValidator;
    private final Address self;
    private final FileWal wal;
    private final QbftEngine engine;
    private final RoundTimers timers;
    private final ExecutorService events;
    private final ExecutorService intake;
    private final ConcurrentLinkedQueue<Outgoing> gossip = new ConcurrentLinkedQueue<>();
    /** The transactions being added to the pool from a peer right now, by the intake thread: hash to that peer. */
    private final Map<Bytes32, Address> admittingFromPeer = new ConcurrentHashMap<>();
    /** Intake thread only. */
    private final TransactionRelay relay;
    private final AtomicBoolean gossipScheduled = new AtomicBoolean();
    private volatile P2pNetwork network;
    /** Set before {@link #network}, whose volatile write publishes it to the event thread. */
    private ChainSync follower;
    private volatile boolean creationWaiting;
    private volatile boolean closed;

    // event thread only
    private Action.CreateBlock creation;
    private long headSeenMillis;
    /**
     * When the block period before the next proposal began: when this node first saw (or built) a proposal of the
     * parent's height, so that the time the parent took to be decided counts toward the period; when it saw the parent
     * only as a block, its import.
     */
    private long periodStartMillis;
    /** When this node first saw or built a proposal for the height it is deciding, -1 before. */
    private long heightProposedMillis = -1;
    /** The height and round last reported to the metrics, and when this height's first proposal was seen. */
    private long reportedHeight = -1;
    private int reportedRound = -1;
    private long proposalSeenMillis = -1;
    /** The last validator set read (any thread may ask, see {@link #isValidator}). */
    private volatile ValidatorsAfter lastValidators;
    /**
     * The {@code NodeAllowlist} at the last written head: when it changes, peers it no longer admits are disconnected.
     * Read in {@link #written}, under this's lock.
     */
    private List<Address> admittedNodes;
    /** The last block period read (event thread only, see {@link #blockPeriodMillis}). */
    private PeriodAfter lastPeriod;

    /**
     * @param key        the node's key; the node validates when its address is in {@code validators}
     * @param validators the validator set (the genesis's), sorted
     * @param walFile    the write-ahead log of what this validator signed
     */
    public QbftService(NodeServices node, long chainId, KeyPair key, List<Address> validators, QbftTimings timings,
            Path walFile, Scheduler scheduler) {
        this.node = node;
        this.genesisValidators = List.copyOf(validators);
        this.timings = timings;
        this.scheduler = scheduler;
        this.txValidator = new TransactionValidator(chainId);
        this.self = NodeServices.SUITE.address(key.publicKey());
        this.events = Executors.newSingleThreadExecutor(r -> new Thread(r, "stele-qbft-events"));
        this.intake = Executors.newSingleThreadExecutor(r -> new Thread(r, "stele-tx-intake"));
        // Every node runs the engine: a node the committee makes a validator signs from that height on, and until then
        // its engine only follows (what it would send is dropped in perform, as it is no validator of the height).
        this.wal = new FileWal(walFile);
        this.engine = new QbftEngine(timings.engineConfig(), key, NodeServices.SUITE, this::validatorsForBlock, wal);
        this.timers = new RoundTimers(scheduler, height -> emptyPeriodMillis(parentOf(height)),
                expired -> submit(() -> handle(expired)));
        this.relay = new TransactionRelay(scheduler::nowMillis);
        node.pool().onPending(p -> {
            // Pending listeners run inside pool.add, on the thread that added it: the intake thread for a peer's.
            gossip.add(new Outgoing(p, admittingFromPeer.get(p.hash())));
            if (gossipScheduled.compareAndSet(false, true))
                scheduler.schedule(() -> submitTo(intake, this::flushGossip), GOSSIP_DELAY_MILLIS);
            if (creationWaiting)
                submit(this::tryCreate);
        });
    }

    /** Whether this node is a validator of the next height. */
    public boolean isValidator() {
        return validatorsAfter(node.tip()).contains(self);
    }

    /** The validators of the child of {@code parent}: the governance contract's set after it (QBFT's order). */
    private List<Address> validatorsAfter(BlockHeader parent) {
        // Every QBFT message asks for the head's set; it depends only on the parent (its state and extra data), so the
        // last one read answers until the parent differs, rather than a state opened and read per message.
        ValidatorsAfter last = lastValidators;
        if (last != null && (last.parent() == parent || last.parent().equals(parent)))
            return last.validators();
        List<Address> validators = QbftSealVerifier.validatorsAfter(parent, node.stateAfter(parent));
        lastValidators = new ValidatorsAfter(parent, validators);
        return validators;
    }

    /** A validator set and the parent it was read after. */
    private record ValidatorsAfter(BlockHeader parent, List<Address> validators) {}

    /** For the engine: the validators of {@code height}, from the state after its parent (the head's when unknown). */
    private List<Address> validatorsForBlock(long height) {
        return validatorsAfter(parentOf(height));
    }

    /**
     * The block below {@code height}: the tip (the newest block taken as the head, written or not) when the height is
     * the next one, else the canonical written block, else the tip.
     */
    private BlockHeader parentOf(long height) {
        BlockHeader tip = node.tip();
        if (tip.number() == height - 1)
            return tip;
        return node.blocks().hashOf(height - 1).flatMap(node.blocks()::header).orElse(tip);
    }

    /**
     * The least time between {@code parent} and its child: the {@code Parameters} contract's block period after the
     * parent when the committee has set one (so a change applies from the next block on every node), else the node's
     * configured or genesis period.
     */
    private long blockPeriodMillis(BlockHeader parent) {
        // Asked at each try to build and for each round timer; it depends only on the parent's state, so the last one
        // read answers while the parent is the same.
        PeriodAfter last = lastPeriod;
        if (last != null && (last.parent() == parent || last.parent().equals(parent)))
            return last.millis();
        long governed = new GovernanceState(node.stateAfter(parent)).parameters().blockPeriodMillis();
        long millis = governed > 0 ? governed : timings.blockPeriod().toMillis();
        lastPeriod = new PeriodAfter(parent, millis);
        return millis;
    }

    /** A block period and the parent it was read after. */
    private record PeriodAfter(BlockHeader parent, long millis) {}

    /** The empty-block period, never shorter than the block period in force. */
    private long emptyPeriodMillis(BlockHeader parent) {
        return Math.max(timings.emptyBlockPeriod().toMillis(), blockPeriodMillis(parent));
    }

    public Address address() {
        return self;
    }

    /** Starts consensus over {@code network}, which must have been started with this service as its listener. */
    public void start(P2pNetwork network) {
        this.follower = new ChainSync(node, network, scheduler, this::validatorsForBlock, this::submit,
                this::afterImport);
        this.network = network;
        submit(() -> {
            headSeenMillis = scheduler.nowMillis();
            periodStartMillis = headSeenMillis;
            if (engine != null)
                perform(engine.start(node.head()));
        });
    }

    // ---- P2P, on Netty's threads: hand everything off

    @Override
    public void onMessage(Address peer, Message message) {
        switch (message) {
            case Message.QbftMessage q -> submit(() -> onQbft(peer, q.payload()));
            case Message.Transactions t -> submitTo(intake, () -> admit(peer, t, null));
            case Message.TransactionHashes t -> submitTo(intake, () -> fetchMissing(peer, t));
            case Message.GetTransactions g -> submitTo(intake, () -> answer(peer, g));
            case Message.NewBlock nb -> submit(() -> follower.peerHead(peer, nb.number()));
            case Message.GetHeaders g -> submit(() -> network.send(peer, follower.headers(g)));
            case Message.GetBodies g -> submit(() -> network.send(peer, follower.bodies(g)));
            case Message.Headers h -> submit(() -> follower.onHeaders(peer, h));
            case Message.Bodies b -> submit(() -> follower.onBodies(peer, b));
            case Message.Hello h -> {
            }
            case Message.Disconnect d -> {
            }
        }
    }

    @Override
    public void onTransactions(Address peer, Message.Transactions batch, List<Bytes32> hashes) {
        submitTo(intake, () -> admit(peer, batch, hashes));
    }

    @Override
    public void onConnected(PeerInfo peer) {
        long theirs = peer.hello().headNumber();
        submit(() -> follower.peerHead(peer.address(), theirs));
    }

    @Override
    public void onDisconnected(Address peer, DisconnectReason reason, boolean byPeer) {
        submit(() -> follower.peerGone(peer));
    }

    // ---- the event thread

    private void submit(Runnable task) {
        submitTo(events, task);
    }

    private void submitTo(ExecutorService executor, Runnable task) {
        if (closed)
            return;
        try {
            executor.execute(() -> {
                if (closed || network == null)
                    return;
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("QBFT service task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing: nothing more is done
        }
    }

    private void handle(Event event) {
        if (engine != null)
            perform(engine.handle(event));
    }

    private void perform(List<Action> actions) {
        report();
        for (Action a : actions) {
            switch (a) {
                case Action.Broadcast b -> {
                    if (validatorsForBlock(b.message().height()).contains(self))
                        network.broadcast(new Message.QbftMessage(Bytes.wrap(codec.toWire(b.message()))));
                }
                case Action.ScheduleTimer t -> timers.schedule(t);
                case Action.CreateBlock c -> {
                    creation = c;
                    tryCreate();
                }
                case Action.ValidateBlock v -> {
                    if (proposalSeenMillis < 0)
                        proposalSeenMillis = scheduler.nowMillis();
                    if (heightProposedMillis < 0)
                        heightProposedMillis = scheduler.nowMillis();
                    long checkStart = System.nanoTime();
                    boolean valid = isValid(v.block());
                    if (LOG.isDebugEnabled())
                        LOG.debug("Checked proposal #{} round {}: {} in {} ms, {} ms after the parent's import",
                                v.height(), engine.round(), valid ? "valid" : "invalid",
                                (System.nanoTime() - checkStart) / 1_000_000, scheduler.nowMillis() - headSeenMillis);
                    handle(new Event.ProposalValidated(v.height(), v.digest(), valid));
                }
                case Action.ImportBlock i -> {
                    if (proposalSeenMillis >= 0)
                        node.metrics().blockCommitted(Duration.ofMillis(scheduler.nowMillis() - proposalSeenMillis));
                    if (LOG.isDebugEnabled())
                        LOG.debug(
                                "Decided #{} round {}: {} ms after the proposal was seen, {} ms after the parent's import",
                                i.block().number(), engine.round(),
                                proposalSeenMillis < 0 ? -1 : scheduler.nowMillis() - proposalSeenMillis,
                                scheduler.nowMillis() - headSeenMillis);
                    importFinal(bodies.toBlock(i.block()));
                }
            }
        }
    }

    private void onQbft(Address peer, Bytes payload) {
        QbftMessage m;
        try {
            m = codec.fromWire(payload.toArray());
        } catch (MessageDecodingException e) {
            network.misbehaved(peer, "bad QBFT message: " + e.getMessage());
            return;
        }
        // The set changes by governance: a message from outside the current set may be a late one from a removed
        // validator, so it is dropped rather than held against the peer; the engine checks each height's set.
        if (!validatorsAfter(node.tip()).contains(m.author()) && !genesisValidators.contains(m.author()))
            return;
        var equivocation = equivocations.check(m, node.tip().number());
        if (equivocation.isPresent()) {
            // The proof is the two signed messages; the peer that sent the second is cut off when it is the signer
            // (validators send only their own messages), and the engine never sees the contradicting one.
            LOG.warn("Equivocation: {}", equivocation.get());
            if (peer.equals(m.author()))
                network.misbehaved(peer, equivocation.get());
            return;
        }
        handle(new Event.MessageReceived(m));
    }

    /** Builds the asked-for proposal once the block period allows it, and answers the engine. */
    private void tryCreate() {
        Action.CreateBlock c = creation;
        if (c == null || engine == null)
            return;
        if (c.height() != engine.height() || c.round() < engine.round()) {
            creation = null;
            creationWaiting = false;
            return;
        }
        long now = scheduler.nowMillis();
        long earliest = periodStartMillis + blockPeriodMillis(c.parent());
        long emptyAt = headSeenMillis + emptyPeriodMillis(c.parent());
        if (now < earliest) {
            scheduler.schedule(() -> submit(this::tryCreate), earliest - now);
            return;
        }
        // A round after a round change proposes at once, empty or not: the network is waiting for it.
        if (node.pool().pendingCount() == 0 && now < emptyAt && c.round() == 0) {
            creationWaiting = true;
            scheduler.schedule(() -> submit(this::tryCreate), emptyAt - now);
            return;
        }
        creation = null;
        creationWaiting = false;
        if (heightProposedMillis < 0)
            heightProposedMillis = now;
        long buildStart = System.nanoTime();
        int pendingAtStart = LOG.isDebugEnabled() ? node.pool().pendingCount() : -1;
        QbftBlock block = QbftBlocks.build(node, c.parent(), c.round(), now / 1000, self,
                validatorsAfter(c.parent()), new TimeBoxedCandidates(node.candidates(c.parent()), scheduler::nowMillis,
                        now + timings.buildTimeBudget().toMillis()),
                bodies);
        if (LOG.isDebugEnabled())
            LOG.debug(
                    "Proposed #{} round {}: built in {} ms, started {} ms after the parent's import ({} pending then)",
                    c.height(), c.round(), (System.nanoTime() - buildStart) / 1_000_000, now - headSeenMillis,
                    pendingAtStart);
        handle(new Event.BlockCreated(c.height(), c.round(), block));
    }

    /** A proposal is voted for only when it keeps the validator set and the importer would accept it. */
    private boolean isValid(QbftBlock proposal) {
        Block block;
        try {
            block = bodies.toBlock(proposal);
            BftExtraData extra = BftExtraDataCodec.decode(block.header().extraData());
            BlockHeader parent = node.blocks().header(block.header().parentHash()).orElse(null);
            if (parent == null || !extra.validators().equals(validatorsAfter(parent)) || !extra.seals().isEmpty())
                return false;
        } catch (RlpException | IllegalArgumentException e) {
            return false;
        }
        return node.importer().check(block) instanceof ImportResult.Imported;
    }

    private void importFinal(Block block) {
        ImportResult r = node.importBlock(block);
        switch (r) {
            case ImportResult.Imported i -> {
                afterImport(i.block());
                follower.headMoved();
            }
            case ImportResult.AlreadyKnown k -> {
            }
            case ImportResult.Refused refused ->
                LOG.error("a block QBFT finalised was refused by the importer: {}", refused.refusal());
        }
    }

    /** Tells the metrics where the engine stands when its height or round moved. */
    private void report() {
        if (engine == null || (engine.height() == reportedHeight && engine.round() == reportedRound))
            return;
        if (engine.height() != reportedHeight) {
            proposalSeenMillis = -1;
            heightProposedMillis = -1;
        }
        reportedHeight = engine.height();
        reportedRound = engine.round();
        node.metrics().roundChanged(reportedHeight, reportedRound);
    }

    /** A new head, however it came: the engine moves to the next height, peers hear of it. */
    private void afterImport(Block block) {
        headSeenMillis = scheduler.nowMillis();
        BlockHeader h = block.header();
        periodStartMillis = heightProposedMillis >= 0 && reportedHeight == h.number()
                ? heightProposedMillis
                : headSeenMillis;
        // The next height starts now, on the block's state, while its write may still go on (the block is final by
        // its commit seals, not by being on disk); what peers and the allowlist read waits for the write.
        Bytes32 hash = node.blocks().hash(h);
        long acceptedNanos = System.nanoTime();
        node.whenWritten(hash, () -> written(h, hash, acceptedNanos));
        equivocations.decided(h.number());
        handle(new Event.BlockImported(h));
    }

    /**
     * {@code h} is durable: peers hear of it (one that asks for it is served), and the node allowlist is read at it.
     * On the block writer's thread, or on the event thread when the block was written before it was taken as the head.
     */
    private synchronized void written(BlockHeader h, Bytes32 hash, long acceptedNanos) {
        P2pNetwork net = network;
        if (closed || net == null)
            return;
        if (LOG.isDebugEnabled())
            LOG.debug("Written #{}: {} ms after it became the head", h.number(),
                    (System.nanoTime() - acceptedNanos) / 1_000_000);
        List<Address> nodes = new GovernanceState(node.stateAfter(h)).nodes();
        if (admittedNodes != null && !nodes.equals(admittedNodes)) {
            int dropped = net.enforceAllowlist();
            if (dropped > 0)
                LOG.info("disconnected {} peer(s) the node allowlist no longer admits at block {}", dropped,
                        h.number());
        }
        admittedNodes = nodes;
        net.broadcast(new Message.NewBlock(h.number(), hash));
    }

    // ---- transactions

    /**
     * Adds a peer's transactions to the pool; {@code hashes} (matching by index) are theirs as the transport computed
     * them with the chain's suite, or null when they were not given.
     */
    private void admit(Address peer, Message.Transactions batch, List<Bytes32> hashes) {
        List<Bytes> raws = batch.transactions();
        for (int i = 0; i < raws.size(); i++) {
            Transaction tx;
            Address sender;
            Bytes32 hash;
            try {
                byte[] raw = raws.get(i).toArray();
                tx = hashes == null
                        ? TransactionDecoder.decode(raw)
                        : TransactionDecoder.decodeHashed(raw, NodeServices.SUITE, hashes.get(i));
                hash = tx.hash(NodeServices.SUITE);
                // A transaction can still arrive more than once (from the peer it was sent to, and again when this node
                // asked an announcer for it): only the first copy is worth recovering a sender for.
                relay.received(hash);
                if (node.pool().get(hash).isPresent())
                    continue;
                sender = txValidator.validateAndRecoverSender(tx, node.fork(), NodeServices.SUITE);
            } catch (RuntimeException e) {
                network.misbehaved(peer, "gossiped an invalid transaction: " + e.getMessage());
                return;
            }
            admittingFromPeer.put(hash, peer);
            try {
                node.pool().add(tx, hash, sender);
            } catch (TxPoolException e) {
                // known, underpriced, nonce too low: ordinary under gossip
            } finally {
                admittingFromPeer.remove(hash);
            }
        }
    }

    /** A peer announced transactions: ask it for those this node neither holds nor has asked someone for lately. */
    private void fetchMissing(Address peer, Message.TransactionHashes announced) {
        List<Bytes32> wanted = new ArrayList<>();
        for (Bytes32 hash : announced.hashes())
            if (node.pool().get(hash).isEmpty() && relay.shouldRequest(hash))
                wanted.add(hash);
        if (!wanted.isEmpty())
            network.send(peer, new Message.GetTransactions(wanted));
    }

    /** A peer asks for transactions it was told of: those still in the pool go back to it. */
    private void answer(Address peer, Message.GetTransactions request) {
        List<Bytes> raw = new ArrayList<>();
        List<Bytes32> hashes = new ArrayList<>();
        for (Bytes32 hash : request.hashes())
            node.pool().get(hash).ifPresent(p -> {
                raw.add(Bytes.wrap(p.transaction().encode()));
                hashes.add(hash);
            });
        network.sendRequested(peer, raw, hashes);
    }

    private void flushGossip() {
        gossipScheduled.set(false);
        P2pNetwork net = network;
        if (net == null) {
            gossip.clear();
            return;
        }
        List<Bytes> full = new ArrayList<>();
        List<Bytes32> fullHashes = new ArrayList<>();
        List<Bytes32> announced = new ArrayList<>();
        List<Bytes32> announcedBeyondValidators = new ArrayList<>();
        List<Address> validators = validatorsAfter(node.head());
        Predicate<Address> beyondValidators = peer -> !validators.contains(peer);
        Outgoing o;
        while ((o = gossip.poll()) != null) {
            PooledTransaction p = o.transaction();
            if (o.fromPeer() != null && !TransactionRelay.reachedEveryValidator(o.fromPeer(), validators)) {
                announced.add(p.hash());
                if (announced.size() == GOSSIP_BATCH) {
                    net.announceTransactions(announced);
                    announced = new ArrayList<>();
                }
            } else if (o.fromPeer() != null) {
                announcedBeyondValidators.add(p.hash());
                if (announcedBeyondValidators.size() == GOSSIP_BATCH) {
                    net.announceTransactions(announcedBeyondValidators, beyondValidators);
                    announcedBeyondValidators = new ArrayList<>();
                }
            } else {
                full.add(Bytes.wrap(p.transaction().encode()));
                fullHashes.add(p.hash());
                if (full.size() == GOSSIP_BATCH) {
                    net.broadcastTransactions(full, fullHashes);
                    full = new ArrayList<>();
                    fullHashes = new ArrayList<>();
                }
            }
        }
        if (!full.isEmpty())
            net.broadcastTransactions(full, fullHashes);
        if (!announced.isEmpty())
            net.announceTransactions(announced);
        if (!announcedBeyondValidators.isEmpty())
            net.announceTransactions(announcedBeyondValidators, beyondValidators);
    }

    /**
     * A transaction that became pending, to gossip; {@code fromPeer} the peer that sent it (so it is only announced),
     * null when it came in here.
     */
    private record Outgoing(PooledTransaction transaction, Address fromPeer) {}

    @Override
    public void close() {
        closed = true;
        events.shutdown();
        intake.shutdown();
        try {
            events.awaitTermination(10, TimeUnit.SECONDS);
            intake.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (wal != null)
            wal.close();
    }
}
