package org.stele.node.wiring;

import org.stele.txpool.PooledTransaction;
import org.stele.txpool.PendingSelection;
import org.stele.execution.block.CandidateSource;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.stele.chain.BaseFee;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.chain.rules.ChainProfile;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.rules.SteleQbft;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.governance.GovernancePolicy;
import org.stele.common.Address;
import org.stele.evm.AccountInfo;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CarriedState;
import org.stele.execution.importer.BlockImporter;
import org.stele.chain.rules.ChainProfile;
import org.stele.execution.importer.ImportResult;
import org.stele.node.logging.BlockImportLog;
import org.stele.node.metrics.MetricsServer;
import org.stele.node.metrics.NodeMetrics;
import org.stele.p2p.P2pNetwork;
import org.stele.rpc.admin.AdminMethods;
import org.stele.rpc.qbft.QbftMethods;
import org.stele.execution.importer.SealVerifier;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.node.cli.VersionCommand;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.debug.DebugMethods;
import org.stele.rpc.eth.CallMethods;
import org.stele.rpc.eth.Calls;
import org.stele.rpc.eth.ChainEventListener;
import org.stele.rpc.eth.EthBackend;
import org.stele.rpc.eth.EthBlockNumber;
import org.stele.rpc.eth.EthChainId;
import org.stele.rpc.eth.EthGetBlockByHash;
import org.stele.rpc.eth.EthGetBlockByNumber;
import org.stele.rpc.eth.EthGetBlockReceipts;
import org.stele.rpc.eth.EthGetBlockTransactionCountByHash;
import org.stele.rpc.eth.EthGetBlockTransactionCountByNumber;
import org.stele.rpc.eth.EthGetLogs;
import org.stele.rpc.eth.EthGetTransactionByBlockHashAndIndex;
import org.stele.rpc.eth.EthGetTransactionByBlockNumberAndIndex;
import org.stele.rpc.eth.EthGetTransactionByHash;
import org.stele.rpc.eth.EthGetTransactionReceipt;
import org.stele.rpc.eth.EthJson;
import org.stele.rpc.eth.EthSendRawTransaction;
import org.stele.rpc.eth.EthSyncing;
import org.stele.rpc.eth.FeeMethods;
import org.stele.rpc.eth.FilterManager;
import org.stele.rpc.eth.FilterMethods;
import org.stele.rpc.eth.LogQuery;
import org.stele.rpc.eth.StateMethods;
import org.stele.rpc.eth.SubscriptionManager;
import org.stele.rpc.net.NetMethods;
import org.stele.rpc.ots.OtsMethods;
import org.stele.rpc.server.RpcServer;
import org.stele.rpc.server.StaticPages;
import org.stele.apps.identity.resolver.DidIndex;
import org.stele.apps.identity.resolver.DidResolver;
import org.stele.apps.identity.resolver.StoreDidChain;
import org.stele.rpc.stele.SteleGetBlockConsensus;
import org.stele.rpc.stele.SteleGetTransactionProof;
import org.stele.rpc.txpool.TxPoolMethods;
import org.stele.rpc.web3.Web3ClientVersion;
import org.stele.rpc.web3.Web3Sha3;
import org.stele.state.WorldState;
import org.stele.storage.CachedSegmentStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;

/**
 * The parts every node runs: storage, the block store, execution, the pool, and JSON-RPC with the standard methods.
 * Whatever makes blocks (the dev sealer, consensus) builds them with {@link #executor()}, stores them with
 * {@link #append} and so announces them to filters, subscriptions and the pool.
 */
public final class NodeServices implements AutoCloseable {
    public static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    /** Trie nodes and code kept in memory: far more than a dev chain's working set. */
    private static final long STATE_CACHE_BYTES = 64L << 20;
    /** {@code eth_call} and {@code eth_estimateGas} run with at most this much gas, as geth's default cap. */
    private static final long CALL_GAS_CAP = 50_000_000;
    private static final BigInteger SUGGESTED_TIP = BigInteger.valueOf(1_000_000_000);

    private final NodeConfig config;
    private final Fork fork;
    private final KeyValueStore store;
    private final KeyValueBlockStore blocks;
    private final TransactionPool pool;
    /** Held while the pool moves to a new head, so that {@link #poolHead} names the head it moved to last. */
    private final Object poolMoves = new Object();
    /** The hash of the block the pool stands at: a block on it may move the pool by the accounts it changed. */
    private Bytes32 poolHead;
    private final BlockExecutor executor;
    /** Blocks this node builds go through the same importer as any other: what Stele builds, Stele accepts. */
    private final BlockImporter importer;
    private final EthBackend backend;
    private final Calls calls;
    private final List<ChainEventListener> listeners = new ArrayList<>();
    private final List<RpcMethod> methods = new ArrayList<>();
    private final NodeMetrics metrics = new NodeMetrics();
    private final SyncTracker sync = new SyncTracker();
    private final NetworkView network = new NetworkView();
    private final PeerHeads peerHeads = new PeerHeads();
    private RpcServer server;
    /** The node's audit log of admin calls and of the configurations it started with (DATA-PATH/audit.log). */
    private final org.stele.node.audit.AuditLog audit;
    private MetricsServer metricsServer;
    private final ExplorerIndexBuild explorerBuild;
    private final DidResolver didResolver;
    private boolean admitOnlyWhatTheNextBlockPays;
    private final long chainId;
    private final InstantSource clock;

    /**
     * Opens (or creates from {@code genesis}) the chain in {@code config.dataPath()}.
     *
     * @param genesis the first block of a new chain; asked only when the data path holds none
     */
    public NodeServices(NodeConfig config, long chainId, Fork fork, Supplier<Genesis> genesis, InstantSource clock) {
        this(config, chainId, fork, new EthereumCancun(), SealVerifier.NONE, store -> genesis.get().build(store),
                clock);
    }

    /**
     * Opens (or creates from {@code genesis}) the chain in {@code config.dataPath()}, whose blocks follow the rules of
     * {@code profile} and are proven by {@code seals} (a QBFT network's commit seals).
     *
     * @param genesis builds the first block of a new chain over the store; asked only when the data path holds none
     */
    public NodeServices(NodeConfig config, long chainId, Fork fork, ChainProfile profile, SealVerifier seals,
            Function<KeyValueStore, Genesis.Built> genesis, InstantSource clock) {
        this.config = config;
        this.fork = fork;
        this.chainId = chainId;
        this.clock = clock;
        this.store = new CachedSegmentStore(RocksDbKeyValueStore.open(config.dataPath()),
                Set.of(Segment.TRIE_NODES, Segment.CODE), STATE_CACHE_BYTES);
        DidIndex didIndex = new DidIndex(store);
        this.blocks = new KeyValueBlockStore(store, SUITE, profile, List.of(didIndex));
        this.didResolver = new DidResolver(new StoreDidChain(blocks, didIndex, chainId), clock);
        this.audit = new org.stele.node.audit.AuditLog(config.dataPath().resolve("audit.log"), clock);
        audit.started(config.toString());
        if (blocks.head().isEmpty()) {
            Genesis.Built built = genesis.apply(store);
            blocks.append(built.block(), List.of(), built.batch());
        }
        // Stele's own chains follow their governance contracts; an Ethereum chain replayed here has none.
        TransactionPolicy policy = profile instanceof SteleQbft ? GovernancePolicy.INSTANCE : TransactionPolicy.NONE;
        this.pool = new TransactionPool(config.txPool(), fork, stateAtHead(), head().gasLimit());
        this.poolHead = blocks.hash(head());
        pool.enforce(policy);
        // One carried state for both: on a network the proposer rotates, so the parent of a block this node builds
        // was mostly executed by its importer (checked as a proposal), and the child of its own block is checked there.
        // Blocks are built and checked on the states of blocks accepted and not written yet as well (a dev chain's
        // blocks written behind): blocks.state() reads their trie nodes and code ahead of the store.
        CarriedState carried = new CarriedState(blocks.state());
        this.executor = new BlockExecutor(fork, SUITE, chainId, blocks.state(), blocks, profile, policy, carried);
        this.importer = new BlockImporter(profile, fork, SUITE, chainId, blocks.state(), blocks, seals, carried);
        importer.enforce(policy);
        // A block's transactions mostly passed through this node's pool, which recovered their senders at admission.
        importer.useKnownSenders(hash -> pool.get(hash).map(PooledTransaction::sender).orElse(null));
        importer.listen(this::imported);
        this.backend = new EthBackend(blocks, store, pool, SUITE, chainId, fork);
        EthJson json = backend.json();
        LogQuery logs = new LogQuery(blocks, json, 10_000, 10_000);
        FilterManager filters = new FilterManager(logs, json, clock, Duration.ofMinutes(5), 1_000);
        SubscriptionManager subscriptions = new SubscriptionManager(json, logs,
                config.rpcHttp().limits().maxSubscriptionsPerConnection());
        listeners.add(filters);
        listeners.add(subscriptions);
        if (profile instanceof SteleQbft)
            listeners
                    .add(new org.stele.node.audit.GovernanceChangeAudit(audit, SUITE, blocks::header,
                            this::stateAfter));
        pool.onPending(tx -> {
            for (ChainEventListener l : listeners) l.onPendingTransaction(tx.hash());
        });
        this.calls = new Calls(backend, CALL_GAS_CAP, clock, policy);
        methods.addAll(List.of(new EthChainId(backend), new EthBlockNumber(backend), new EthGetBlockByNumber(backend),
                new EthGetBlockByHash(backend), new EthGetBlockTransactionCountByNumber(backend),
                new EthGetBlockTransactionCountByHash(backend), new EthGetTransactionByHash(backend),
                new EthGetTransactionByBlockHashAndIndex(backend), new EthGetTransactionByBlockNumberAndIndex(backend),
                new EthGetTransactionReceipt(backend), new EthGetBlockReceipts(backend),
                new EthSendRawTransaction(backend), new EthSyncing(sync), new EthGetLogs(logs),
                new Web3ClientVersion(VersionCommand.version()), new Web3Sha3(SUITE)));
        methods.addAll(StateMethods.all(backend));
        methods.addAll(CallMethods.all(backend, calls));
        methods.addAll(DebugMethods.all(backend, calls, config.rpcHttp().limits().maxTraceBytes()));
        methods.addAll(FeeMethods.all(backend, SUGGESTED_TIP));
        methods.addAll(FilterMethods.all(filters, subscriptions));
        methods.addAll(TxPoolMethods.all(pool, json));
        methods.addAll(NetMethods.all(chainId, network));
        methods.addAll(AdminMethods.all(network, blocks, SUITE, chainId, "Stele/v" + VersionCommand.version()));
        methods.addAll(QbftMethods.all(blocks, QbftHeaderReader.INSTANCE));
        methods.add(new SteleGetTransactionProof(backend));
        methods.add(new SteleGetBlockConsensus(blocks, QbftHeaderReader.INSTANCE, SUITE));
        metrics.chainHeight(() -> head().number()).transactionPool(pool::pendingCount, pool::queuedCount)
                .syncProgress(sync).peerCount(network::peerCount);
        methods.addAll(OtsMethods.all(backend, blocks.explorer()));
        this.explorerBuild = ExplorerIndexBuild.startIfNeeded(blocks);
    }

    private void imported(ImportResult.Imported imported, Duration took) {
        BlockHeader header = imported.block().header();
        int transactions = imported.block().body().transactions().size();
        BlockImportLog.imported(header, imported.hash(), transactions, QbftHeaderReader.INSTANCE.round(header), took);
        metrics.blockImported(transactions, header.gasUsed(), took);
    }

    /**
     * The node takes part in {@code p2p} from now on: {@code admin_*}, {@code net_*} and the peer count answer from
     * it.
     */
    public void useNetwork(P2pNetwork p2p) {
        network.use(new P2pNetworkAdmin(p2p, peerHeads));
    }

    /**
     * The heads peers announced, which {@code admin_peers} reports; a listener made by {@link PeerHeads#tracking}
     * keeps it.
     */
    public PeerHeads peerHeads() {
        return peerHeads;
    }

    /** The meters that QBFT, P2P and sync report to. */
    public NodeMetrics metrics() {
        return metrics;
    }

    /** Where catching up stands: the sync tells it, {@code eth_syncing} and the metrics read it. */
    public SyncTracker sync() {
        return sync;
    }

    /** The one importer every block of this node goes through (the blocks it builds, and those it is given). */
    public BlockImporter importer() {
        return importer;
    }

    /** Where the Prometheus endpoint listens, once started; empty when metrics are off. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metricsServer).map(MetricsServer::address);
    }

    /**
     * From now on the pool refuses a transaction whose fee cap is below the next block's base fee. A node that seals on
     * demand (the dev chain) wants this: whatever it accepts, its next block can include, so it never has to seal empty
     * blocks to bring the base fee down.
     */
    public void admitOnlyWhatTheNextBlockPays() {
        admitOnlyWhatTheNextBlockPays = true;
        synchronized (poolMoves) {
            pool.onNewHead(stateAtHead(), head().gasLimit(), BaseFee.next(head()));
            poolHead = blocks.hash(head());
        }
    }

    /** Serves {@code extra} methods as well (the dev chain's accounts); call before {@link #start}. */
    public void addMethods(List<RpcMethod> extra) {
        if (server != null) throw new IllegalStateException("the RPC server is already running");
        methods.addAll(extra);
    }

    /**
     * Starts JSON-RPC, and the metrics endpoint when enabled; returns the address JSON-RPC listens on.
     *
     * @throws IllegalArgumentException when the admin token file cannot be read
     */
    public InetSocketAddress start() throws InterruptedException {
        RpcMethodRegistry registry = RpcMethodRegistry.of(methods);
        HeadAccounts accounts = new HeadAccounts(() -> WorldState.openReadOnly(store, head().stateRoot(),
                n -> blocks.hashOf(n).orElse(Bytes32.ZERO)));
        server = new RpcServer(new JsonRpcDispatcher(registry, config.rpcHttp().limits(),
                config.rpcHttp().adminAccess(), config.rpcHttp().readAccess(chainId, SUITE, accounts, clock),
                metrics.rpcCalls(registry.names()), audit), config.rpcHttp(),
                StaticPages.defaults(),
                List.of(new DidResolutionEndpoint(didResolver), new org.stele.node.vc.StatusListRoute()));
        if (config.metrics().enabled())
            metricsServer = MetricsServer.start(config.metrics().host(), config.metrics().port(), metrics::scrape);
        return server.start();
    }

    /**
     * Imports a block this node built, {@code sealed} being {@code built}'s block with its seal, and announces it: the
     * pool moves to the new state, subscribers hear of it once it is written. The importer checks its header, seal and
     * body shape as for any block and writes the builder's results without executing the block again; with
     * {@link #writeOwnBlocksBehind} the write happens on the store's writer thread after this returns.
     *
     * @throws IllegalStateException
     *             when the importer refuses the block, which means the builder and the rules disagree
     */
    public void append(Block sealed, BlockExecutor.Result built) {
        if (importer.importBuilt(sealed, built) instanceof ImportResult.Refused refused)
            throw new IllegalStateException("this node refuses the block it built: " + refused.refusal());
        pool.removeAll(built.rejected().stream().map(x -> x.candidate().transaction().hash(SUITE)).toList());
        BlockHeader header = sealed.header();
        // The pool moves to the block's state at once, written or not, so that the next block does not take the
        // transactions this one holds; clients hear of the block once it is durable.
        AccountState state = AccountState.of(WorldState.openReadOnly(blocks.state(), header.stateRoot(),
                n -> blocks.hashOf(n).orElse(Bytes32.ZERO)));
        movePool(header, state, Optional.of(built.accounts()));
        blocks.whenWritten(blocks.hash(header), () -> announce(sealed, built.receipts()));
    }

    /**
     * From now on the blocks this node builds ({@link #append}) are written behind, on a writer thread of their own,
     * with at most {@code maxInFlight} accepted and not yet written: the next block is built on the {@link #tip()}
     * meanwhile. Clients see a block once it is durable.
     */
    public void writeOwnBlocksBehind(int maxInFlight) {
        blocks.writeBehind(maxInFlight);
    }

    /** The newest block this node accepted as its head, written or not: what its next block is built on. */
    public BlockHeader tip() {
        return blocks.tip().orElseThrow();
    }

    /** Waits until every block accepted is written (and announced). */
    public void awaitWritten() {
        blocks.awaitWritten();
    }

    /**
     * Imports a block that came from elsewhere (consensus, a peer) and, when it becomes the head, moves the pool to
     * the new state and tells subscribers. With {@link #writeOwnBlocksBehind} a new head is written behind, as this
     * node's own blocks are: it is the {@link #tip()} on return (what the next block is built and checked on), the
     * pool moves to its state at once, and subscribers hear of it once it is durable.
     */
    public ImportResult importBlock(Block block) {
        ImportResult result = importer.importBlock(block);
        if (result instanceof ImportResult.Imported imported && imported.head()) {
            BlockHeader header = block.header();
            movePool(header, AccountState.of(stateAfter(header)), imported.accounts());
            List<Receipt> receipts = blocks.receipts(imported.hash()).orElse(List.of());
            blocks.whenWritten(imported.hash(), () -> announce(block, receipts));
        }
        return result;
    }

    /**
     * Runs {@code action} once the block {@code hash} is durable: at once when it is (or is not known here), else on
     * the block writer's thread after its write.
     */
    public void whenWritten(Bytes32 hash, Runnable action) {
        blocks.whenWritten(hash, action);
    }

    /**
     * Moves the pool to {@code header}, whose state {@code state} reads: from the block's changed accounts when the
     * pool stands at its parent (nothing decoded, the pool's lock held for map look-ups only), else by reading every
     * pooled sender's account.
     */
    private void movePool(BlockHeader header, AccountState state, Optional<Map<Address, AccountInfo>> changed) {
        BigInteger nextBaseFee = admitOnlyWhatTheNextBlockPays ? BaseFee.next(header) : null;
        synchronized (poolMoves) {
            if (changed.isPresent() && header.parentHash().equals(poolHead))
                pool.onNewHead(state, header.gasLimit(), nextBaseFee, changed.get());
            else if (nextBaseFee != null)
                pool.onNewHead(state, header.gasLimit(), nextBaseFee);
            else
                pool.onNewHead(state, header.gasLimit());
            poolHead = blocks.hash(header);
        }
    }

    /** The pool's transactions for a child of {@code parent}, best first, as a block builder takes them. */
    public CandidateSource candidates(BlockHeader parent) {
        PendingSelection selection = pool.selection(BaseFee.next(parent));
        return new CandidateSource() {
            @Override
            public BlockExecutor.Candidate next() {
                PooledTransaction p = selection.next();
                return p == null ? null : new BlockExecutor.Candidate(p.transaction(), p.sender());
            }

            @Override
            public void skipSender() {
                selection.skipSender();
            }
        };
    }

    public KeyValueBlockStore blocks() {
        return blocks;
    }

    /** The store the chain's blocks and states live in; what writes it goes through the importer. */
    public KeyValueStore store() {
        return store;
    }

    private void announce(Block block, List<Receipt> receipts) {
        for (ChainEventListener l : listeners) l.onBlock(block, receipts);
    }

    public BlockHeader head() {
        return blocks.head().orElseThrow();
    }

    public Fork fork() {
        return fork;
    }

    public TransactionPool pool() {
        return pool;
    }

    public BlockExecutor executor() {
        return executor;
    }

    public EthBackend backend() {
        return backend;
    }

    public Calls calls() {
        return calls;
    }

    /**
     * The state after {@code header} (read-only), e.g. to read the governance contracts at that height; a block
     * accepted and not written yet has its state read ahead of the store ({@link KeyValueBlockStore#state()}).
     */
    public WorldState stateAfter(BlockHeader header) {
        return WorldState.openReadOnly(blocks.state(), header.stateRoot(),
                n -> blocks.hashOf(n).orElse(Bytes32.ZERO));
    }

    private AccountState stateAtHead() {
        return AccountState.of(WorldState.openReadOnly(store, head().stateRoot(),
                n -> blocks.hashOf(n).orElse(Bytes32.ZERO)));
    }

    @Override
    public void close() {
        if (explorerBuild != null) explorerBuild.stop();
        if (server != null) server.close();
        if (metricsServer != null) metricsServer.close();
        audit.close();
        try {
            blocks.close();
        } finally {
            store.close();
        }
    }
}
