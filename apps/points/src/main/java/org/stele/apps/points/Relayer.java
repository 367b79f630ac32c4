package org.stele.apps.points;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.stele.apps.points.PointsEvent.ForwardExecuted;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The operator's relayer: takes holders' signed forward requests for one PointsToken, refuses what the forwarder would
 * revert, limits each signer's rate, and submits the rest from the operator's account, which pays
 * the gas. Requests that arrive together go out in one {@code executeBatch} (with the operator as refund receiver, so
 * a request invalidated in the meantime is skipped instead of sinking the others).
 *
 * <p>A request is accepted without a node call of its own when {@link ForwarderRules} can tell the forwarder runs it (a
 * points transfer, signed by its sender with its next nonce, within what it can spend, the token not paused): the
 * relayer reads a signer's forwarder nonce and points when none of its requests is in flight, and counts them down
 * for each request it accepts. Anything the rules do not decide is checked as before, by an {@code eth_call} of the
 * forwarder's {@code execute} (for a refused one, the signer's nonce, then the token call itself to name the token's
 * custom error), so every refusal still comes with its reason.
 *
 * <p>A signer need not wait for its request to be mined before sending the next: the relayer keeps each signer's
 * requests in flight (accepted, not yet mined) in nonce order, and checks a request with the next nonce on the state they
 * leave, in one {@code eth_call} of RelaySimulator (placed at an unused address by a state override) that runs them
 * as the relayer's batch will, then the new request's {@code execute}. A request whose predecessor has not arrived yet
 * waits for it a little ({@link Config#orderWait()}), so a signer may send several at once. A signer's checks run one at a
 * time, in nonce order, and its requests reach the sender's queue in that order.
 *
 * <p>One thread, the sender, signs and sends every transaction, and it alone owns the operator's nonce: it is read
 * once from the node and counted up after each transaction the node accepts, so concurrent callers never leave a gap
 * or reuse a nonce. A nonce error from the node (someone else used the account) resynchronises it.
 */
public final class Relayer implements AutoCloseable {
    private static final BigInteger BATCH_OVERHEAD = BigInteger.valueOf(60_000);
    private static final BigInteger PER_REQUEST_OVERHEAD = BigInteger.valueOf(45_000);
    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RECEIPT_POLL = Duration.ofMillis(25);
    /** The most gas one relayer transaction asks for: half a dev block's 30 million, so a batch always fits. */
    private static final BigInteger MAX_TRANSACTION_GAS = BigInteger.valueOf(14_000_000);
    /** An address with no code where the relayer's eth_call places RelaySimulator (never deployed there). */
    static final String SIMULATOR = "0x5e1a7e5100000000000000000000000000000051";
    private static final String IS_TRUSTED_FORWARDER = org.web3j.crypto.Hash.sha3String("isTrustedForwarder(address)")
            .substring(0, 10);
    private static final String PAUSED = org.web3j.crypto.Hash.sha3String("paused()").substring(0, 10);
    /**
     * How old the token's paused flag and the latest block time may be when a check uses them: a pause that lands
     * within this time of a local check is seen on chain, where the request's call reverts (as it would for a pause
     * that lands between a simulation and the block).
     */
    private static final long VIEW_AGE_NANOS = 200_000_000L;
    /** How long before its deadline a request must be checkable locally (else the simulation decides). */
    private static final long DEADLINE_MARGIN_SECONDS = 30;

    /**
     * @param maxGasPerRequest the most gas a request may ask for the call inside it
     * @param maxBatch the most requests in one transaction
     * @param batchWindow how long the sender waits for more requests after the first one
     * @param queueLimit the most requests waiting to be sent; more are refused as busy
     * @param orderWait how long a request waits for its signer's request with the nonce before it to arrive (a
     *                  client that sends several at once over separate connections may see them arrive out of order)
     */
    public record Config(String token, String forwarder, BigInteger maxGasPerRequest, int maxBatch,
            Duration batchWindow, int queueLimit, Duration orderWait, boolean localChecks) {
        /** With the local checks on ({@link ForwarderRules}). */
        public Config(String token, String forwarder, BigInteger maxGasPerRequest, int maxBatch, Duration batchWindow,
                int queueLimit, Duration orderWait) {
            this(token, forwarder, maxGasPerRequest, maxBatch, batchWindow, queueLimit, orderWait, true);
        }

        public static Config of(String token, String forwarder) {
            return new Config(token, forwarder, BigInteger.valueOf(300_000), 100, Duration.ofMillis(20), 20_000,
                    Duration.ofSeconds(30));
        }

        /** The same, deciding every request by a simulation on the node ({@code false}) or locally where it can. */
        public Config withLocalChecks(boolean on) {
            return new Config(token, forwarder, maxGasPerRequest, maxBatch, batchWindow, queueLimit, orderWait, on);
        }
    }

    /** A request the forwarder ran: {@code success} false when the call inside reverted on chain. */
    public record Relayed(String transaction, long block, boolean success) {}

    private record Pending(ForwardRequest.Signed request, CompletableFuture<Relayed> done) {}

    /** A transaction sent and its requests; {@code checked} once its receipt was asked for at least once. */
    private static final class Sent {
        final List<Pending> batch;
        final long giveUpNanos;
        volatile boolean checked;

        Sent(List<Pending> batch, long giveUpNanos) {
            this.batch = batch;
            this.giveUpNanos = giveUpNanos;
        }
    }

    /**
     * One signer's requests accepted and not yet settled, in nonce order. Its lock orders the signer's checks; {@code
     * users} (changed only inside the map's compute) keeps it in the map while a check holds it. Requests are added
     * only while a check holds it, so the map's compute reads {@code inFlight} without the lock (it never waits for
     * a lock held during a node call).
     */
    private static final class Line {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final ConcurrentLinkedDeque<ForwardRequest.Signed> inFlight = new ConcurrentLinkedDeque<>();
        int users;
        /**
         * Whether {@code nextNonce} and {@code spendable} describe the state the requests in flight leave: read from
         * the chain when nothing is in flight, then counted down by each request accepted locally. A request accepted
         * by a simulation, or one that did not run as accepted, makes them unknown until the line is empty again.
         * Guarded by {@code lock}.
         */
        boolean known;
        BigInteger nextNonce;
        BigInteger spendable;
    }

    /** The token's paused flag and the latest block's timestamp, shared by all checks, read again when stale. */
    private record View(boolean paused, long blockTime, long readAt) {}

    /** A check found the request's nonce ahead of the signer's next: its predecessor may still arrive. */
    private static final class Ahead extends Exception {
        private static final long serialVersionUID = 1L;
        final transient RelayRefusal refusal;

        Ahead(RelayRefusal refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final NodeRpc node;
    private final Credentials operator;
    private final Config config;
    private final TokenBucket limits;
    private final long chainId;
    private final BlockingQueue<Pending> queue;
    private final Thread sender;
    /**
     * Transactions sent and not yet settled, by hash. One watcher polls for all of them: the latest block's number
     * every {@link #RECEIPT_POLL}, and when it moves (or a transaction is new) the receipts of all in one JSON-RPC
     * batch, instead of a receipt poll every 25 ms for each transaction.
     */
    private final Map<String, Sent> unsettled = new ConcurrentHashMap<>();
    private final Thread watcher;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong gasUsed = new AtomicLong();
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    /** Null when the checks are all simulated (the config says so, or the token does not trust the forwarder). */
    private final ForwarderRules rules;
    private final ReentrantLock viewLock = new ReentrantLock();
    private volatile View view;
    private final AtomicLong localChecks = new AtomicLong();
    private final AtomicLong simulatedChecks = new AtomicLong();
    private volatile boolean closed;
    private long nonce = -1;
    /** A request taken from the queue that did not fit the last batch's gas: it starts the next. */
    private Pending carried;

    public Relayer(NodeRpc node, Credentials operator, Config config, TokenBucket limits) throws IOException {
        this.node = node;
        this.operator = operator;
        this.config = new Config(lower(config.token()), lower(config.forwarder()), config.maxGasPerRequest(),
                config.maxBatch(), config.batchWindow(), config.queueLimit(), config.orderWait(),
                config.localChecks());
        this.limits = limits;
        this.chainId = node.chainId();
        // The forwarder runs a request only for a target that trusts it: PointsToken's trust is fixed at deployment,
        // so it is read once; a token that does not trust this forwarder leaves every check to the simulation.
        boolean trusted = config.localChecks() && Numeric.toBigInt(node.ethCall(null, this.config.token(),
                IS_TRUSTED_FORWARDER + "000000000000000000000000" + this.config.forwarder().substring(2)))
                .signum() != 0;
        this.rules = trusted ? new ForwarderRules(chainId, this.config.forwarder(), this.config.token()) : null;
        this.queue = new ArrayBlockingQueue<>(config.queueLimit());
        this.sender = Thread.ofPlatform().name("points-relayer-sender").daemon().start(this::sendLoop);
        this.watcher = Thread.ofPlatform().name("points-relayer-receipts").daemon().start(this::watchLoop);
    }

    public Config config() {
        return config;
    }

    public long chainId() {
        return chainId;
    }

    public String operator() {
        return operator.getAddress();
    }

    public TokenBucket limits() {
        return limits;
    }

    /** Transactions sent so far, and requests in them. */
    public long batches() {
        return batches.get();
    }

    public long relayed() {
        return relayed.get();
    }

    /** Requests accepted by the local checks, without a node call of their own. */
    public long localChecks() {
        return localChecks.get();
    }

    /** Requests checked by a simulation on the node. */
    public long simulatedChecks() {
        return simulatedChecks.get();
    }

    /** Gas used by the transactions mined so far, the operator's cost. */
    public long gasUsed() {
        return gasUsed.get();
    }

    /** Checks, then relays {@code request}, and waits until it is mined. */
    public Relayed relay(ForwardRequest.Signed request) throws RelayRefusal, InterruptedException {
        CompletableFuture<Relayed> done = submit(request);
        try {
            return done.get(RECEIPT_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RelayRefusal r) throw r;
            throw new RelayRefusal("Failed", 502, String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new RelayRefusal("Timeout", 504, "the request was sent but not mined in time");
        }
    }

    /** Checks {@code request} and queues it; the future completes when it is mined, or with a {@link RelayRefusal}. */
    public CompletableFuture<Relayed> submit(ForwardRequest.Signed request) throws RelayRefusal {
        if (closed) throw new RelayRefusal("Closed", 503, "the relayer is stopping");
        ForwardRequest r = request.request();
        if (!r.to().equals(config.token()))
            throw new RelayRefusal("WrongTarget", 422, "this relayer only relays calls to the points token "
                    + config.token() + ", not to " + r.to());
        if (r.value().signum() != 0)
            throw new RelayRefusal("ValueNotZero", 422, "a relayed request carries no native coin (value must be 0)");
        if (r.gas().compareTo(config.maxGasPerRequest()) > 0)
            throw new RelayRefusal("GasTooHigh", 422, "a request may ask for at most " + config.maxGasPerRequest()
                    + " gas, not " + r.gas());
        if (!limits.tryTake(r.from()))
            throw new RelayRefusal("RateLimited", 429, String.format(Locale.ROOT,
                    "%s is sending too fast: at most %d at once and %s a second; try again in %.1f s", r.from(),
                    limits.capacity(), limits.perSecond(), limits.secondsUntilNext(r.from())));
        Line line = enter(r.from());
        try {
            return admit(line, request);
        } finally {
            leave(r.from());
        }
    }

    private Line enter(String signer) {
        return lines.compute(signer, (k, line) -> {
            Line l = line == null ? new Line() : line;
            l.users++;
            return l;
        });
    }

    private void leave(String signer) {
        lines.computeIfPresent(signer, (k, l) -> {
            l.users--;
            return tidy(l);
        });
    }

    /** Drops an idle line (no request in flight, no check holding it); runs inside the map's compute. */
    private static Line tidy(Line l) {
        return l.users == 0 && l.inFlight.isEmpty() ? null : l;
    }

    /**
     * Checks {@code request} after its signer's requests in flight and queues it, holding the signer's lock, so a
     * signer's requests are checked and queued in nonce order.
     */
    private CompletableFuture<Relayed> admit(Line line, ForwardRequest.Signed request) throws RelayRefusal {
        ForwardRequest r = request.request();
        long giveUp = System.nanoTime() + config.orderWait().toNanos();
        try {
            line.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayRefusal("Closed", 503, "the relayer is stopping");
        }
        try {
            while (true) {
                List<ForwardRequest.Signed> prior = List.copyOf(line.inFlight);
                ForwarderRules.Accept local = null;
                try {
                    if (prior.isEmpty()) {
                        local = judgeLocally(line, true, request);
                        if (local == null && line.known && !r.nonce().equals(line.nextNonce))
                            refuseNonce(r, line.nextNonce);
                        if (local == null) check(request);
                    } else {
                        BigInteger next = prior.get(prior.size() - 1).request().nonce().add(BigInteger.ONE);
                        if (r.nonce().compareTo(next) < 0)
                            throw new RelayRefusal("NonceNotCurrent", 422, "nonce " + r.nonce() + " of " + r.from()
                                    + " is already in flight; its next request is nonce " + next);
                        if (r.nonce().compareTo(next) > 0)
                            throw new Ahead(new RelayRefusal("NonceNotCurrent", 422, "nonce " + r.nonce()
                                    + " is not " + r.from() + "'s next request (" + next + ", after "
                                    + prior.size() + " in flight); sign again with nonce " + next));
                        local = judgeLocally(line, false, request);
                        if (local == null) checkAfter(prior, request);
                    }
                } catch (Ahead ahead) {
                    long left = giveUp - System.nanoTime();
                    if (left <= 0 || closed) throw ahead.refusal;
                    line.changed.awaitNanos(left);
                    continue;
                }
                CompletableFuture<Relayed> done = new CompletableFuture<>();
                if (!queue.offer(new Pending(request, done)))
                    throw new RelayRefusal("Busy", 503, "the relayer has " + config.queueLimit() + " requests waiting");
                line.inFlight.addLast(request);
                if (local != null) {
                    localChecks.incrementAndGet();
                    line.nextNonce = line.nextNonce.add(BigInteger.ONE);
                    line.spendable = line.spendable.subtract(local.amount());
                } else {
                    simulatedChecks.incrementAndGet();
                    line.known = false;
                }
                line.changed.signalAll();
                // Settled one way or the other (mined, skipped, failed), the request is no longer in flight.
                done.whenComplete((v, e) -> settled(r.from(), request, e == null));
                return done;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayRefusal("Closed", 503, "the relayer is stopping");
        } finally {
            line.lock.unlock();
        }
    }

    private void settled(String signer, ForwardRequest.Signed request, boolean ran) {
        Line line = lines.get(signer);
        if (line == null) return;
        line.lock.lock();
        try {
            line.inFlight.removeIf(x -> x == request);
            if (!ran) line.known = false;
            line.changed.signalAll();
        } finally {
            line.lock.unlock();
        }
        lines.computeIfPresent(signer, (k, l) -> tidy(l));
    }

    /**
     * Accepts {@code request} without a node call of its own when {@link ForwarderRules} can tell that the forwarder
     * runs it on the state the signer's requests in flight leave; null leaves it to a simulation. With nothing in
     * flight ({@code fresh}) the signer's nonce and points are read from the chain first.
     */
    private ForwarderRules.Accept judgeLocally(Line line, boolean fresh, ForwardRequest.Signed request) {
        if (rules == null) return null;
        String from = request.request().from();
        try {
            if (fresh) {
                // Both reads in one exchange: the signer's forwarder nonce and its points.
                List<JsonNode> read = node.callEach("eth_call", List.of(
                        new Object[]{Map.of("to", config.forwarder(), "data", ForwardRequest.nonces(from)), "latest"},
                        new Object[]{Map.of("to", config.token(), "data", PointsCalls.balanceOf(from)), "latest"}));
                if (read.get(0) == null || read.get(1) == null) {
                    line.known = false;
                    return null; // the simulation calls the node again, and names the refusal
                }
                line.nextNonce = Numeric.toBigInt(read.get(0).asText());
                line.spendable = Numeric.toBigInt(read.get(1).asText());
                line.known = true;
            }
            if (!line.known) return null;
            View v = view();
            // The time a simulation checks a deadline against is the latest block's, as here; the margin covers the
            // way to a block, so a request that would expire on the way is left to the simulation instead.
            long earliest = v.blockTime() + DEADLINE_MARGIN_SECONDS;
            ForwarderRules.Verdict verdict = rules.judge(request,
                    new ForwarderRules.Known(line.nextNonce, line.spendable, v.paused(), earliest));
            return verdict instanceof ForwarderRules.Accept a ? a : null;
        } catch (IOException e) {
            line.known = false;
            return null; // the simulation calls the node again, and names the failure if it persists
        }
    }

    private View view() throws IOException {
        View v = view;
        if (v != null && System.nanoTime() - v.readAt() < VIEW_AGE_NANOS) return v;
        viewLock.lock();
        try {
            v = view;
            if (v != null && System.nanoTime() - v.readAt() < VIEW_AGE_NANOS) return v;
            long readAt = System.nanoTime();
            boolean paused = Numeric.toBigInt(node.ethCall(null, config.token(), PAUSED)).signum() != 0;
            long time = Long.decode(node.call("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
            v = new View(paused, time, readAt);
            view = v;
            return v;
        } finally {
            viewLock.unlock();
        }
    }

    /**
     * Refuses, naming the reason, a request the forwarder would not accept or whose call would revert. A request that
     * {@code execute} runs is accepted on that one call (it validates signature, nonce and deadline as {@code verify}
     * does); only a refused one pays the further calls that say why.
     */
    private void check(ForwardRequest.Signed request) throws RelayRefusal, Ahead {
        ForwardRequest r = request.request();
        try {
            try {
                node.ethCall(operator(), config.forwarder(), ForwardRequest.execute(request));
                return;
            } catch (NodeRpc.NodeError e) {
                refuseIfStale(request);
                var refusal = PointsContracts.ERRORS.decode(e.data());
                if (refusal.isPresent() && !refusal.get().name().equals("FailedCall"))
                    throw new RelayRefusal("ForwarderRefused", 422,
                            "the forwarder refuses the request: " + refusal.get());
                // The forwarder hides why the call inside failed: run that call as the forwarder makes it.
                try {
                    node.ethCallAsContract(config.forwarder(), r.to(), r.data() + r.from().substring(2));
                } catch (NodeRpc.NodeError inner) {
                    throw new RelayRefusal("WouldRevert", 422, "the token would refuse it: "
                            + PointsContracts.ERRORS.decode(inner.data()).map(Object::toString)
                                    .orElse(inner.getMessage()));
                }
                throw new RelayRefusal("WouldRevert", 422, "the call would run out of its " + r.gas() + " gas");
            }
        } catch (NodeRpc.NodeError e) {
            throw new RelayRefusal("NodeRefused", 502, "the node refused a check: " + e.getMessage());
        } catch (IOException e) {
            throw new RelayRefusal("NodeUnreachable", 502, "the node at " + node.url() + " cannot be reached ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * Refuses a request whose nonce is not the signer's next (the forwarder's {@code verify} would reject it for that
     * alone, so the nonce read is the one call needed): as {@link Ahead} when it is later than the next, since the one
     * before it may still come.
     */
    private void refuseIfStale(ForwardRequest.Signed request) throws RelayRefusal, Ahead, IOException {
        ForwardRequest r = request.request();
        refuseNonce(r, Numeric
                .toBigInt(node.ethCall(operator(), config.forwarder(), ForwardRequest.nonces(r.from()))));
    }

    /**
     * Refuses {@code r} when its nonce is not {@code current}, the signer's next as just read from the chain: as
     * {@link Ahead} when it is later, since the one before it may still come. A request that arrives before its
     * predecessor (sent together over two connections) is told so from the nonce the local check read, without a
     * simulation and a second read of the nonce to say why.
     */
    private static void refuseNonce(ForwardRequest r, BigInteger current) throws RelayRefusal, Ahead {
        if (!current.equals(r.nonce())) {
            var refusal = new RelayRefusal("NonceNotCurrent", 422, "nonce " + r.nonce() + " is not " + r.from()
                    + "'s next request (" + current + "); sign again with nonce " + current);
            if (r.nonce().compareTo(current) > 0) throw new Ahead(refusal);
            throw refusal;
        }
    }

    /**
     * Refuses, naming the reason, a request that would revert once its signer's requests in {@code prior} (in flight,
     * its nonce following the last of them) have run: one {@code eth_call} of RelaySimulator, which runs them as the
     * relayer's batch does (skipping any already mined) and then the request's {@code execute}.
     */
    private void checkAfter(List<ForwardRequest.Signed> prior, ForwardRequest.Signed request) throws RelayRefusal {
        ForwardRequest r = request.request();
        try {
            try {
                node.ethCallWithCode(operator(), SIMULATOR, PointsContracts.SIMULATOR.runtime(),
                        ForwardRequest.simulate(config.forwarder(), prior, request, SIMULATOR));
                return;
            } catch (NodeRpc.NodeError e) {
                String after = " once the " + prior.size() + " request" + (prior.size() == 1 ? "" : "s") + " of "
                        + r.from() + " in flight have run";
                var refusal = PointsContracts.ERRORS.decode(e.data());
                if (refusal.isEmpty() || refusal.get().name().equals("PriorBatchFailed"))
                    throw new RelayRefusal("NodeRefused", 502, "the node refused a check: " + e.getMessage());
                if (!refusal.get().name().equals("FailedCall"))
                    throw new RelayRefusal("ForwarderRefused", 422,
                            "the forwarder refuses the request" + after + ": " + refusal.get());
                // The forwarder hides why the call inside failed; the token's error on the latest state names it
                // unless only the requests in flight make it fail.
                try {
                    node.ethCallAsContract(config.forwarder(), r.to(), r.data() + r.from().substring(2));
                } catch (NodeRpc.NodeError inner) {
                    throw new RelayRefusal("WouldRevert", 422, "the token would refuse it: "
                            + PointsContracts.ERRORS.decode(inner.data()).map(Object::toString)
                                    .orElse(inner.getMessage()));
                }
                throw new RelayRefusal("WouldRevert", 422, "the token would refuse it" + after
                        + " (or it would run out of its " + r.gas() + " gas)");
            }
        } catch (IOException e) {
            throw new RelayRefusal("NodeUnreachable", 502, "the node at " + node.url() + " cannot be reached ("
                    + e.getMessage() + ")");
        }
    }

    private void sendLoop() {
        while (!closed) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = carried != null ? carried : queue.poll(200, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) continue;
                batch.add(first);
                BigInteger gas = gasOf(first);
                long until = System.nanoTime() + config.batchWindow().toNanos();
                while (batch.size() < config.maxBatch()) {
                    long left = until - System.nanoTime();
                    Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) break;
                    if (gas.add(gasOf(next)).compareTo(MAX_TRANSACTION_GAS) > 0) {
                        carried = next;
                        break;
                    }
                    gas = gas.add(gasOf(next));
                    batch.add(next);
                }
                send(batch);
            } catch (InterruptedException e) {
                fail(batch, new RelayRefusal("Closed", 503, "the relayer is stopping"));
                return;
            } catch (RuntimeException e) {
                fail(batch, new RelayRefusal("Failed", 502, "the relayer failed: " + e.getMessage()));
            }
        }
    }

    private static BigInteger gasOf(Pending p) {
        return p.request().request().gas().add(PER_REQUEST_OVERHEAD)
                .add(BigInteger.valueOf(p.request().request().data().length() / 2 * 16 + 2_000));
    }

    private void send(List<Pending> batch) {
        List<ForwardRequest.Signed> requests = batch.stream().map(Pending::request).toList();
        String data = requests.size() == 1
                ? ForwardRequest.execute(requests.get(0))
                : ForwardRequest.executeBatch(requests, operator());
        BigInteger gas = BATCH_OVERHEAD;
        for (Pending p : batch) gas = gas.add(gasOf(p));
        try {
            BigInteger price = Numeric.toBigInt(node.call("eth_gasPrice").asText());
            BigInteger tip = price.min(BigInteger.valueOf(1_000_000_000));
            String hash = null;
            for (int attempt = 0; hash == null; attempt++) {
                if (nonce < 0)
                    nonce = Numeric.toBigInt(node.call("eth_getTransactionCount", operator(), "pending")
                            .asText()).longValueExact();
                RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gas,
                        config.forwarder(), BigInteger.ZERO, data, tip, price.multiply(BigInteger.TWO).add(tip));
                try {
                    hash = node.call("eth_sendRawTransaction",
                            Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, operator))).asText();
                    nonce++;
                } catch (NodeRpc.NodeError e) {
                    if (attempt > 0 || !e.getMessage().toLowerCase(Locale.ROOT).contains("nonce")) throw e;
                    nonce = -1; // another sender used the operator's account: read the nonce again, once
                }
            }
            batches.incrementAndGet();
            String sent = hash;
            unsettled.put(sent, new Sent(batch, System.nanoTime() + RECEIPT_TIMEOUT.toNanos()));
        } catch (NodeRpc.NodeError e) {
            fail(batch, new RelayRefusal("NodeRefused", 502, "the node refused the relayer's transaction: "
                    + e.getMessage()));
        } catch (IOException e) {
            nonce = -1;
            fail(batch, new RelayRefusal("NodeUnreachable", 502, "the node at " + node.url()
                    + " cannot be reached (" + e.getMessage() + ")"));
        }
    }

    /**
     * Settles the transactions sent, until the relayer is closed and none is left: polls the latest block's number, and
     * asks for the receipts of every unsettled transaction when it moved, and of the new ones (sent since the last
     * look, perhaps mined in the block already seen) in any case.
     */
    private void watchLoop() {
        long seen = -1;
        while (!closed || !unsettled.isEmpty()) {
            try {
                Thread.sleep(RECEIPT_POLL.toMillis());
            } catch (InterruptedException e) {
                if (closed) continue;
                Thread.currentThread().interrupt();
                return;
            }
            if (unsettled.isEmpty()) continue;
            long now = System.nanoTime();
            unsettled.forEach((hash, sent) -> {
                if (now - sent.giveUpNanos > 0 && unsettled.remove(hash, sent))
                    fail(sent.batch,
                            new RelayRefusal("Timeout", 504, "transaction " + hash + " was not mined in time"));
            });
            List<Map.Entry<String, Sent>> ask = new ArrayList<>();
            try {
                long head = Long.decode(node.call("eth_blockNumber").asText());
                for (var e : unsettled.entrySet())
                    if (head != seen || !e.getValue().checked) ask.add(e);
                seen = head;
                if (ask.isEmpty()) continue;
                List<Object[]> params = new ArrayList<>();
                for (var e : ask) {
                    e.getValue().checked = true;
                    params.add(new Object[]{e.getKey()});
                }
                List<JsonNode> receipts = node.callEach("eth_getTransactionReceipt", params);
                for (int i = 0; i < ask.size(); i++) {
                    JsonNode receipt = receipts.get(i);
                    var e = ask.get(i);
                    // Settling completes each request's future, whose stages take its signer's lock (held while a
                    // check of its next request calls the node) and answer the wallet: on a thread of its own, so
                    // one busy signer does not hold up the watcher and every other transaction.
                    if (receipt != null && !receipt.isNull() && unsettled.remove(e.getKey(), e.getValue()))
                        Thread.ofVirtual().name("points-relayer-settle")
                                .start(() -> settle(e.getKey(), receipt, e.getValue().batch));
                }
            } catch (IOException e) {
                // As when each transaction polled for itself: a node that fails the poll fails what waited on it.
                List<Map.Entry<String, Sent>> failed = ask.isEmpty() ? List.copyOf(unsettled.entrySet()) : ask;
                for (var f : failed)
                    if (unsettled.remove(f.getKey(), f.getValue()))
                        fail(f.getValue().batch, new RelayRefusal("NodeUnreachable", 502, "no receipt for "
                                + f.getKey() + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                for (var f : ask)
                    if (unsettled.remove(f.getKey(), f.getValue()))
                        fail(f.getValue().batch, new RelayRefusal("Failed", 502, "the relayer failed on the receipt of "
                                + f.getKey() + ": " + e.getMessage()));
            }
        }
    }

    /** Tells each request of a mined transaction whether the forwarder ran it, from its ExecutedForwardRequest. */
    private void settle(String hash, JsonNode receipt, List<Pending> batch) {
        long block = Long.decode(receipt.get("blockNumber").asText());
        gasUsed.addAndGet(Long.decode(receipt.path("gasUsed").asText("0")));
        if (!"0x1".equals(receipt.path("status").asText())) {
            fail(batch, new RelayRefusal("Reverted", 409, "transaction " + hash + " reverted"));
            return;
        }
        Map<String, ForwardExecuted> executed = new HashMap<>();
        for (JsonNode log : receipt.get("logs")) {
            List<String> topics = new ArrayList<>(4);
            log.get("topics").forEach(t -> topics.add(t.asText()));
            PointsEvents.decode(new PointsEvent.Position(block, 0, hash), topics, log.get("data").asText())
                    .filter(ForwardExecuted.class::isInstance).map(ForwardExecuted.class::cast)
                    .ifPresent(e -> executed.put(e.signer() + "/" + e.nonce(), e));
        }
        for (Pending p : batch) {
            ForwardRequest r = p.request().request();
            ForwardExecuted ran = executed.get(r.from() + "/" + r.nonce());
            if (ran == null)
                p.done().completeExceptionally(new RelayRefusal("Skipped", 409, "the forwarder skipped the request"
                        + " in " + hash + ": its nonce was used or it expired before it was mined"));
            else if (!ran.success())
                p.done().completeExceptionally(new RelayRefusal("RevertedOnChain", 409, "the call reverted on"
                        + " chain in " + hash + " (its balance changed after the check)"));
            else {
                relayed.incrementAndGet();
                p.done().complete(new Relayed(hash, block, true));
            }
        }
    }

    private static void fail(List<Pending> batch, RelayRefusal refusal) {
        for (Pending p : batch) p.done().completeExceptionally(refusal);
    }

    private static String lower(String address) {
        if (address == null || !address.matches("0x[0-9a-fA-F]{40}"))
            throw new IllegalArgumentException("not an address: " + address);
        return address.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (carried != null) left.add(carried);
        fail(left, new RelayRefusal("Closed", 503, "the relayer is stopping"));
    }
}
