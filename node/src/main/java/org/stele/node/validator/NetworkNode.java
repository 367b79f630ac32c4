package org.stele.node.validator;

import org.stele.consensus.qbft.engine.QbftEngine;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.Fork;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.execution.importer.GenesisChain;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.did.DidRelayService;
import org.stele.node.wiring.NodeServices;
import org.stele.p2p.ChainHead;
import org.stele.p2p.P2pConfig;
import org.stele.p2p.PeerAllowlist;
import org.stele.governance.GovernanceState;
import org.stele.p2p.P2pLimits;
import org.stele.p2p.P2pNetwork;
import org.stele.node.points.NodePointsRelayer;
import org.stele.storage.KeyValueStore;
import org.stele.storage.RocksDbKeyValueStore;

/**
 * One member's node on a QBFT network, as {@code stele node --config} runs it: the shared node services over a
 * {@code stele-qbft} chain whose importer checks commit seals, JSON-RPC, the P2P network, and the QBFT service.
 */
public final class NetworkNode implements AutoCloseable {
    /**
     * Decided blocks taken as the head and not written yet, at most: a third waits for the oldest write. No more than
     * the engine's WAL keeps the records of, so that a crash never brings the node back below what its WAL guards.
     */
    static final int BLOCKS_IN_FLIGHT = QbftEngine.DECIDED_HEIGHTS_KEPT;
    private final NodeServices services;
    private final QbftService qbft;
    private final P2pNetwork network;
    private final ScheduledExecutorService timers;
    private final InetSocketAddress rpc;
    private final long chainId;
    /** The points relayer the configuration names, or null. */
    private final NodePointsRelayer points;

    private NetworkNode(NodeServices services, QbftService qbft, P2pNetwork network, ScheduledExecutorService timers,
            InetSocketAddress rpc, long chainId, NodePointsRelayer points) {
        this.points = points;
        this.services = services;
        this.qbft = qbft;
        this.network = network;
        this.timers = timers;
        this.rpc = rpc;
        this.chainId = chainId;
    }

    /**
     * Opens the chain (writing genesis into an empty data path), and starts JSON-RPC, P2P and consensus.
     *
     * @throws NodeStartException with one line for the operator when a file or a setting is wrong
     */
    public static NetworkNode start(NetworkNodeConfig config) throws InterruptedException {
        if (config.genesis() == null)
            throw new NodeStartException("no genesis: give --genesis or the key genesis in the --config file");
        if (config.nodeKeyFile() == null)
            throw new NodeStartException("no node key: give --node-key-file (stele keys new writes one)");
        GenesisFile spec;
        QbftTimings timings;
        KeyPair key;
        Optional<DidRelayService> didRelay;
        try {
            spec = GenesisFile.read(config.genesis());
            if (!(spec.profile() instanceof SteleQbft))
                throw new NodeStartException(
                        config.genesis() + " is not a QBFT chain (its config has no qbft section)");
            timings = QbftTimings.resolve(config.qbft(), config.genesis());
            Optional<String> passphrase = config.nodeKeyPasswordFile() == null
                    ? Optional.empty()
                    : Optional.of(NodeKeyFile.readPassphrase(config.nodeKeyPasswordFile()));
            key = NodeKeyFile.load(config.nodeKeyFile(), passphrase);
            didRelay = DidRelayService.fromKeyFile(config.didRelayKeyFile(), config.didRelayKeyPasswordFile());
        } catch (GenesisFormatException | KeyFileException | IllegalArgumentException e) {
            throw new NodeStartException(e.getMessage());
        }
        List<Address> validators;
        try {
            validators = QbftSealVerifier.validatorsAfter(spec.template());
        } catch (RuntimeException e) {
            throw new NodeStartException(config.genesis() + ": extraData is not QBFT extra data: " + e.getMessage());
        }
        if (validators.isEmpty())
            throw new NodeStartException(config.genesis() + ": extraData lists no validators");
        Path data = config.node().dataPath();
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new NodeStartException("cannot create the data path " + data + ": " + e.getMessage());
        }
        QbftSealVerifier seals = new QbftSealVerifier(NodeServices.SUITE);
        try (KeyValueStore store = RocksDbKeyValueStore.open(data)) {
            GenesisChain.open(spec, NodeServices.SUITE, store,
                    new KeyValueBlockStore(store, NodeServices.SUITE, spec.profile()), seals);
        } catch (IllegalStateException e) {
            throw new NodeStartException(e.getMessage());
        }
        NodeServices services = new NodeServices(config.node(), spec.chainId(), Fork.CANCUN, spec.profile(), seals,
                store -> {
                    throw new IllegalStateException("the genesis block is written before the node opens the chain");
                }, InstantSource.system());
        // A decided block is final by its commit seals: the next height starts on its state while its synced write
        // goes on behind (a crash before the write leaves the node a block behind, which it fetches from its peers).
        services.writeOwnBlocksBehind(BLOCKS_IN_FLIGHT);
        // The points relayer reaches the chain through this node's JSON-RPC, whose address is known once it listens.
        var rpcUrl = new java.util.concurrent.atomic.AtomicReference<String>();
        NodePointsRelayer points = null;
        NetworkNodeConfig.PointsRelayerSettings relay = config.pointsRelayer();
        if (relay.enabled()) {
            try {
                points = NodePointsRelayer.open(relay.keyFile(), relay.token(), relay.forwarder(), relay.burst(),
                        relay.perSecond(), rpcUrl::get);
            } catch (IllegalArgumentException e) {
                services.close();
                throw new NodeStartException(e.getMessage());
            }
            services.addMethods(points.methods());
        }
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stele-qbft-timers");
            t.setDaemon(true);
            return t;
        });
        QbftService qbft = null;
        P2pNetwork network = null;
        try {
            Clock clock = Clock.systemUTC();
            qbft = new QbftService(services, spec.chainId(), key, validators, timings, data.resolve("qbft-wal"),
                    Scheduler.of(timers, clock));
            PeerAllowlist allowed = admission(services, validators, config.p2p().allowlistAddresses());
            KeyValueBlockStore blocks = services.blocks();
            P2pConfig p2p = new P2pConfig(key, NodeServices.SUITE,
                    new InetSocketAddress(config.p2p().host(), config.p2p().port()), spec.chainId(),
                    blocks.hashOf(0).orElseThrow(), () -> {
                        BlockHeader head = services.head();
                        return new ChainHead(head.number(), blocks.hash(head));
                    }, allowed, config.p2p().staticPeerEndpoints(), P2pLimits.DEFAULT, clock,
                    new SecureRandom());
            network = P2pNetwork.start(p2p, services.peerHeads().tracking(qbft));
            services.useNetwork(network);
            didRelay.ifPresent(r -> services.addMethods(r.methods()));
            InetSocketAddress rpc = services.start();
            rpcUrl.set("http://" + (rpc.getAddress().isAnyLocalAddress() ? "127.0.0.1" : rpc.getHostString()) + ":"
                    + rpc.getPort());
            didRelay.ifPresent(r -> r.listening(rpc));
            qbft.start(network);
            return new NetworkNode(services, qbft, network, timers, rpc, spec.chainId(), points);
        } catch (RuntimeException | InterruptedException e) {
            if (network != null)
                network.close();
            if (qbft != null)
                qbft.close();
            timers.shutdownNow();
            if (points != null)
                points.close();
            services.close();
            if (e instanceof IllegalStateException ise)
                throw new NodeStartException(ise.getMessage());
            throw e;
        }
    }

    /**
     * Who may connect: the nodes the {@code NodeAllowlist} contract admits at the head, and those of the node's
     * {@code p2p-allowlist} besides; on a chain without the contract, the configured list or else the genesis
     * validators. Asked at every handshake, so a node the committee removes cannot reconnect.
     */
    private static PeerAllowlist admission(NodeServices services, List<Address> genesisValidators,
            List<Address> configured) {
        Set<Address> extra = Set.copyOf(configured);
        Set<Address> fallback = Set.copyOf(configured.isEmpty() ? genesisValidators : configured);
        return node -> {
            GovernanceState governance = new GovernanceState(services.stateAfter(services.head()));
            if (governance.nodes().isEmpty())
                return fallback.contains(node);
            return governance.isAdmitted(node) || extra.contains(node);
        };
    }

    public NodeServices services() {
        return services;
    }

    public boolean isValidator() {
        return qbft.isValidator();
    }

    public Address address() {
        return qbft.address();
    }

    public InetSocketAddress rpcAddress() {
        return rpc;
    }

    public InetSocketAddress p2pAddress() {
        return network.listenAddress();
    }

    public P2pNetwork network() {
        return network;
    }

    public long chainId() {
        return chainId;
    }

    @Override
    public void close() {
        if (points != null)
            points.close();
        network.close();
        qbft.close();
        timers.shutdownNow();
        services.close();
    }
}
