package org.stele.node.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.genesis.GenesisFormatException;
import org.stele.execution.importer.GenesisChain;
import org.stele.execution.importer.SealVerifier;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.eth.*;
import org.stele.rpc.net.NetMethods;
import org.stele.rpc.server.RpcServer;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.rpc.web3.Web3ClientVersion;
import org.stele.rpc.web3.Web3Sha3;
import org.stele.state.WorldState;
import org.stele.storage.KeyValueStore;
import org.stele.storage.StorageException;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stele node --genesis genesis.json --data-dir D}: serves the chain in {@code D} (started from that genesis,
 * extended by {@code stele blocks import}) over the JSON-RPC that {@code stele dev} serves, for reading: blocks,
 * transactions, receipts, logs, state, calls, traces, fees and filters. It seals nothing and accepts no transactions;
 * the network issue grows this command into a member's node.
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Serve a chain (created by `stele blocks import`) over JSON-RPC, without sealing.")
public final class NodeCommand implements Callable<Integer> {
    /** Gas a call or an estimate may use, as on the dev chain. */
    private static final long CALL_GAS_CAP = 50_000_000;

    @Option(names = "--genesis", required = true, description = "The chain's genesis.json (geth/Besu format).")
    Path genesis;

    @Option(names = "--data-dir", required = true, description = "The chain's data directory.")
    Path dataDir;

    @Option(names = "--host", description = "Interface for JSON-RPC (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = {"--port",
            "-p"}, description = "Port for JSON-RPC over HTTP and WebSocket (default: ${DEFAULT-VALUE}).", defaultValue = "8545")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        GenesisFile spec;
        try {
            spec = GenesisFile.read(genesis);
        } catch (GenesisFormatException e) {
            err.println("stele node: " + e.getMessage());
            return 2;
        }
        KeyValueStore store;
        KeyValueBlockStore blocks;
        try {
            store = BlocksCommand.openStore(dataDir);
            blocks = new KeyValueBlockStore(store, BlocksCommand.SUITE);
            GenesisChain.open(spec, BlocksCommand.SUITE, store, blocks, SealVerifier.NONE);
        } catch (IllegalStateException | StorageException e) {
            err.println("stele node: " + e.getMessage());
            return 2;
        }
        RpcServer server = server(store, blocks, spec.chainId(), host, port);
        InetSocketAddress address = server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }));
        BlockHeader head = blocks.head().orElseThrow();
        System.out.println("Stele node (" + spec.profile().name() + ", chain id " + spec.chainId() + ")");
        System.out.println("  JSON-RPC:   http://" + host + ":" + address.getPort() + "  (WebSocket on the same port)");
        System.out.println("  data dir:   " + dataDir.toAbsolutePath() + "  (head block " + head.number() + " "
                + head.hash(BlocksCommand.SUITE) + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The JSON-RPC server over a stored chain, not yet started. */
    static RpcServer server(KeyValueStore store, KeyValueBlockStore blocks, long chainId, String host, int port) {
        BlockHeader head = blocks.head().orElseThrow();
        AccountState state = AccountState.of(WorldState.openReadOnly(store, head.stateRoot(),
                n -> blocks.hashOf(n).orElse(Bytes32.ZERO)));
        // The backend answers pending-state questions from a pool; this node's stays empty.
        TransactionPool pool = new TransactionPool(TxPoolConfig.DEFAULT, state, head.gasLimit());
        EthBackend backend = new EthBackend(blocks, store, pool, BlocksCommand.SUITE, chainId, Fork.CANCUN);
        EthJson json = backend.json();
        LogQuery logs = new LogQuery(blocks, json, 10_000, 10_000);
        FilterManager filters = new FilterManager(logs, json, InstantSource.system(), Duration.ofMinutes(5), 1_000);
        SubscriptionManager subscriptions = new SubscriptionManager(json, logs, 100);
        Calls calls = new Calls(backend, CALL_GAS_CAP);
        List<RpcMethod> methods = new ArrayList<>(List.of(new EthChainId(backend), new EthBlockNumber(backend),
                new EthGetBlockByNumber(backend), new EthGetBlockByHash(backend),
                new EthGetBlockTransactionCountByNumber(backend), new EthGetBlockTransactionCountByHash(backend),
                new EthGetTransactionByHash(backend), new EthGetTransactionByBlockHashAndIndex(backend),
                new EthGetTransactionByBlockNumberAndIndex(backend), new EthGetTransactionReceipt(backend),
                new EthSyncing(backend), new EthGetLogs(logs), new Web3ClientVersion(VersionCommand.version()),
                new Web3Sha3(BlocksCommand.SUITE)));
        methods.addAll(StateMethods.all(backend));
        methods.addAll(CallMethods.all(backend, calls));
        methods.addAll(org.stele.rpc.debug.DebugMethods.all(backend, calls));
        methods.addAll(FeeMethods.all(backend, BigInteger.valueOf(1_000_000_000)));
        methods.addAll(FilterMethods.all(filters, subscriptions));
        methods.addAll(NetMethods.all(chainId, () -> 0));
        return new RpcServer(new JsonRpcDispatcher(RpcMethodRegistry.of(methods), RpcLimits.DEFAULT),
                new RpcServerConfig(host, port, RpcLimits.DEFAULT, "*"));
    }
}
