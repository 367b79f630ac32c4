package org.stele.node.devnode;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.stele.chain.BaseFee;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.chain.rules.EthereumCancun;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CandidateSource;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.node.dev.DevAccounts;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.eth.*;
import org.stele.rpc.net.NetMethods;
import org.stele.rpc.server.RpcServer;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.rpc.txpool.TxPoolMethods;
import org.stele.rpc.web3.Web3ClientVersion;
import org.stele.rpc.web3.Web3Sha3;
import org.stele.state.WorldState;
import org.stele.storage.CachedSegmentStore;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;
import org.stele.storage.Segment;
import org.stele.txpool.AccountState;
import org.stele.txpool.PendingSelection;
import org.stele.txpool.PooledTransaction;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/**
 * A dev chain in one process. One sealing thread builds every block, so blocks are strictly sequential; RPC calls
 * run concurrently against the stored chain and the pool. A block is acknowledged (events, receipts) only after its
 * batch is durable.
 */
public final class DevNode implements AutoCloseable {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final Fork FORK = Fork.CANCUN;
    private static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22); // 10,000 ether
    /** Scripts and load tests send long runs from one account, as anvil allows; a validator keeps tighter limits. */
    /**
     * How long the sealer waits before another empty block when pending transactions cannot pay the base fee; each
     * empty block lowers it by 12.5%, so they get in after a few, as on a chain that keeps producing blocks.
     */
    private static final Duration STALLED_RETRY = Duration.ofSeconds(1);
    /** Trie nodes and code kept in memory: far more than a dev chain's working set. */
    private static final long STATE_CACHE_BYTES = 64L << 20;
    private static final TxPoolConfig DEV_POOL = new TxPoolConfig(4_096, 65_536, 10, BigInteger.ZERO);

    private final DevNodeConfig config;
    private final InstantSource clock;
    private final KeyValueStore store;
    private final KeyValueBlockStore blocks;
    private final TransactionPool pool;
    private final BlockExecutor executor;
    /** The dev chain's own blocks go through the same importer as any other: what Stele builds, Stele accepts. */
    private final BlockImporter importer;
    private final List<ChainEventListener> listeners = new ArrayList<>();
    private final List<DevAccounts.Account> accounts;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Thread sealer;
    private final RpcServer server;
    private volatile boolean running = true;
    private volatile boolean pendingWork;
    private InetSocketAddress address;

    public DevNode(DevNodeConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.accounts = DevAccounts.derive(config.mnemonic(), "", config.accounts());
        this.store = new CachedSegmentStore(RocksDbKeyValueStore.open(config.dataDir()),
                Set.of(Segment.TRIE_NODES, Segment.CODE), STATE_CACHE_BYTES);
        this.blocks = new KeyValueBlockStore(store, SUITE);
        if (blocks.head().isEmpty()) writeGenesis();
        this.pool = new TransactionPool(DEV_POOL, stateAtHead(), config.gasLimit());
        this.executor = new BlockExecutor(FORK, SUITE, config.chainId(), store, blocks);
        this.importer = new BlockImporter(new EthereumCancun(), FORK, SUITE, config.chainId(), store, blocks,
                SealVerifier.NONE);
        EthBackend backend = new EthBackend(blocks, store, pool, SUITE, config.chainId(), FORK);
        EthJson json = backend.json();
        LogQuery logs = new LogQuery(blocks, json, 10_000, 10_000);
        FilterManager filters = new FilterManager(logs, json, clock, Duration.ofMinutes(5), 1_000);
        SubscriptionManager subscriptions = new SubscriptionManager(json, logs, 100);
        listeners.add(filters);
        listeners.add(subscriptions);
        pool.onPending(this::pending);
        List<RpcMethod> methods = new ArrayList<>(List.of(new EthChainId(backend), new EthBlockNumber(backend),
                new EthGetBlockByNumber(backend), new EthGetBlockByHash(backend),
                new EthGetBlockTransactionCountByNumber(backend), new EthGetBlockTransactionCountByHash(backend),
                new EthGetTransactionByHash(backend), new EthGetTransactionByBlockHashAndIndex(backend),
                new EthGetTransactionByBlockNumberAndIndex(backend), new EthGetTransactionReceipt(backend),
                new EthSendRawTransaction(backend), new EthSyncing(backend), new EthGetLogs(logs),
                new Web3ClientVersion(org.stele.node.cli.VersionCommand.version()), new Web3Sha3(SUITE)));
        methods.addAll(StateMethods.all(backend));
        Calls calls = new Calls(backend, 50_000_000);
        methods.addAll(CallMethods.all(backend, calls));
        Map<Address, org.stele.common.crypto.KeyPair> keys = new LinkedHashMap<>();
        for (DevAccounts.Account a : accounts) keys.put(a.address(), a.key());
        methods.add(new EthSendTransaction(backend, calls, keys));
        methods.addAll(org.stele.rpc.debug.DebugMethods.all(backend, calls));
        methods.addAll(FeeMethods.all(backend, BigInteger.valueOf(1_000_000_000)));
        methods.addAll(FilterMethods.all(filters, subscriptions));
        methods.addAll(TxPoolMethods.all(pool, json));
        methods.addAll(NetMethods.all(config.chainId(), () -> 0));
        methods.add(RpcMethod.of("eth_accounts", (p, s) -> {
            var a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            for (DevAccounts.Account acc : accounts) a.add(acc.address().toHex());
            return a;
        }));
        server = new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(methods), RpcLimits.DEFAULT),
                new RpcServerConfig(config.host(), config.port(), RpcLimits.DEFAULT, "*"));
        sealer = Thread.ofPlatform().name("stele-sealer").daemon(true).unstarted(this::sealLoop);
    }

    public InetSocketAddress start() throws InterruptedException {
        address = server.start();
        sealer.start();
        return address;
    }

    public List<DevAccounts.Account> accounts() {
        return accounts;
    }

    public BlockHeader head() {
        return blocks.head().orElseThrow();
    }

    private void writeGenesis() {
        Map<Address, Genesis.Allocation> alloc = new LinkedHashMap<>();
        for (DevAccounts.Account a : accounts) alloc.put(a.address(), Genesis.Allocation.balance(DEV_BALANCE));
        Genesis genesis = new Genesis(config.chainId(), clock.instant().getEpochSecond(), config.gasLimit(),
                BaseFee.INITIAL, Address.ZERO, Bytes.EMPTY, alloc);
        Genesis.Built built = genesis.build(store);
        blocks.append(built.block(), List.of(), built.batch());
    }

    private AccountState stateAtHead() {
        return AccountState.of(WorldState.openReadOnly(store, blocks.head().orElseThrow().stateRoot(),
                n -> blocks.hashOf(n).orElse(Bytes32.ZERO)));
    }

    private void pending(PooledTransaction tx) {
        for (ChainEventListener l : listeners) l.onPendingTransaction(tx.hash());
        // Already signalled and not yet taken: the sealer's next selection sees this transaction too.
        if (config.blockTimeSeconds() > 0 || pendingWork) return;
        lock.lock();
        try {
            pendingWork = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void sealLoop() {
        boolean full = false; // the last block left executable transactions behind: seal again at once
        boolean stalled = false; // pending transactions could not pay the base fee: an empty block lowers it
        while (running) {
            lock.lock();
            try {
                if (config.blockTimeSeconds() > 0) {
                    work.await(config.blockTimeSeconds(), TimeUnit.SECONDS);
                } else if (!full) {
                    long waitNanos = stalled ? STALLED_RETRY.toNanos() : Long.MAX_VALUE;
                    while (!pendingWork && running && waitNanos > 0) waitNanos = work.awaitNanos(waitNanos);
                }
                pendingWork = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (!running) return;
            full = stalled = false;
            if (config.blockTimeSeconds() > 0 || pool.pendingCount() > 0) {
                int included = seal();
                boolean left = pool.pendingCount() > 0;
                full = included > 0 && left;
                // At the floor (a base fee under 8 wei no longer falls) more empty blocks would change nothing.
                BlockHeader head = head();
                stalled = included == 0 && left
                        && BaseFee.next(head).compareTo(head.baseFeePerGas().orElseThrow()) < 0;
            }
        }
    }

    /** Builds, stores and announces one block from the pool; returns how many transactions it took. */
    int seal() {
        BlockHeader parent = blocks.head().orElseThrow();
        PendingSelection selection = pool.selection(BaseFee.next(parent));
        CandidateSource candidates = new CandidateSource() {
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
        long timestamp = Math.max(clock.instant().getEpochSecond(), parent.timestamp() + 1);
        BlockExecutor.Result r = executor.build(parent, timestamp, Address.ZERO, candidates);
        if (importer.importBlock(r.block()) instanceof ImportResult.Refused refused)
            throw new IllegalStateException("the dev chain refuses the block it built: " + refused.refusal());
        pool.removeAll(r.rejected().stream().map(x -> x.candidate().transaction().hash(SUITE)).toList());
        pool.onNewHead(stateAtHead(), r.block().header().gasLimit());
        for (ChainEventListener l : listeners) l.onBlock(r.block(), r.receipts());
        return r.block().body().transactions().size();
    }

    @Override
    public void close() {
        running = false;
        sealer.interrupt();
        try {
            sealer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        store.close();
    }
}
