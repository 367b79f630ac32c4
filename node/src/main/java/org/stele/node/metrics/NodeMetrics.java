package org.stele.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.stele.rpc.CallObserver;
import org.stele.rpc.eth.SyncProgress;

/**
 * The node's meters, named as Besu names the ones it has ({@code ethereum_blockchain_height},
 * {@code ethereum_peer_count}) and {@code stele_*} otherwise. Parts of the node report here; none of them sees
 * Micrometer. Sources that are read (height, pool sizes, peers, sync) are registered once as functions; events
 * (a block imported, a round change, a commit) are reported as they happen.
 */
public final class NodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer importTime;
    private final DistributionSummary transactionsPerBlock;
    private final DistributionSummary gasPerBlock;
    private final Counter roundChanges;
    private final Timer proposalToCommit;
    private final Counter rangesServed;
    private final Counter rangesRefused;
    private final AtomicLong consensusHeight = new AtomicLong();
    private final AtomicInteger consensusRound = new AtomicInteger();
    private volatile IntSupplier peers = () -> 0;

    public NodeMetrics() {
        importTime = Timer.builder("stele.block.import").description("Time to check, execute and write a block")
                .register(registry);
        transactionsPerBlock = DistributionSummary.builder("stele.block.transactions")
                .description("Transactions per imported block").register(registry);
        gasPerBlock = DistributionSummary.builder("stele.block.gas.used").description("Gas used per imported block")
                .register(registry);
        roundChanges = Counter.builder("stele.qbft.round.changes")
                .description("QBFT rounds started past round 0 (each one a round change)").register(registry);
        proposalToCommit = Timer.builder("stele.qbft.proposal.to.commit")
                .description("Time from a block's proposal to its commit, as this validator saw it")
                .register(registry);
        rangesServed = Counter.builder("stele.sync.ranges.served")
                .description("Ranges of blocks peers asked this node for").register(registry);
        rangesRefused = Counter.builder("stele.sync.ranges.refused")
                .description("Ranges peers served that this node refused (the peer was cut off)").register(registry);
        Gauge.builder("stele.qbft.height", consensusHeight::get).description("Height QBFT is deciding")
                .register(registry);
        Gauge.builder("stele.qbft.round", consensusRound::get).description("QBFT round at the current height")
                .register(registry);
        Gauge.builder("ethereum.peer.count", () -> peers.getAsInt()).description("Connected peers")
                .register(registry);
    }

    /** The height of the chain's head, read when scraped. */
    public NodeMetrics chainHeight(LongSupplier height) {
        Gauge.builder("ethereum.blockchain.height", height::getAsLong).description("Number of the head block")
                .register(registry);
        return this;
    }

    /** The pool's pending (executable) and queued (waiting for a nonce gap) transactions, read when scraped. */
    public NodeMetrics transactionPool(IntSupplier pending, IntSupplier queued) {
        Gauge.builder("stele.txpool.transactions", pending::getAsInt).tag("type", "pending")
                .description("Transactions in the pool").register(registry);
        Gauge.builder("stele.txpool.transactions", queued::getAsInt).tag("type", "queued")
                .description("Transactions in the pool").register(registry);
        return this;
    }

    /** Where catching up stands, read when scraped: 0 for every gauge when the node is not syncing. */
    public NodeMetrics syncProgress(SyncProgress sync) {
        Gauge.builder("stele.sync.active", () -> sync.current().isPresent() ? 1 : 0)
                .description("1 while the node catches up with its peers").register(registry);
        Gauge.builder("stele.sync.current.block", () -> sync.current().map(p -> p.currentBlock()).orElse(0L))
                .description("Head block while catching up").register(registry);
        Gauge.builder("stele.sync.highest.block", () -> sync.current().map(p -> p.highestBlock()).orElse(0L))
                .description("Highest block peers announced while catching up").register(registry);
        return this;
    }

    /**
     * {@code blocks} blocks that {@code peer} served were imported by catching up. Labelled by peer, which the
     * allowlist bounds, so an operator sees which peers a catch-up leaned on.
     */
    public void blocksSynced(String peer, int blocks) {
        if (blocks > 0)
            Counter.builder("stele.sync.blocks").tag("peer", peer)
                    .description("Blocks imported by catching up with peers, by the peer that served them")
                    .register(registry).increment(blocks);
    }

    /** A peer asked this node for a range of blocks. */
    public void rangeServed() {
        rangesServed.increment();
    }

    /** A peer served a range this node refused (a forged or missing seal, a block that does not link or import). */
    public void rangeRefused() {
        rangesRefused.increment();
    }

    /** The number of connected peers, read when scraped (0 until a network reports it). */
    public NodeMetrics peerCount(IntSupplier peers) {
        this.peers = peers;
        return this;
    }

    /** A block was imported: its transactions, its gas and the time its import took. */
    public void blockImported(int transactions, long gasUsed, Duration took) {
        importTime.record(took);
        transactionsPerBlock.record(transactions);
        gasPerBlock.record(gasUsed);
    }

    /** QBFT moved to {@code round} at {@code height}: round 0 of a new height, or a round change. */
    public void roundChanged(long height, int round) {
        consensusHeight.set(height);
        consensusRound.set(round);
        if (round > 0) roundChanges.increment();
    }

    /** A block this validator saw proposed was committed {@code proposalToCommit} later. */
    public void blockCommitted(Duration proposalToCommit) {
        this.proposalToCommit.record(proposalToCommit);
    }

    /**
     * Counts calls to these methods, by method. Only the names given get a counter, so clients cannot grow the
     * metrics by calling names that do not exist.
     */
    public CallObserver rpcCalls(Collection<String> methods) {
        Map<String, Timer> byMethod = new TreeMap<>();
        for (String m : methods)
            byMethod.put(m, Timer.builder("stele.rpc.requests").tag("method", m)
                    .description("JSON-RPC calls answered, by method").register(registry));
        return (method, nanos) -> {
            Timer t = byMethod.get(method);
            if (t != null) t.record(nanos, TimeUnit.NANOSECONDS);
        };
    }

    /** Every meter in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }
}
