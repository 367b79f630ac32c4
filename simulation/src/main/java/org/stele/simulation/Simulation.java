package org.stele.simulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.consensus.qbft.FinalityVerifier;
import org.stele.consensus.qbft.InvalidCertificateException;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.Quorum;
import org.stele.consensus.qbft.ValidatorProvider;
import org.stele.consensus.qbft.engine.EngineConfig;
import org.stele.consensus.qbft.message.MessageCodec;
import org.stele.consensus.qbft.message.MessageCodes;
import org.stele.consensus.qbft.message.MessageDecodingException;
import org.stele.consensus.qbft.message.QbftMessage;

/**
 * One seeded run of a simulated QBFT network. Events (message deliveries, timers, faults) sit in one priority queue
 * ordered by simulated time and insertion order, and every random choice comes from one {@link Random} seeded by
 * the configuration, so a run is reproducible from its seed alone.
 *
 * <p>Before the global stabilisation time (GST) the network drops, duplicates and delays messages, partitions form
 * and heal, and honest validators crash (also right after signing, before sending) and restart from their WAL.
 * After GST every honest validator is up and messages arrive within a bound. Byzantine validators misbehave
 * throughout. Agreement and validity are checked at every block import; progress at the end: within
 * {@link #PROGRESS_BOUND_MILLIS} after GST every honest validator must reach the goal height.
 */
public final class Simulation {
    static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    static final long PROGRESS_BOUND_MILLIS = 180_000;
    private static final int MAX_VALIDATORS = 64;
    private static final KeyPair[] KEYS = new KeyPair[MAX_VALIDATORS + 1];

    final SimulationConfig config;
    /** The engine settings of the simulated validators: 1 s rounds, back-off capped as the configuration says. */
    final EngineConfig engine;
    final Random random;
    final ValidatorProvider validators;
    final QbftHashing hashing = new QbftHashing(SUITE);
    final FinalityVerifier verifier = new FinalityVerifier(SUITE);
    final MessageCodec codec = new MessageCodec(SUITE);
    final SimChainRules rules;
    final Trace trace = new Trace(Integer.getInteger("stele.sim.trace", 60));
    final List<SimNode> nodes = new ArrayList<>();
    final KeyPair outsider;
    final double dropRate;
    final double duplicateRate;

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<Long, Bytes32> decided = new HashMap<>();
    private final IdentityHashMap<byte[], Object> decoded = new IdentityHashMap<>();
    private final Map<org.stele.common.Bytes, String> certificates = new HashMap<>();
    private List<String> traceAtViolation;
    private long now;
    private long sequence;
    private long deliveries;
    private long gst;
    private boolean stable;
    private long goal;
    private int[] partitionSide;

    private record Scheduled(long time, long seq, Runnable action) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }

    /** A message on the simulated wire. */
    sealed interface Packet {
    }

    record ConsensusPacket(byte[] wire) implements Packet {}

    record SyncRequest(long fromHeight) implements Packet {}

    record SyncResponse(List<BlockHeader> headers) implements Packet {}

    public Simulation(SimulationConfig config) {
        if (config.validators() > MAX_VALIDATORS)
            throw new IllegalArgumentException("at most " + MAX_VALIDATORS + " validators");
        this.config = config;
        this.random = new Random(config.seed());
        List<Address> addresses = new ArrayList<>();
        for (int i = 0; i < config.validators(); i++)
            addresses.add(SUITE.address(key(i).publicKey()));
        this.validators = ValidatorProvider.fixed(addresses);
        this.rules = new SimChainRules(hashing, validators);
        this.outsider = key(MAX_VALIDATORS);
        this.engine = new EngineConfig(1_000, config.timerCap(), 10, 10, 100);
        boolean faults = config.faulty() || config.brokenLock();
        this.dropRate = faults ? 0.05 : 0;
        this.duplicateRate = faults ? 0.05 : 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < config.validators(); i++)
            order.add(i);
        java.util.Collections.shuffle(order, random);
        java.util.Set<Integer> byzantine = new java.util.HashSet<>(order.subList(0, config.byzantine()));
        BlockHeader genesis = rules.genesis();
        for (int i = 0; i < config.validators(); i++)
            nodes.add(new SimNode(this, i, key(i), byzantine.contains(i) ? behaviours() : null, genesis));
    }

    /** Validator {@code i}'s key, the same in every run: runs differ by their seed, not their keys. */
    static synchronized KeyPair key(int i) {
        if (KEYS[i] == null)
            KEYS[i] = SUITE
                    .keyPair(Keccak256.hash(("stele-simulation-validator-" + i).getBytes(StandardCharsets.UTF_8)));
        return KEYS[i];
    }

    private java.util.EnumSet<Behaviour> behaviours() {
        java.util.EnumSet<Behaviour> set = java.util.EnumSet.noneOf(Behaviour.class);
        Behaviour[] all = Behaviour.values();
        if (random.nextInt(8) == 0)
            return java.util.EnumSet.of(Behaviour.SILENT);
        for (Behaviour b : all)
            if (b != Behaviour.SILENT && random.nextBoolean())
                set.add(b);
        if (set.isEmpty())
            set.add(all[random.nextInt(all.length - 1)]);
        return set;
    }

    public static SimulationResult run(SimulationConfig config) {
        return new Simulation(config).run();
    }

    public SimulationResult run() {
        scheduleFaults();
        for (SimNode n : nodes)
            n.boot();
        long deadline = gst + PROGRESS_BOUND_MILLIS;
        while (!queue.isEmpty()) {
            Scheduled s = queue.poll();
            if (s.time() > deadline)
                break;
            now = s.time();
            try {
                s.action().run();
            } catch (RuntimeException e) {
                // an exception anywhere (engine, codec, host) is a bug the run must report with its seed
                StringBuilder where = new StringBuilder(e.toString());
                for (StackTraceElement el : e.getStackTrace()) {
                    if (el.getClassName().startsWith("org.stele")) {
                        where.append(" at ").append(el);
                        break;
                    }
                }
                violation("exception: " + where);
            }
            if (!violations.isEmpty())
                break;
            if (stable && goalReached())
                break;
        }
        if (violations.isEmpty() && !goalReached()) {
            StringBuilder heights = new StringBuilder();
            for (SimNode n : nodes)
                if (!n.byzantine())
                    heights.append(heights.isEmpty() ? "" : ",").append(n.index).append(':').append(n.head().number())
                            .append("/r").append(n.round());
            violation("progress: honest validators did not all reach height " + goal + " within "
                    + PROGRESS_BOUND_MILLIS / 1000 + " s after GST (" + heights + ")");
        }
        long min = Long.MAX_VALUE;
        for (SimNode n : nodes)
            if (!n.byzantine())
                min = Math.min(min, n.head().number());
        return new SimulationResult(config, List.copyOf(violations),
                traceAtViolation != null ? traceAtViolation : trace.lines(), min, now, deliveries);
    }

    private boolean goalReached() {
        for (SimNode n : nodes)
            if (!n.byzantine() && n.head().number() < goal)
                return false;
        return true;
    }

    private void scheduleFaults() {
        boolean faults = config.faulty() || config.brokenLock();
        gst = faults ? (config.brokenLock() ? 30_000 : 8_000 + random.nextInt(12_000)) : 0;
        // A network that lost every message stabilises when the outage ends, with its rounds as long as they grew.
        gst = Math.max(gst, config.outageMillis());
        if (config.outageMillis() > 0)
            schedule(0,
                    () -> trace.add(now, "outage: every message lost until " + config.outageMillis() / 1000 + " s"));
        goal = config.targetHeight();
        if (config.partitions()) {
            long t = 500 + random.nextInt(2_500);
            while (t < gst) {
                long end = Math.min(gst, t + 1_000 + random.nextInt(5_000));
                int[] side = new int[nodes.size()];
                int a = 0;
                for (int i = 0; i < side.length; i++) {
                    side[i] = random.nextInt(2);
                    a += side[i];
                }
                if (a == 0 || a == side.length)
                    side[random.nextInt(side.length)] ^= 1;
                schedule(t, () -> {
                    partitionSide = side;
                    trace.add(now, "partition " + java.util.Arrays.toString(side));
                });
                schedule(end, () -> {
                    partitionSide = null;
                    trace.add(now, "partition healed");
                });
                t = end + 500 + random.nextInt(2_500);
            }
        }
        if (config.crashes()) {
            List<SimNode> honest = nodes.stream().filter(n -> !n.byzantine()).toList();
            long t = 300 + random.nextInt(2_000);
            while (t < gst && !honest.isEmpty()) {
                SimNode victim = honest.get(random.nextInt(honest.size()));
                long restart = Math.min(gst, t + 300 + random.nextInt(3_700));
                if (random.nextBoolean()) {
                    // the crash comes at the victim's next send, after signing and logging; it restarts itself
                    schedule(t, victim::crashOnNextSend);
                } else {
                    schedule(t, () -> victim.crash("crash"));
                    schedule(restart, victim::restart);
                }
                t += 200 + random.nextInt(2_500);
            }
        }
        schedule(gst, () -> {
            stable = true;
            partitionSide = null;
            long max = 0;
            for (SimNode n : nodes) {
                if (!n.byzantine()) {
                    n.restart();
                    max = Math.max(max, n.head().number());
                }
            }
            goal = Math.max(config.targetHeight(), max + 2);
            trace.add(now, "GST: network stable, goal height " + goal);
        });
    }

    // ---- services for nodes

    long now() {
        return now;
    }

    boolean stable() {
        return stable;
    }

    void schedule(long at, Runnable action) {
        queue.add(new Scheduled(at, sequence++, action));
    }

    void send(int from, int to, Packet p) {
        if (from == to)
            return;
        if (!stable) {
            if (now < config.outageMillis())
                return;
            if (partitionSide != null && partitionSide[from] != partitionSide[to])
                return;
            if (random.nextDouble() < dropRate)
                return;
        }
        long delay = 5 + random.nextInt(stable ? 30 : 80);
        schedule(now + delay, () -> deliver(from, to, p));
        if (!stable && random.nextDouble() < duplicateRate)
            schedule(now + 5 + random.nextInt(300), () -> deliver(from, to, p));
    }

    private void deliver(int from, int to, Packet p) {
        deliveries++;
        nodes.get(to).receive(from, p);
    }

    void broadcast(int from, Packet p) {
        for (int to = 0; to < nodes.size(); to++)
            send(from, to, p);
    }

    /**
     * Decodes once per distinct wire array: decoding is a pure function, and every recipient of a broadcast shares it.
     */
    QbftMessage decode(byte[] wire) throws MessageDecodingException {
        Object d = decoded.get(wire);
        if (d == null) {
            try {
                d = codec.fromWire(wire);
            } catch (MessageDecodingException e) {
                d = e;
            }
            decoded.put(wire, d);
        }
        if (d instanceof MessageDecodingException e)
            throw e;
        return (QbftMessage) d;
    }

    static String describe(QbftMessage m) {
        String digest = switch (m) {
            case org.stele.consensus.qbft.message.Prepare p -> " " + shortHash(p.digest());
            case org.stele.consensus.qbft.message.Commit c -> " " + shortHash(c.digest());
            case org.stele.consensus.qbft.message.RoundChange rc -> rc.signed().payload().prepared()
                    .map(pr -> " prepared r" + pr.round() + " " + shortHash(pr.digest())).orElse("");
            case org.stele.consensus.qbft.message.Proposal p -> " block #" + p.block().number() + " rcs="
                    + p.roundChanges().size() + " prepares=" + p.prepares().size();
        };
        return MessageCodes.name(m.code()) + " h" + m.height() + " r" + m.round() + digest;
    }

    static String shortHash(Bytes32 h) {
        return h.toHex().substring(2, 10);
    }

    /** Checks a block an honest validator just made final: valid, certified, and the same as everyone else's. */
    void onFinal(SimNode node, BlockHeader parent, BlockHeader header, String via) {
        Bytes32 hash = hashing.blockHash(header);
        trace.add(now, "n" + node.index + " final h" + header.number() + " " + shortHash(hash) + " via " + via);
        if (node.byzantine())
            return;
        String why = rules.invalidReason(parent, header);
        if (why != null)
            violation("validity: n" + node.index + " finalised an invalid block at height " + header.number() + ": "
                    + why);
        String invalid = certificateProblem(header);
        if (invalid != null)
            violation("validity: n" + node.index + " finalised block " + header.number()
                    + " without a valid certificate: " + invalid);
        Bytes32 before = decided.putIfAbsent(header.number(), hash);
        if (before != null && !before.equals(hash))
            violation("agreement: height " + header.number() + " final as " + shortHash(before) + " and as "
                    + shortHash(hash) + " (n" + node.index + ")");
    }

    /**
     * Why the header's certificate is invalid, or null. Verification is a pure function of the header, so the result
     * is remembered per encoding: honest validators import the same sealed headers many times over.
     */
    String certificateProblem(BlockHeader header) {
        return certificates.computeIfAbsent(org.stele.common.Bytes.wrap(header.encode()), k -> {
            try {
                verifier.verify(header, validators.validatorsForBlock(header.number()));
                return "";
            } catch (InvalidCertificateException e) {
                return e.getMessage();
            }
        }).transform(s -> s.isEmpty() ? null : s);
    }

    void violation(String what) {
        if (violations.isEmpty())
            traceAtViolation = null;
        violations.add(what);
        trace.add(now, "VIOLATION " + what);
        if (traceAtViolation == null)
            traceAtViolation = trace.lines();
    }

    int faultTolerance() {
        return Quorum.faulty(config.validators());
    }
}
