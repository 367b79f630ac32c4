package org.stele.consensus.qbft.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.KeyPair;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.ProposerSelector;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.Quorum;
import org.stele.consensus.qbft.ValidatorProvider;
import org.stele.consensus.qbft.engine.Action.CommitCertificate;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.MessageCodec;
import org.stele.consensus.qbft.message.MessageDecodingException;
import org.stele.consensus.qbft.message.MessageCodes;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.PreparePayload;
import org.stele.consensus.qbft.message.PreparedCertificate;
import org.stele.consensus.qbft.message.PreparedRound;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.QbftMessage;
import org.stele.consensus.qbft.message.RoundChange;
import org.stele.consensus.qbft.message.RoundChangePayload;
import org.stele.consensus.qbft.message.SignedPayload;
import org.stele.consensus.qbft.wal.Wal;

/**
 * One validator's QBFT, following the EEA specification (the ConsenSys Dafny model): per height, rounds of
 * PROPOSAL → PREPARE → COMMIT; a round that times out moves to the next with a ROUND-CHANGE that reports the
 * validator's prepared certificate; the next proposer re-proposes the highest prepared block among a quorum of
 * ROUND-CHANGEs and proves it with them. Safety rests on two quorums sharing an honest validator; the engine adds
 * the crash half: every message it signs goes to the {@link Wal} first, and it refuses to sign a different value for a
 * height, round and message kind it signed before, across restarts.
 *
 * <p>Not thread-safe by design: the node calls it from one event thread.
 */
public final class QbftEngine {
    /** WAL record type: a message this validator signed, as its wire bytes. */
    public static final byte WAL_MESSAGE = 1;
    /** WAL record type: a prepared certificate, logged before the COMMIT that it justifies. */
    public static final byte WAL_PREPARED = 2;
    /**
     * The decided heights below the current one whose records the WAL keeps: a node may take up to this many decided
     * blocks as its head before they are written, and a crash then restarts it at the oldest of those heights.
     */
    public static final int DECIDED_HEIGHTS_KEPT = 2;
    /** Heights between two prunings of the WAL. */
    static final int PRUNE_EVERY = 16;

    private final EngineConfig config;
    private final ValidatorProvider validatorProvider;
    private final Wal wal;
    private final MessageFactory factory;
    private final MessageCodec codec;
    private final QbftHashing hashing;
    private final CryptoSuite suite;
    private final Address me;

    private BlockHeader head;
    private Bytes32 headHash;
    private long height = -1;
    private int round;
    private List<Address> validators = List.of();
    private Set<Address> validatorSet = Set.of();
    private int quorum;
    private int faulty;
    /** The round whose block this height decided, or -1 while undecided: a decided height ignores everything. */
    private int decidedRound = -1;

    private final TreeMap<Integer, RoundState> rounds = new TreeMap<>();
    private final TreeMap<Address, RoundChange> latestRoundChange = new TreeMap<>();
    private Optional<PreparedCertificate> prepared = Optional.empty();
    private final Map<Bytes32, Boolean> validity = new HashMap<>();
    private final Set<Bytes32> validationRequested = new HashSet<>();
    private PendingCreation pendingCreation;
    private final Map<GuardKey, QbftMessage> signed = new HashMap<>();
    private final TreeMap<Long, TreeMap<Address, List<QbftMessage>>> futureMessages = new TreeMap<>();

    private List<Action> out = new ArrayList<>();

    private static final class RoundState {
        Proposal pending;
        Bytes32 pendingDigest;
        Proposal accepted;
        Bytes32 digest;
        RoundStep step = RoundStep.NEW;
        final TreeMap<Address, Prepare> prepares = new TreeMap<>();
        final TreeMap<Address, Commit> commits = new TreeMap<>();
        final Map<Address, Boolean> sealValid = new HashMap<>();
    }

    /** Moves round {@code s} on to {@code to}; a step is never taken back. */
    private static void advance(RoundState s, RoundStep to) {
        if (to.compareTo(s.step) > 0)
            s.step = to;
    }

    private boolean decided() {
        return decidedRound >= 0;
    }

    private record PendingCreation(int round, List<SignedPayload<RoundChangePayload>> justification) {}

    private record GuardKey(long height, int round, int code) {}

    public QbftEngine(EngineConfig config, KeyPair key, CryptoSuite suite, ValidatorProvider validators, Wal wal) {
        this.config = config;
        this.validatorProvider = validators;
        this.wal = wal;
        this.suite = suite;
        this.factory = new MessageFactory(key, suite);
        this.codec = new MessageCodec(suite);
        this.hashing = new QbftHashing(suite);
        this.me = factory.address();
    }

    public Address address() {
        return me;
    }

    public long height() {
        return height;
    }

    public int round() {
        return round;
    }

    /**
     * Starts at the height after {@code chainHead}, the last block the chain holds, and recovers from the WAL what
     * this validator signed at that height before a crash: its round, its prepared certificate and the messages it
     * may not contradict, which it sends again (a crash may have come between logging and sending).
     */
    public List<Action> start(BlockHeader chainHead) {
        out = new ArrayList<>();
        long next = chainHead.number() + 1;
        List<QbftMessage> recovered = new ArrayList<>();
        Optional<PreparedCertificate> recoveredPrepared = Optional.empty();
        for (Wal.Entry e : wal.entries()) {
            if (e.height() != next || e.record().length == 0)
                continue;
            byte[] body = java.util.Arrays.copyOfRange(e.record(), 1, e.record().length);
            try {
                if (e.record()[0] == WAL_MESSAGE) {
                    recovered.add(codec.fromWire(body));
                } else if (e.record()[0] == WAL_PREPARED) {
                    PreparedCertificate c = codec.decodePreparedCertificate(body);
                    if (recoveredPrepared.isEmpty() || c.round() > recoveredPrepared.get().round())
                        recoveredPrepared = Optional.of(c);
                }
            } catch (MessageDecodingException ex) {
                throw new IllegalStateException("the WAL holds a record this engine cannot read", ex);
            }
        }
        int recoveredRound = 0;
        for (QbftMessage m : recovered)
            recoveredRound = Math.max(recoveredRound, m.round());
        enterHeight(chainHead, recoveredRound, recovered.isEmpty());
        prepared = recoveredPrepared;
        for (QbftMessage m : recovered)
            signed.put(new GuardKey(m.height(), m.round(), m.code()), m);
        for (QbftMessage m : recovered)
            if (m.round() == recoveredRound) {
                out.add(new Action.Broadcast(m));
                onMessage(m);
            }
        return flush();
    }

    public List<Action> handle(Event event) {
        out = new ArrayList<>();
        if (height < 0)
            throw new IllegalStateException("start the engine first");
        switch (event) {
            case Event.MessageReceived m -> onMessage(m.message());
            case Event.RoundTimerExpired t -> onTimer(t.height(), t.round());
            case Event.BlockCreated c -> onBlockCreated(c);
            case Event.ProposalValidated v -> onValidated(v);
            case Event.BlockImported i -> onImported(i.header());
        }
        return flush();
    }

    private List<Action> flush() {
        List<Action> result = out;
        out = new ArrayList<>();
        return List.copyOf(result);
    }

    // ---- heights and rounds

    private void enterHeight(BlockHeader newHead, int startRound, boolean createIfProposer) {
        head = newHead;
        headHash = hashing.blockHash(newHead);
        height = newHead.number() + 1;
        validators = validatorProvider.validatorsForBlock(height);
        validatorSet = Set.copyOf(validators);
        quorum = Quorum.quorum(validators.size());
        faulty = Quorum.faulty(validators.size());
        decidedRound = -1;
        rounds.clear();
        latestRoundChange.clear();
        prepared = Optional.empty();
        validity.clear();
        validationRequested.clear();
        pendingCreation = null;
        signed.keySet().removeIf(k -> k.height() < height);
        // A node may take decided blocks as its head before they are durable (their writes go on behind the next
        // height), so a crash can bring it back up to DECIDED_HEIGHTS_KEPT heights below one it signed at: the WAL
        // keeps those heights' records, and what this height's records say this validator signed guards it here too,
        // not only at start. Pruning rewrites the WAL's file, so it is done once every PRUNE_EVERY heights.
        if (height % PRUNE_EVERY == 0)
            wal.pruneBelow(height - DECIDED_HEIGHTS_KEPT);
        guardSignedBefore(height);
        round = startRound;
        out.add(new Action.ScheduleTimer(height, round, config.roundTimeout(round)));
        if (createIfProposer && startRound == 0 && proposer(0).equals(me)) {
            pendingCreation = new PendingCreation(0, List.of());
            out.add(new Action.CreateBlock(height, 0, head));
        }
        futureMessages.headMap(height).clear();
        TreeMap<Address, List<QbftMessage>> buffered = futureMessages.remove(height);
        if (buffered != null)
            for (List<QbftMessage> ms : buffered.values())
                for (QbftMessage m : ms)
                    onMessage(m);
    }

    private Address proposer(int r) {
        return ProposerSelector.proposer(validators, head.coinbase(), r);
    }

    private RoundState state(int r) {
        return rounds.computeIfAbsent(r, k -> new RoundState());
    }

    private void moveToRound(int r) {
        if (r <= round)
            return;
        round = r;
        if (pendingCreation != null && pendingCreation.round() < r)
            pendingCreation = null;
        out.add(new Action.ScheduleTimer(height, round, config.roundTimeout(round)));
    }

    private void onTimer(long h, int r) {
        if (h != height || r != round || decided())
            return;
        moveToRound(r + 1);
        sendRoundChange(round);
        checkRoundChanges();
    }

    private void onImported(BlockHeader header) {
        if (header.number() < height)
            return;
        enterHeight(header, 0, true);
    }

    // ---- signing, guarded by the WAL

    /** Adds the messages the WAL holds for {@code h} (signed before a crash) to those this engine will not contradict. */
    private void guardSignedBefore(long h) {
        for (Wal.Entry e : wal.entries()) {
            if (e.height() != h || e.record().length == 0 || e.record()[0] != WAL_MESSAGE)
                continue;
            try {
                QbftMessage m = codec.fromWire(java.util.Arrays.copyOfRange(e.record(), 1, e.record().length));
                signed.putIfAbsent(new GuardKey(m.height(), m.round(), m.code()), m);
            } catch (MessageDecodingException ex) {
                throw new IllegalStateException("the WAL holds a record this engine cannot read", ex);
            }
        }
    }

    /** Logs one record of this height: its kind's tag byte, then its body. */
    private void appendWal(byte tag, byte[] body) {
        byte[] record = new byte[body.length + 1];
        record[0] = tag;
        System.arraycopy(body, 0, record, 1, body.length);
        wal.append(height, record);
    }

    /** Signs and logs {@code created} unless this height, round and kind were signed before; then the old one. */
    private Optional<QbftMessage> signOnce(int r, int code, Supplier<QbftMessage> create,
            Predicate<QbftMessage> sameValue) {
        GuardKey key = new GuardKey(height, r, code);
        QbftMessage before = signed.get(key);
        if (before != null)
            return sameValue.test(before) ? Optional.of(before) : Optional.empty();
        QbftMessage m = create.get();
        appendWal(WAL_MESSAGE, codec.toWire(m));
        signed.put(key, m);
        return Optional.of(m);
    }

    private void broadcastOwn(QbftMessage m) {
        out.add(new Action.Broadcast(m));
        onMessage(m);
    }

    private void sendRoundChange(int r) {
        Optional<QbftMessage> rc = signOnce(r, MessageCodes.ROUND_CHANGE,
                () -> factory.roundChange(height, r,
                        prepared.map(p -> new PreparedRound(p.round(), hashing.blockHash(p.block().header()))),
                        prepared.map(PreparedCertificate::block), prepared.map(PreparedCertificate::prepares)
                                .orElse(List.of())),
                m -> true);
        rc.ifPresent(this::broadcastOwn);
    }

    // ---- messages

    private void onMessage(QbftMessage m) {
        if (m.height() < height)
            return;
        if (m.height() > height) {
            buffer(m);
            return;
        }
        if (!validatorSet.contains(m.author()))
            return;
        switch (m) {
            case Proposal p -> onProposal(p);
            case Prepare p -> onPrepare(p);
            case Commit c -> onCommit(c);
            case RoundChange rc -> onRoundChange(rc);
        }
    }

    private void buffer(QbftMessage m) {
        if (m.height() > height + config.futureHeightWindow())
            return;
        if (!validatorProvider.validatorsForBlock(m.height()).contains(m.author()))
            return;
        List<QbftMessage> list = futureMessages.computeIfAbsent(m.height(), k -> new TreeMap<>())
                .computeIfAbsent(m.author(), k -> new ArrayList<>());
        if (list.size() < config.maxBufferedPerSender())
            list.add(m);
    }

    private void onProposal(Proposal p) {
        int r = p.round();
        // a decided height ignores everything, so it asks the chain to validate no further block
        if (decided() || r > round + config.futureRoundWindow())
            return;
        if (!p.author().equals(proposer(r)))
            return;
        RoundState s = state(r);
        if (s.pending != null || s.accepted != null)
            return;
        Bytes32 digest = structurallyValid(p);
        if (digest == null || !justified(p, digest))
            return;
        Boolean valid = validity.get(digest);
        if (Boolean.FALSE.equals(valid))
            return;
        s.pending = p;
        s.pendingDigest = digest;
        if (Boolean.TRUE.equals(valid)) {
            accept(r);
        } else if (validationRequested.add(digest)) {
            out.add(new Action.ValidateBlock(height, digest, p.block()));
        }
    }

    /** The block hash if the proposed block fits this height and round, else null. */
    private Bytes32 structurallyValid(Proposal p) {
        BlockHeader h = p.block().header();
        if (h.number() != height || !h.parentHash().equals(headHash))
            return null;
        try {
            BftExtraData extra = QbftHashing.extraData(h);
            if (extra.round() != p.round() || !extra.seals().isEmpty())
                return null;
            return hashing.blockHash(h);
        } catch (RlpException e) {
            return null;
        }
    }

    /** QBFT's proposal justification: round 0 needs none; later rounds a quorum of ROUND-CHANGEs for the round. */
    private boolean justified(Proposal p, Bytes32 digest) {
        int r = p.round();
        if (r == 0)
            return p.roundChanges().isEmpty() && p.prepares().isEmpty();
        Set<Address> authors = new HashSet<>();
        Optional<PreparedRound> highest = Optional.empty();
        for (SignedPayload<RoundChangePayload> rc : p.roundChanges()) {
            RoundChangePayload pl = rc.payload();
            if (pl.height() != height || pl.round() != r || !validatorSet.contains(rc.author())
                    || !authors.add(rc.author()))
                return false;
            if (pl.prepared().isPresent()) {
                PreparedRound pr = pl.prepared().get();
                if (pr.round() >= r)
                    return false;
                if (highest.isEmpty() || pr.round() > highest.get().round())
                    highest = Optional.of(pr);
            }
        }
        if (authors.size() < quorum)
            return false;
        if (highest.isEmpty())
            return true;
        return highest.get().digest().equals(digest)
                && isPrepareQuorum(p.prepares(), highest.get().round(), highest.get().digest());
    }

    private boolean isPrepareQuorum(List<SignedPayload<PreparePayload>> prepares, int r, Bytes32 digest) {
        Set<Address> authors = new HashSet<>();
        for (SignedPayload<PreparePayload> pp : prepares) {
            PreparePayload pl = pp.payload();
            if (pl.height() != height || pl.round() != r || !pl.digest().equals(digest)
                    || !validatorSet.contains(pp.author()) || !authors.add(pp.author()))
                return false;
        }
        return authors.size() >= quorum;
    }

    private void onValidated(Event.ProposalValidated v) {
        if (v.height() != height)
            return;
        validity.put(v.digest(), v.valid());
        for (Map.Entry<Integer, RoundState> e : List.copyOf(rounds.entrySet())) {
            RoundState s = e.getValue();
            if (s.pending == null || !s.pendingDigest.equals(v.digest()))
                continue;
            if (v.valid())
                accept(e.getKey());
            else
                s.pending = null;
        }
    }

    /** A valid, justified proposal for round {@code r}: keep its block; prepare it unless the round is past. */
    private void accept(int r) {
        RoundState s = state(r);
        if (s.accepted != null || s.pending == null)
            return;
        s.accepted = s.pending;
        s.digest = s.pendingDigest;
        s.pending = null;
        if (r < round || decided()) {
            checkCommitted(r);
            return;
        }
        moveToRound(r);
        Bytes32 digest = s.digest;
        Optional<QbftMessage> prepare = signOnce(r, MessageCodes.PREPARE,
                () -> factory.prepare(height, r, digest), m -> ((Prepare) m).digest().equals(digest));
        if (prepare.isPresent()) {
            advance(s, RoundStep.PREPARE_SENT);
            broadcastOwn(prepare.get());
        }
        checkPrepared(r);
        checkCommitted(r);
    }

    private void onPrepare(Prepare p) {
        int r = p.round();
        if (r > round + config.futureRoundWindow())
            return;
        RoundState s = state(r);
        if (s.prepares.containsKey(p.author()))
            return;
        s.prepares.put(p.author(), p);
        checkPrepared(r);
    }

    private void checkPrepared(int r) {
        RoundState s = rounds.get(r);
        if (s == null || s.step != RoundStep.PREPARE_SENT || r != round || decided())
            return;
        List<SignedPayload<PreparePayload>> matching = new ArrayList<>();
        for (Prepare p : s.prepares.values())
            if (p.digest().equals(s.digest))
                matching.add(p.signed());
        if (matching.size() < quorum)
            return;
        QbftBlock block = s.accepted.block();
        Bytes32 digest = s.digest;
        PreparedCertificate cert = new PreparedCertificate(r, block, matching.subList(0, quorum));
        GuardKey key = new GuardKey(height, r, MessageCodes.COMMIT);
        if (!signed.containsKey(key)) {
            // the certificate must be durable before the COMMIT that relies on it leaves this node
            appendWal(WAL_PREPARED, codec.encodePreparedCertificate(cert));
        }
        if (prepared.isEmpty() || prepared.get().round() < r)
            prepared = Optional.of(cert);
        Optional<QbftMessage> commit = signOnce(r, MessageCodes.COMMIT,
                () -> factory.commit(height, r, digest, factory.commitSeal(block.header())),
                m -> ((Commit) m).digest().equals(digest));
        advance(s, RoundStep.COMMIT_SENT);
        commit.ifPresent(this::broadcastOwn);
    }

    private void onCommit(Commit c) {
        int r = c.round();
        if (r > round + config.futureRoundWindow())
            return;
        RoundState s = state(r);
        if (s.commits.containsKey(c.author()))
            return;
        s.commits.put(c.author(), c);
        checkCommitted(r);
    }

    private void checkCommitted(int r) {
        RoundState s = rounds.get(r);
        if (s == null || s.accepted == null || decided())
            return;
        BlockHeader header = s.accepted.block().header();
        int matching = 0;
        for (Commit c : s.commits.values())
            if (c.digest().equals(s.digest) && !Boolean.FALSE.equals(s.sealValid.get(c.author())))
                matching++;
        // seals are checked only once enough COMMITs agree: the common case verifies a quorum, not every COMMIT
        if (matching < quorum)
            return;
        Bytes32 sealHash = null;
        List<Commit> valid = new ArrayList<>();
        for (Commit c : s.commits.values()) {
            if (!c.digest().equals(s.digest))
                continue;
            Boolean ok = s.sealValid.get(c.author());
            if (ok == null) {
                if (sealHash == null)
                    sealHash = hashing.commitSealHash(header);
                ok = sealSigner(sealHash, c).map(c.author()::equals).orElse(false);
                s.sealValid.put(c.author(), ok);
            }
            if (ok)
                valid.add(c);
            if (valid.size() == quorum)
                break;
        }
        if (valid.size() < quorum)
            return;
        decidedRound = r;
        advance(s, RoundStep.DECIDED);
        valid.sort(Comparator.comparing(Commit::author));
        List<Commit> certificate = valid.subList(0, quorum);
        BlockHeader sealed = QbftHashing.withSeals(header,
                certificate.stream().map(c -> c.signed().payload().commitSeal()).toList());
        out.add(new Action.ImportBlock(s.accepted.block().withHeader(sealed),
                new CommitCertificate(height, r, s.digest, certificate)));
    }

    private Optional<Address> sealSigner(Bytes32 sealHash, Commit c) {
        try {
            return Optional.of(suite.address(suite.recover(sealHash.unsafeArray(), c.signed().payload().commitSeal())));
        } catch (InvalidSignatureException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void onRoundChange(RoundChange rc) {
        int r = rc.round();
        if (r == 0 || decided())
            return;
        RoundChange before = latestRoundChange.get(rc.author());
        if (before != null && before.round() >= r)
            return;
        if (!wellFormed(rc))
            return;
        latestRoundChange.put(rc.author(), rc);
        checkRoundChanges();
    }

    /** A ROUND-CHANGE's prepared report must come with the block and a quorum of PREPAREs proving it. */
    private boolean wellFormed(RoundChange rc) {
        Optional<PreparedRound> pr = rc.signed().payload().prepared();
        if (pr.isEmpty())
            return rc.preparedBlock().isEmpty() && rc.prepares().isEmpty();
        if (pr.get().round() >= rc.round() || rc.preparedBlock().isEmpty())
            return false;
        BlockHeader h = rc.preparedBlock().get().header();
        try {
            if (h.number() != height || !hashing.blockHash(h).equals(pr.get().digest()))
                return false;
        } catch (RlpException e) {
            return false;
        }
        return isPrepareQuorum(rc.prepares(), pr.get().round(), pr.get().digest());
    }

    private void checkRoundChanges() {
        if (decided())
            return;
        // f+1 validators ask for higher rounds: at least one is honest, so follow to the lowest of them
        List<Integer> higher = new ArrayList<>();
        for (RoundChange rc : latestRoundChange.values())
            if (rc.round() > round)
                higher.add(rc.round());
        if (higher.size() >= faulty + 1) {
            higher.sort(Comparator.reverseOrder());
            int target = higher.get(faulty);
            moveToRound(target);
            sendRoundChange(target);
        }
        TreeMap<Integer, List<RoundChange>> byRound = new TreeMap<>();
        for (RoundChange rc : latestRoundChange.values())
            if (rc.round() >= round)
                byRound.computeIfAbsent(rc.round(), k -> new ArrayList<>()).add(rc);
        for (Map.Entry<Integer, List<RoundChange>> e : byRound.descendingMap().entrySet()) {
            int r = e.getKey();
            if (e.getValue().size() >= quorum && proposer(r).equals(me) && state(r).step == RoundStep.NEW) {
                proposeAfterRoundChange(r, e.getValue());
                return;
            }
        }
    }

    private void proposeAfterRoundChange(int r, List<RoundChange> rcs) {
        advance(state(r), RoundStep.PROPOSED);
        moveToRound(r);
        List<SignedPayload<RoundChangePayload>> justification = rcs.stream().map(RoundChange::signed).toList();
        RoundChange highest = null;
        for (RoundChange rc : rcs) {
            Optional<PreparedRound> pr = rc.signed().payload().prepared();
            if (pr.isPresent() && (highest == null
                    || pr.get().round() > highest.signed().payload().prepared().get().round()))
                highest = rc;
        }
        if (highest == null) {
            pendingCreation = new PendingCreation(r, justification);
            out.add(new Action.CreateBlock(height, r, head));
            return;
        }
        QbftBlock block = highest.preparedBlock().get();
        QbftBlock reproposed = block.withHeader(QbftHashing.withRound(block.header(), r));
        List<SignedPayload<PreparePayload>> prepares = highest.prepares();
        propose(r, reproposed, justification, prepares);
    }

    private void onBlockCreated(Event.BlockCreated c) {
        if (c.height() != height || pendingCreation == null || pendingCreation.round() != c.round()
                || c.round() < round)
            return;
        PendingCreation pc = pendingCreation;
        pendingCreation = null;
        advance(state(pc.round()), RoundStep.PROPOSED);
        propose(pc.round(), c.block(), pc.justification(), List.of());
    }

    private void propose(int r, QbftBlock block, List<SignedPayload<RoundChangePayload>> rcs,
            List<SignedPayload<PreparePayload>> prepares) {
        Optional<QbftMessage> proposal = signOnce(r, MessageCodes.PROPOSAL,
                () -> factory.proposal(height, r, block, rcs, prepares), m -> true);
        proposal.ifPresent(this::broadcastOwn);
    }
}
