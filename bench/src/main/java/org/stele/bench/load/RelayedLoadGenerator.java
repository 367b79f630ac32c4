package org.stele.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.stele.apps.points.ForwardRequest;
import org.stele.apps.points.ForwarderRules;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.PointsCalls;
import org.stele.apps.points.PointsClient;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.Sender;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Relayed point transfers against a dev node (issue 18, item 9): deploys a PointsToken, issues points to
 * {@code --wallets} fresh wallets that hold no coin, starts the relayer (its HTTP server included) and has every
 * wallet send {@code --rounds} transfers through it at once, each signed beforehand with the wallet's next forwarder
 * nonces. A wallet keeps up to {@code --depth} requests in flight (sent, not yet answered as mined),
 * which the relayer checks in nonce order on the state the earlier ones leave; {@code --depth 1} waits for each
 * answer before sending the next. Prints transfers per second after the first {@code --warmup-rounds} (default 1)
 * times {@code --wallets} transfers (a warm-up), the batches the relayer sent, and failures, which must be 0.
 *
 * <p>Usage: {@code RelayedLoadGenerator --rpc URL [--wallets 1000] [--rounds 6] [--warmup-rounds 1] [--depth 3]
 * [--max-batch 100] [--window-ms 20] [--node-pid PID] [--stele LAUNCHER] [--request-gas 45000] [--client raw|sdk]}: with the node's process id it also
 * prints the node's CPU per transfer; {@code --request-gas} is the gas each request gives its transfer. With {@code --stele} the relayer is {@code LAUNCHER points relayer} in a process of its own, and the CPU of
 * the wallets (this process), the relayer and the node are printed apart; without it the relayer runs in this
 * process. The wallets post over keep-alive HTTP/1.1 connections of their own ({@link RelayConnection}, {@code --client
 * raw}, the default) or through the SDK's {@code PointsClient.relay} ({@code --client sdk}). The operator is the dev chain's account 1 (anvil's mnemonic), the issuer account 0.
 */
public final class RelayedLoadGenerator {
    private static final String OPERATOR_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private RelayedLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String rpc = null;
        int wallets = 1000;
        int rounds = 6;
        int warmupRounds = 1;
        int depth = 3;
        int maxBatch = 100;
        long windowMs = 20;
        long nodePid = -1;
        String stele = null;
        boolean sdkClient = false;
        // The gas each request gives its transfer: the most a points transfer can use, so that the relayer decides
        // it locally and asks each batch for no more than that (a relayed transfer's whole share is under 30,000).
        long requestGas = ForwarderRules.TRANSFER_GAS.longValueExact();
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rpc" -> rpc = v;
                case "--wallets" -> wallets = Integer.parseInt(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--warmup-rounds" -> warmupRounds = Integer.parseInt(v);
                case "--depth" -> depth = Integer.parseInt(v);
                case "--max-batch" -> maxBatch = Integer.parseInt(v);
                case "--window-ms" -> windowMs = Long.parseLong(v);
                case "--node-pid" -> nodePid = Long.parseLong(v);
                case "--stele" -> stele = v;
                case "--request-gas" -> requestGas = Long.parseLong(v);
                case "--client" -> sdkClient = switch (v) {
                    case "sdk" -> true;
                    case "raw" -> false;
                    default -> throw new IllegalArgumentException("--client is raw or sdk, not " + v);
                };
                default -> {
                    System.err.println("unknown flag " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (rpc == null || wallets < 2 || warmupRounds < 1 || rounds <= warmupRounds || depth < 1) {
            System.err.println(
                    "usage: RelayedLoadGenerator --rpc URL [--wallets N>=2] [--rounds N>=2] [--warmup-rounds N<rounds] [--depth N>=1]"
                            + " [--max-batch N] [--window-ms N] [--node-pid PID] [--stele LAUNCHER] [--request-gas N] [--client raw|sdk]");
            System.exit(2);
        }
        NodeRpc node = new NodeRpc(rpc);
        List<String> dev = new ArrayList<>();
        node.call("eth_accounts").forEach(a -> dev.add(a.asText().toLowerCase(Locale.ROOT)));
        Credentials operator = Credentials.create(OPERATOR_KEY);
        if (dev.size() < 2 || !dev.get(1).equals(operator.getAddress()))
            throw new IllegalStateException(
                    "the node's account 1 is not anvil's: run against stele dev's default mnemonic");
        PointsClient admin = PointsClient.deploy(node, new Sender.NodeAccount(dev.get(0)), "Bench Points", "BP");
        admin.send(PointsCalls.setIssuerCap(dev.get(0), BigInteger.TEN.pow(30)));
        List<ECKeyPair> keys = new ArrayList<>();
        for (int i = 0; i < wallets; i++) keys.add(ECKeyPair.create(BigInteger.valueOf(0xb00_0000L + i)));
        issue(node, dev.get(0), admin.token(), keys, rounds);

        long chainId = node.chainId();
        String forwarder = admin.forwarder();
        long deadline = Long.decode(node.call("eth_getBlockByNumber", "latest", false).get("timestamp").asText())
                + 3600;
        List<List<ForwardRequest.Signed>> signed = new ArrayList<>();
        for (int w = 0; w < wallets; w++) {
            List<ForwardRequest.Signed> mine = new ArrayList<>();
            String from = "0x" + Keys.getAddress(keys.get(w));
            String to = "0x" + Keys.getAddress(keys.get((w + 1) % wallets));
            for (int r = 0; r < rounds; r++)
                mine.add(new ForwardRequest(from, admin.token(), BigInteger.ZERO, BigInteger.valueOf(requestGas),
                        BigInteger.valueOf(r), deadline, PointsCalls.transfer(to, BigInteger.ONE))
                        .sign(keys.get(w), chainId, forwarder));
            signed.add(mine);
        }
        // The relayer is the product and the wallets are the load: with --stele, the relayer is `stele points relayer`
        // in a process of its own, so the CPU of each is measured apart; without it, it runs in this process.
        // The rate limit is not what this measures: a burst well above a wallet's requests (the HTTP client may
        // send a request again on a connection the server closed).
        int burst = 2 * rounds + 10;
        RelayerUnderTest relayer = stele != null
                ? RelayerUnderTest.external(stele, rpc, admin.token(), OPERATOR_KEY, burst, maxBatch, windowMs)
                : RelayerUnderTest.inProcess(node, operator, admin.token(), forwarder, burst, maxBatch, windowMs);
        try (relayer; ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicLong failures = new AtomicLong();
            AtomicLong completed = new AtomicLong();
            AtomicLong warmedUp = new AtomicLong();
            long node0 = nodePid;
            // A thousand wallets connect at once: on a loaded machine some connects wait in the accept queue for
            // longer than the SDK's 5 s, which is not what this measures.
            // --client sdk: the SDK's PointsClient.relay over java.net.http's client (HTTP/2 by default), the wallets
            // of the runs before RelayConnection.
            HttpClient walletHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(120)).build();
            long[] cpuAtWarmUp = new long[3];
            long[] callsAtWarmUp = new long[2];
            AtomicReference<Map<String, Long>> relayerThreadsAtWarmUp = new AtomicReference<>(Map.of());
            // The transactions that carried measured transfers: batches and gas from their receipts.
            Set<String> measuredIn = ConcurrentHashMap.newKeySet();
            long start = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            int window = depth;
            // The window starts once the first --warmup-rounds rounds' transfers are done: the relayer and the node are
            // fresh JVMs, as the plain generator's node is, so that generator is given as many transfers of its own
            // kind as a warm-up (bench/load.sh --warmup) for a like-for-like ratio.
            int total = wallets * warmupRounds;
            String url = relayer.url();
            URI relayerUri = URI.create(url);
            boolean sdk = sdkClient;
            for (List<ForwardRequest.Signed> mine : signed) {
                // The bodies are serialised before the window, as the requests were signed before it.
                List<byte[]> bodies = mine.stream().map(RelayConnection::body).toList();
                all.add(threads.submit(() -> {
                    // Up to `window` of this wallet's requests at once, sent in nonce order, each on a connection
                    // of the wallet's own that no other request of it is using.
                    Semaphore inFlight = new Semaphore(window);
                    ConcurrentLinkedQueue<RelayConnection> idle = new ConcurrentLinkedQueue<>();
                    List<Future<?>> own = new ArrayList<>();
                    for (int i = 0; i < mine.size(); i++) {
                        ForwardRequest.Signed request = mine.get(i);
                        byte[] body = bodies.get(i);
                        inFlight.acquireUninterruptibly();
                        if (failures.get() > 0) break;
                        own.add(threads.submit(() -> {
                            RelayConnection connection = null;
                            try {
                                Relayer.Relayed done;
                                if (sdk) {
                                    done = PointsClient.relay(walletHttp, url, request);
                                } else {
                                    connection = idle.poll();
                                    if (connection == null) connection = new RelayConnection(relayerUri, 120_000);
                                    done = connection.relay(body);
                                }
                                long n = completed.incrementAndGet();
                                if (n == total) {
                                    warmedUp.set(System.nanoTime());
                                    cpuAtWarmUp[0] = cpuTicks(ProcessHandle.current().pid());
                                    cpuAtWarmUp[1] = cpuTicks(node0);
                                    cpuAtWarmUp[2] = cpuTicks(relayer.pid());
                                    relayerThreadsAtWarmUp.set(ProcessCpu.threadTicks(relayer.pid()));
                                    callsAtWarmUp[0] = relayer.calls();
                                    callsAtWarmUp[1] = relayer.exchanges();
                                } else if (n > total) {
                                    measuredIn.add(done.transaction());
                                }
                            } catch (IOException | RuntimeException e) {
                                if (connection != null) connection.close();
                                connection = null;
                                if (failures.incrementAndGet() == 1)
                                    System.err.println("first failure: " + e.getMessage());
                            } finally {
                                if (connection != null && connection.isOpen()) idle.add(connection);
                                inFlight.release();
                            }
                        }));
                        Thread.sleep(1); // the next nonce is sent after this one, so it usually arrives after it
                    }
                    for (Future<?> f : own) f.get();
                    idle.forEach(RelayConnection::close);
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
            long end = System.nanoTime();
            long ownCpu = cpuTicks(ProcessHandle.current().pid()) - cpuAtWarmUp[0];
            long nodeCpu = cpuTicks(nodePid) - cpuAtWarmUp[1];
            long relayerCpu = cpuTicks(relayer.pid()) - cpuAtWarmUp[2];
            var relayerThreads = relayer.pid() < 0
                    ? List.<Map.Entry<String, Long>>of()
                    : ProcessCpu.byKind(relayerThreadsAtWarmUp.get(), ProcessCpu.threadTicks(relayer.pid()));
            double warmup = (warmedUp.get() - start) / 1e9;
            double measured = (end - warmedUp.get()) / 1e9;
            long transfers = completed.get() - (long) wallets * warmupRounds;
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            // Gas of the transactions that carried measured transfers (some also carried warm-up ones).
            long gas = 0;
            long carried = 0;
            for (String hash : measuredIn) {
                JsonNode receipt = node.call("eth_getTransactionReceipt", hash);
                gas += Long.decode(receipt.get("gasUsed").asText());
                for (JsonNode log : receipt.get("logs")) // one ExecutedForwardRequest a transfer, from the forwarder
                    if (log.get("address").asText().equalsIgnoreCase(forwarder)) carried++;
            }
            System.out.printf(Locale.ROOT, "relayed ERC-20 transfers: %d wallets x %d rounds, up to %d"
                    + " in flight each; warm-up (first %d transfers) %.2f s; relayer %s%n", wallets, rounds, depth,
                    (long) wallets * warmupRounds, warmup, relayer.where());
            System.out.printf(Locale.ROOT, "measured: %d transfers in %.2f s = %.0f transfers/s; %d transactions"
                    + " (%.1f transfers each); failures %d; load average %s%n", transfers, measured,
                    transfers / measured, measuredIn.size(), (double) carried / Math.max(1, measuredIn.size()),
                    failures.get(), load);
            // CPU time of each process over the measured window, in ticks of 1/100 s.
            System.out.printf(Locale.ROOT, "CPU over the measured window: wallets%s %.1f s (%.0f us a transfer)%s%s%n",
                    relayer.pid() < 0 ? "+relayer" : "", ownCpu / 100.0, ownCpu * 1e4 / transfers,
                    relayer.pid() < 0
                            ? ""
                            : String.format(Locale.ROOT, ", relayer %.1f s (%.0f us a transfer)",
                                    relayerCpu / 100.0, relayerCpu * 1e4 / transfers),
                    nodePid < 0
                            ? ""
                            : String.format(Locale.ROOT, ", node %.1f s (%.0f us a transfer)", nodeCpu / 100.0,
                                    nodeCpu * 1e4 / transfers));
            if (!relayerThreads.isEmpty()) {
                // Which of the relayer's threads used its CPU in the window: the JIT of a JVM started with the run
                // apart from the relayer's own work (threads that ended within the window are not listed).
                StringBuilder kinds = new StringBuilder();
                long listed = 0;
                for (var k : relayerThreads) {
                    listed += k.getValue();
                    if (kinds.length() < 400)
                        kinds.append(String.format(Locale.ROOT, "%s%s %.0f", kinds.isEmpty() ? "" : ", ", k.getKey(),
                                k.getValue() * 1e4 / transfers));
                }
                System.out.printf(Locale.ROOT, "relayer's CPU by thread, us a transfer: %s; ended threads %.0f%n",
                        kinds, (relayerCpu - listed) * 1e4 / transfers);
            }
            if (relayer.pid() < 0)
                System.out.printf(Locale.ROOT, "relayer's node calls over the measured window: %d (%.2f a transfer)"
                        + " in %d HTTP exchanges; over the whole run %d in %d%n", relayer.calls() - callsAtWarmUp[0],
                        (double) (relayer.calls() - callsAtWarmUp[0]) / transfers,
                        relayer.exchanges() - callsAtWarmUp[1], relayer.calls(), relayer.exchanges());
            System.out.printf(Locale.ROOT, "gas a relayed transfer %.0f (the transactions that carried measured"
                    + " transfers)%n", (double) gas / Math.max(1, carried));
            if (failures.get() > 0) System.exit(1);
        }
    }

    /** CPU ticks (1/100 s) used so far by {@code pid}; 0 when it is unknown. */
    private static long cpuTicks(long pid) {
        return pid < 0 ? 0 : ProcessCpu.ticks(pid).orElse(0);
    }

    /** Issues {@code rounds} points to each wallet, sent without waiting, then waits for the last receipt. */
    private static void issue(NodeRpc node, String issuer, String token, List<ECKeyPair> keys, int rounds)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        String last = null;
        for (ECKeyPair k : keys) {
            ObjectNode tx = json.createObjectNode().put("from", issuer).put("to", token).put("gas", "0x30d40")
                    .put("data", PointsCalls.issue("0x" + Keys.getAddress(k), BigInteger.valueOf(rounds), ""));
            last = node.call("eth_sendTransaction", tx).asText();
        }
        for (int i = 0; i < 1200; i++) {
            var receipt = node.call("eth_getTransactionReceipt", last);
            if (receipt != null && !receipt.isNull()) {
                if (!"0x1".equals(receipt.get("status").asText())) throw new IllegalStateException("issuing failed");
                break;
            }
            Thread.sleep(100);
        }
        String probe = "0x" + Keys.getAddress(keys.get(keys.size() - 1));
        BigInteger has = Numeric.toBigInt(node.ethCall(null, token, PointsCalls.balanceOf(probe)));
        if (!has.equals(BigInteger.valueOf(rounds))) throw new IllegalStateException("the last wallet holds " + has);
    }
}
