package org.stele.simulation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.engine.Action;
import org.stele.consensus.qbft.engine.Event;
import org.stele.consensus.qbft.engine.QbftEngine;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.MessageCodec;
import org.stele.consensus.qbft.message.MessageDecodingException;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.PreparedRound;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.QbftMessage;
import org.stele.consensus.qbft.message.RoundChange;
import org.stele.consensus.qbft.wal.InMemoryWal;
import org.stele.simulation.Simulation.ConsensusPacket;
import org.stele.simulation.Simulation.Packet;
import org.stele.simulation.Simulation.SyncRequest;
import org.stele.simulation.Simulation.SyncResponse;

/**
 * One simulated validator: a real {@link QbftEngine}, a WAL and a chain that survive crashes (they are its disk),
 * and the host duties the engine asks for (build, validate and import blocks, run timers, sync from peers by
 * verifying certificates). A Byzantine node runs the same engine but tampers with what it sends.
 */
final class SimNode {
    private static final long SYNC_INTERVAL_MILLIS = 1_000;
    private static final int SYNC_BATCH = 8;

    final int index;
    private final Simulation sim;
    private final KeyPair key;
    private final EnumSet<Behaviour> behaviours;
    private final MessageFactory factory;
    private final MessageFactory outsiderFactory;
    private final InMemoryWal wal = new InMemoryWal();
    private final List<BlockHeader> chain = new ArrayList<>();
    private QbftEngine engine;
    private int incarnation;
    private boolean crashOnNextSend;
    private boolean oversizedSent;

    SimNode(Simulation sim, int index, KeyPair key, EnumSet<Behaviour> behaviours, BlockHeader genesis) {
        this.sim = sim;
        this.index = index;
        this.key = key;
        this.behaviours = behaviours;
        this.factory = new MessageFactory(key, Simulation.SUITE);
        this.outsiderFactory = new MessageFactory(sim.outsider, Simulation.SUITE);
        chain.add(genesis);
    }

    boolean byzantine() {
        return behaviours != null;
    }

    private boolean does(Behaviour b) {
        return behaviours != null && behaviours.contains(b);
    }

    BlockHeader head() {
        return chain.get(chain.size() - 1);
    }

    int round() {
        return engine == null ? -1 : engine.round();
    }

    Address address() {
        return factory.address();
    }

    void boot() {
        start();
        long first = sim.random.nextInt((int) SYNC_INTERVAL_MILLIS);
        sim.schedule(first, this::syncTick);
    }

    private void start() {
        engine = new QbftEngine(sim.engine, key, Simulation.SUITE, sim.validators, wal);
        perform(engine.start(head()));
    }

    void crash(String why) {
        if (engine == null)
            return;
        engine = null;
        incarnation++;
        crashOnNextSend = false;
        sim.trace.add(sim.now(), "n" + index + " " + why + " (WAL keeps " + wal.entries().size() + " records)");
    }

    void crashOnNextSend() {
        if (engine != null)
            crashOnNextSend = true;
    }

    void restart() {
        crashOnNextSend = false;
        if (engine != null)
            return;
        sim.trace.add(sim.now(), "n" + index + " restarts at height " + (head().number() + 1));
        start();
    }

    private void feed(Event e) {
        if (engine != null && sim.config.brokenLock() && e instanceof Event.RoundTimerExpired) {
            // the deliberately broken validator: at every round change it forgets its lock (its prepared
            // certificate), by restarting from a WAL that lost those records
            wal.forget(r -> r.length > 0 && r[0] == QbftEngine.WAL_PREPARED);
            engine = new QbftEngine(sim.engine, key, Simulation.SUITE, sim.validators, wal);
            perform(engine.start(head()));
        }
        if (engine != null)
            perform(engine.handle(e));
    }

    private void perform(List<Action> actions) {
        if (crashOnNextSend && actions.stream().anyMatch(a -> a instanceof Action.Broadcast)) {
            crash("crashes after signing, before sending");
            sim.schedule(sim.stable() ? sim.now() + 1 : sim.now() + 300 + sim.random.nextInt(3_700), this::restart);
            return;
        }
        for (Action a : actions) {
            if (engine == null)
                return;
            switch (a) {
                case Action.Broadcast b -> send(b.message());
                case Action.ScheduleTimer t -> {
                    long cap = sim.engine.baseRoundTimeoutMillis() << sim.engine.maxTimeoutExponent();
                    if (t.delayMillis() > cap)
                        sim.violation("timer cap: n" + index + " set a " + t.delayMillis() + " ms timer for round "
                                + t.round() + ", beyond the cap of " + cap + " ms");
                    int inc = incarnation;
                    sim.schedule(sim.now() + t.delayMillis(), () -> {
                        if (engine != null && incarnation == inc)
                            feed(new Event.RoundTimerExpired(t.height(), t.round()));
                    });
                }
                case Action.CreateBlock c -> {
                    long gasUsed = does(Behaviour.INVALID_BLOCKS) && sim.random.nextBoolean()
                            ? SimChainRules.GAS_LIMIT + 1
                            : 0;
                    QbftBlock block = sim.rules.build(c.parent(), c.height(), c.round(), address(),
                            ((long) index << 32) | c.round(), gasUsed);
                    feed(new Event.BlockCreated(c.height(), c.round(), block));
                }
                case Action.ValidateBlock v -> {
                    boolean valid = v.height() == head().number() + 1
                            && sim.rules.invalidReason(head(), v.block()) == null;
                    feed(new Event.ProposalValidated(v.height(), v.digest(), valid));
                }
                case Action.ImportBlock i -> importFinal(i.block().header(), "consensus r" + i.certificate().round());
            }
        }
    }

    private void importFinal(BlockHeader header, String via) {
        if (header.number() != head().number() + 1)
            return;
        BlockHeader parent = head();
        chain.add(header);
        sim.onFinal(this, parent, header, via);
        feed(new Event.BlockImported(header));
    }

    // ---- network

    void receive(int from, Packet p) {
        if (engine == null)
            return;
        switch (p) {
            case ConsensusPacket c -> {
                QbftMessage m;
                try {
                    m = sim.decode(c.wire());
                } catch (MessageDecodingException e) {
                    sim.trace.add(sim.now(), "n" + from + ">n" + index + " rejected: " + e.getMessage());
                    return;
                }
                sim.trace.add(sim.now(), "n" + from + ">n" + index + " " + Simulation.describe(m));
                feed(new Event.MessageReceived(m));
            }
            case SyncRequest r -> sim.send(index, from, new SyncResponse(syncAnswer(r.fromHeight())));
            case SyncResponse r -> {
                for (BlockHeader h : r.headers()) {
                    if (h.number() <= head().number())
                        continue;
                    if (h.number() != head().number() + 1 || sim.rules.invalidReason(head(), h) != null)
                        return;
                    String invalid = sim.certificateProblem(h);
                    if (invalid != null) {
                        sim.trace.add(sim.now(),
                                "n" + index + " rejects synced block " + h.number() + " from n" + from + ": "
                                        + invalid);
                        return;
                    }
                    importFinal(h, "sync from n" + from);
                    if (engine == null)
                        return;
                }
            }
        }
    }

    private void syncTick() {
        if (engine != null && sim.nodes.size() > 1) {
            int peer = sim.random.nextInt(sim.nodes.size() - 1);
            if (peer >= index)
                peer++;
            sim.send(index, peer, new SyncRequest(head().number()));
        }
        sim.schedule(sim.now() + SYNC_INTERVAL_MILLIS, this::syncTick);
    }

    private List<BlockHeader> syncAnswer(long above) {
        List<BlockHeader> out = new ArrayList<>();
        for (long n = above + 1; n < chain.size() && out.size() < SYNC_BATCH; n++)
            out.add(chain.get((int) n));
        if (does(Behaviour.FORGED_SEALS) && sim.random.nextBoolean()) {
            // a block nobody agreed on, "certified" by this validator's seal repeated
            QbftBlock fake = sim.rules.build(chain.get((int) Math.min(above, chain.size() - 1)),
                    Math.min(above, chain.size() - 1) + 1, 0, address(), sim.random.nextLong(), 0);
            Signature seal = factory.commitSeal(fake.header());
            List<Signature> seals = new ArrayList<>();
            for (int i = 0; i < sim.config.validators(); i++)
                seals.add(seal);
            return List.of(QbftHashing.withSeals(fake.header(), seals));
        }
        return out;
    }

    private void send(QbftMessage m) {
        if (!byzantine()) {
            sim.broadcast(index, new ConsensusPacket(sim.codec.toWire(m)));
            return;
        }
        if (does(Behaviour.SILENT))
            return;
        MessageCodec codec = sim.codec;
        byte[] honest = codec.toWire(m);
        QbftMessage twin = twin(m);
        byte[] twinWire = twin == null ? honest : codec.toWire(twin);
        for (int to = 0; to < sim.nodes.size(); to++) {
            boolean otherHalf = to % 2 == 1;
            sim.send(index, to, new ConsensusPacket(otherHalf ? twinWire : honest));
        }
        misbehave(m);
    }

    /** The message a Byzantine node sends to half the network instead of {@code m}, or null. */
    private QbftMessage twin(QbftMessage m) {
        Bytes32 other = Bytes32
                .wrap(Simulation.SUITE.hash(Bytes32.leftPad(longBytes(sim.random.nextLong())).toArray()));
        return switch (m) {
            case Proposal p when does(Behaviour.EQUIVOCATE) -> {
                QbftBlock b = sim.rules.build(head(), p.height(), p.round(), address(), sim.random.nextLong(), 0);
                yield factory.proposal(p.height(), p.round(), b, p.roundChanges(), p.prepares());
            }
            case Prepare p when does(Behaviour.CONFLICTING_VOTES) -> factory.prepare(p.height(), p.round(), other);
            case Commit c when does(Behaviour.CONFLICTING_VOTES) ->
                factory.commit(c.height(), c.round(), other, Simulation.SUITE.sign(other.toArray(), key));
            case Commit c when does(Behaviour.FORGED_SEALS) -> {
                // a seal over the wrong hash, or by a key outside the validator set
                Signature seal = sim.random.nextBoolean()
                        ? Simulation.SUITE.sign(other.toArray(), key)
                        : Simulation.SUITE.sign(other.toArray(), sim.outsider);
                yield factory.commit(c.height(), c.round(), c.digest(), seal);
            }
            case RoundChange rc when does(Behaviour.LYING_ROUND_CHANGES) -> factory.roundChange(rc.height(),
                    rc.round(), Optional.of(new PreparedRound(Math.max(0, rc.round() - 1), other)), Optional.empty(),
                    List.of());
            default -> null;
        };
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }

    /** Extra traffic a Byzantine node adds after each message it sends. */
    private void misbehave(QbftMessage m) {
        long h = m.height();
        int r = m.round();
        Bytes32 d = Bytes32.wrap(Simulation.SUITE.hash(longBytes(sim.random.nextLong())));
        if (does(Behaviour.FAR_AND_STALE) && sim.random.nextInt(3) == 0) {
            QbftMessage x = switch (sim.random.nextInt(5)) {
                case 0 -> factory.prepare(h, r + 1_000, d);
                case 1 -> factory.roundChange(h, Integer.MAX_VALUE, Optional.empty(), Optional.empty(), List.of());
                case 2 -> factory.prepare(h + 1, 0, d);
                case 3 -> factory.commit(h + 1_000, 0, d, Simulation.SUITE.sign(d.toArray(), key));
                default -> factory.prepare(Math.max(0, h - 1), r, d);
            };
            sim.broadcast(index, new ConsensusPacket(sim.codec.toWire(x)));
        }
        if (does(Behaviour.NON_VALIDATOR) && sim.random.nextInt(3) == 0) {
            QbftMessage x = switch (sim.random.nextInt(3)) {
                case 0 -> outsiderFactory.prepare(h, r, d);
                case 1 -> outsiderFactory.commit(h, r, d, Simulation.SUITE.sign(d.toArray(), sim.outsider));
                default -> outsiderFactory.roundChange(h, r + 1, Optional.empty(), Optional.empty(), List.of());
            };
            sim.broadcast(index, new ConsensusPacket(sim.codec.toWire(x)));
        }
        if (does(Behaviour.MALFORMED) && sim.random.nextInt(3) == 0) {
            byte[] wire = sim.codec.toWire(m);
            byte[] x = switch (sim.random.nextInt(4)) {
                case 0 -> java.util.Arrays.copyOf(wire, sim.random.nextInt(wire.length));
                case 1 -> {
                    byte[] flipped = wire.clone();
                    int i = 1 + sim.random.nextInt(wire.length - 1);
                    flipped[i] ^= (byte) (1 << sim.random.nextInt(8));
                    yield flipped;
                }
                case 2 -> {
                    byte[] junk = new byte[1 + sim.random.nextInt(200)];
                    sim.random.nextBytes(junk);
                    yield junk;
                }
                default -> {
                    if (oversizedSent)
                        yield new byte[]{(byte) m.code()};
                    oversizedSent = true;
                    byte[] big = new byte[MessageCodec.MAX_MESSAGE_SIZE + 1];
                    big[0] = (byte) m.code();
                    yield big;
                }
            };
            sim.broadcast(index, new ConsensusPacket(x));
        }
    }
}
