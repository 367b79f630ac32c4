package org.stele.node.devnode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.stele.chain.BaseFee;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.genesis.GenesisFile;
import org.stele.node.dev.DevAccounts;
import org.stele.node.dev.Mnemonic;
import org.stele.node.did.DidRelayService;
import org.stele.apps.identity.relay.RateLimit;
import org.stele.node.validator.QbftSealVerifier;
import org.stele.node.wiring.NodeServices;
import org.stele.rpc.RpcMethod;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.txpool.PooledTransaction;

/**
 * A dev chain in one process: {@link NodeServices} plus what only a dev chain has, funded accounts the node signs
 * for and a sealer. One sealing thread builds every block, so blocks are strictly sequential; RPC calls run
 * concurrently against the stored chain and the pool. A block is acknowledged (events, receipts) only after its
 * batch is durable.
 */
public final class DevNode implements AutoCloseable {
    private static final Fork FORK = Fork.CANCUN;
    /**
     * How long the sealer waits before another empty block when pending transactions cannot pay the base fee; each
     * empty block lowers it by 12.5%, so they get in after a few, as on a chain that keeps producing blocks.
     */
    private static final Duration STALLED_RETRY = Duration.ofSeconds(1);
    /**
     * Blocks sealed and not yet written: the sealer builds the next block while the writer thread writes the last
     * ones, and waits when the writer is this far behind. A crash loses at most these (and the pool's transactions
     * in them); the data directory's head is always a whole block.
     */
    static final int BLOCKS_IN_FLIGHT = 2;

    private final DevConfig config;
    private final InstantSource clock;
    private final List<DevAccounts.Account> accounts;
    private final DevValidator validator;
    private final GenesisFile genesis;
    private final NodeServices node;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Thread sealer;
    private volatile boolean running = true;
    private volatile boolean pendingWork;
    private final DevPointsRelayer points;
    private final DidRelayService didRelay;
    private volatile String rpcUrl;

    public DevNode(DevConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        Mnemonic mnemonic = Mnemonic.parse(config.mnemonic());
        this.accounts = DevAccounts.derive(mnemonic, "", config.accounts());
        this.validator = new DevValidator(mnemonic);
        this.genesis = DevGenesis.load(config.node().dataPath(), config, clock.instant().getEpochSecond(), validator,
                accounts.stream().map(DevAccounts.Account::address).toList());
        this.node = new NodeServices(config.node(), genesis.chainId(), FORK, genesis.profile(),
                new QbftSealVerifier(NodeServices.SUITE), genesis::build, clock);
        requireChainOf(genesis);
        node.admitOnlyWhatTheNextBlockPays();
        node.writeOwnBlocksBehind(BLOCKS_IN_FLIGHT);
        node.pool().onPending(this::pending);
        Map<Address, KeyPair> keys = new LinkedHashMap<>();
        for (DevAccounts.Account a : accounts) keys.put(a.address(), a.key());
        node.addMethods(List.of(new EthSendTransaction(node.backend(), node.calls(), keys), new EthSignTypedData(keys),
                RpcMethod.of("eth_accounts", (p, s) -> {
                    ArrayNode a = JsonNodeFactory.instance.arrayNode();
                    for (DevAccounts.Account acc : accounts) a.add(acc.address().toHex());
                    return a;
                })));
        // The points relayer for the node's own pages; its gas is paid by the last dev account.
        points = new DevPointsRelayer(() -> rpcUrl, org.web3j.crypto.Credentials.create(org.web3j.utils.Numeric
                .toHexString(accounts.get(accounts.size() - 1).key().privateKey().toArray())));
        node.addMethods(points.methods());
        // The DID relayer (did_relay) for `stele did --relay` and the identity pages; its gas is paid by the
        // second-to-last dev account, so that its nonces and the points relayer's do not meet.
        didRelay = new DidRelayService(accounts.get(Math.max(0, accounts.size() - 2)).key(), RateLimit.Limits.DEFAULT,
                clock);
        node.addMethods(didRelay.methods());
        sealer = Thread.ofPlatform().name("stele-sealer").daemon(true).unstarted(this::sealLoop);
    }

    public InetSocketAddress start() throws InterruptedException {
        InetSocketAddress address = node.start();
        rpcUrl = "http://" + (address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString()) + ":"
                + address.getPort();
        didRelay.listening(address);
        sealer.start();
        return address;
    }

    public List<DevAccounts.Account> accounts() {
        return accounts;
    }

    /** The node's services under the dev chain: metrics, the importer, the sync tracker. */
    public NodeServices services() {
        return node;
    }

    public BlockHeader head() {
        return node.head();
    }

    /** The dev validator: its address is the one validator that genesis and every block list. */
    public Address validator() {
        return validator.address();
    }

    /** The data directory's {@code genesis.json}, which {@code stele node --genesis} and proof verifiers take. */
    public Path genesisFile() {
        return config.node().dataPath().resolve(DevGenesis.FILE_NAME);
    }

    /** A data directory of an older {@code stele dev} holds a chain its {@code genesis.json} does not start. */
    private void requireChainOf(GenesisFile spec) {
        Bytes32 expected = spec.build(new InMemoryKeyValueStore()).block().hash(NodeServices.SUITE);
        Bytes32 stored = node.backend().blocks().hashOf(0).orElseThrow();
        if (!stored.equals(expected)) {
            node.close();
            throw new IllegalStateException("the data directory holds a chain with genesis " + stored + ", but its "
                    + DevGenesis.FILE_NAME + " starts " + expected
                    + " (a chain of an older stele dev?): start a new one"
                    + " with --reset");
        }
    }

    private void pending(PooledTransaction tx) {
        // Already signalled and not yet taken: the sealer's next selection sees this transaction too.
        if (config.blockTime() > 0 || pendingWork) return;
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
                if (config.blockTime() > 0) {
                    work.await(config.blockTime(), TimeUnit.SECONDS);
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
            if (config.blockTime() > 0 || node.pool().pendingCount() > 0) {
                int included = sealBehind();
                boolean left = node.pool().pendingCount() > 0;
                full = included > 0 && left;
                // At the floor (a base fee under 8 wei no longer falls) more empty blocks would change nothing.
                BlockHeader head = node.tip();
                stalled = included == 0 && left
                        && BaseFee.next(head).compareTo(head.baseFeePerGas().orElseThrow()) < 0;
            }
        }
    }

    /**
     * Builds, stores and announces one block from the pool, and returns once it is written; returns how many
     * transactions it took.
     */
    int seal() {
        int included = sealBehind();
        node.awaitWritten();
        return included;
    }

    /**
     * Builds one block from the pool on the newest sealed one and hands it to the writer, which stores and announces
     * it after the blocks before it; returns how many transactions it took.
     */
    private int sealBehind() {
        BlockHeader parent = node.tip();
        long timestamp = Math.max(clock.instant().getEpochSecond(), parent.timestamp() + 1);
        // The validator is the block's beneficiary, as a QBFT proposer makes itself: tools read the proposer there.
        BlockExecutor.Result built = node.executor().build(parent, timestamp, validator.address(),
                node.candidates(parent));
        node.append(new Block(validator.seal(built.block().header()), built.block().body()), built);
        return built.block().body().transactions().size();
    }

    @Override
    public void close() {
        points.close();
        running = false;
        sealer.interrupt();
        try {
            sealer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.close();
    }
}
