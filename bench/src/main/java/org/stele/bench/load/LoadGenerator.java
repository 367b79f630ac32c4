package org.stele.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Hex;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * Drives a node over JSON-RPC: discovers chain id and nonces, funds deterministic senders from a dev account
 * (deploying a token first for ERC-20 load), pre-signs every measured transaction, then submits them in
 * {@code eth_sendRawTransaction} batches at the offered rate while a {@link BlockWatcher} matches block contents
 * against the submitted hashes. Run with {@code --help} for the flags.
 */
public final class LoadGenerator {
    /** The first well-known dev account (anvil's and Hardhat's account 0). */
    static final String DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final long TRANSFER_GAS = 21_000;
    private static final long ERC20_GAS = 60_000;
    private static final long DEPLOY_GAS = 300_000;
    private static final int CONTROL_BATCH = 200;

    private final LoadConfig cfg;
    private final JsonRpcClient rpc;
    /** One client per node; the first is {@link #rpc}. */
    private final List<JsonRpcClient> clients;
    /** After a run against several nodes: how they ended it. */
    private Optional<NetworkSummary> network = Optional.empty();
    /** The one node's CPU over the measured window by thread group (empty with several nodes or no --pid). */
    private String nodeThreads = "";
    /** How long the warm-up took, from its first submission until every warm-up transaction was included. */
    private double warmUpSeconds;
    private final Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();
    private final BigInteger maxFee;
    private final BigInteger tip;
    private BigInteger chainId;

    LoadGenerator(LoadConfig cfg, List<JsonRpcClient> clients) {
        this.cfg = cfg;
        this.clients = List.copyOf(clients);
        this.rpc = this.clients.getFirst();
        this.maxFee = BigInteger.valueOf(cfg.maxFeeGwei()).multiply(GWEI);
        this.tip = BigInteger.valueOf(cfg.tipGwei()).multiply(GWEI);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println(LoadConfig.USAGE);
            return;
        }
        LoadConfig cfg;
        try {
            cfg = LoadConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadConfig.USAGE);
            System.exit(2);
            return;
        }
        ExecutorService http = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "rpc-http");
            t.setDaemon(true);
            return t;
        });
        LoadReport report;
        LoadGenerator generator = new LoadGenerator(cfg,
                cfg.rpcs().stream().map(uri -> new JsonRpcClient(uri, http)).toList());
        try {
            report = generator.run(http);
        } catch (IOException e) {
            System.err.println("load generator failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (cfg.warmup() > 0)
            System.out.printf(java.util.Locale.ROOT,
                    "warm-up        %d transactions (not counted), routed and batched as the measured ones, "
                            + "all included in %.1f s before the window%n",
                    cfg.warmup(), generator.warmUpSeconds);
        System.out.print(report.format());
        generator.network.ifPresent(n -> System.out.print(n.format()));
        System.out.print(generator.nodeThreads);
        System.out.println("load average   " + loadAverage());
        boolean agreed = generator.network.map(NetworkSummary::agree).orElse(true);
        System.exit(report.confirmed() > 0 && report.receiptFailures() == 0 && agreed ? 0 : 1);
    }

    LoadReport run(ExecutorService http) throws IOException, InterruptedException {
        chainId = new BigInteger(strip(rpc.call("eth_chainId").asText()), 16);
        KeyPair dev = suite.keyPair(Hex.decode(DEV_KEY_0));
        Address devAddress = suite.address(dev.publicKey());
        int n = cfg.senders();
        List<KeyPair> keys = IntStream.range(0, n).mapToObj(this::senderKey).toList();
        List<Address> addresses = keys.stream().map(k -> suite.address(k.publicKey())).toList();
        long[] nonces = pendingNonces(addresses);
        log("chain %s, %d senders, load average %s", chainId, n, loadAverage());

        // Funding: gas money for every measured transaction of each sender, and for ERC-20 the tokens.
        long gas = cfg.kind() == LoadConfig.Kind.ERC20 ? ERC20_GAS : TRANSFER_GAS;
        long devNonce = Long.decode(rpc.call("eth_getTransactionCount", devAddress.toHex(), "pending").asText());
        Optional<Address> token = Optional.empty();
        List<byte[]> funding = new ArrayList<>();
        if (cfg.kind() == LoadConfig.Kind.ERC20) {
            byte[] deploy = sign(dev, devNonce++, Optional.empty(), BigInteger.ZERO, Erc20Token.CREATION_CODE,
                    DEPLOY_GAS);
            JsonNode receipt = submitAndAwait(List.of(deploy)).getFirst();
            token = Optional.of(Address.fromHex(receipt.path("contractAddress").asText()));
            log("token deployed at %s", token.get().toChecksumHex());
        }
        for (int s = 0; s < n; s++) {
            long count = txsOfSender(s);
            BigInteger need = maxFee.multiply(BigInteger.valueOf(gas * count)).add(BigInteger.valueOf(count));
            funding.add(sign(dev, devNonce++, Optional.of(addresses.get(s)), need, Bytes.EMPTY, TRANSFER_GAS));
            if (token.isPresent())
                funding.add(sign(dev, devNonce++, token, BigInteger.ZERO,
                        Erc20Token.transferCall(addresses.get(s), BigInteger.valueOf(count)), ERC20_GAS));
        }
        submitAndAwait(funding);
        log("funded %d senders with %d transactions", n, funding.size());

        // Pre-sign every transaction (warm-up ones first) and pre-serialise every batch before the clock starts.
        int warm = (int) cfg.warmup();
        long total = cfg.txs();
        String[] warmRaw = new String[warm];
        String[] raw = new String[(int) total];
        String[] hashes = new String[(int) total];
        Optional<Address> to0 = token;
        long signStart = System.nanoTime();
        try (ForkJoinPool signers = new ForkJoinPool(2)) {
            signers.submit(() -> IntStream.range(0, (int) (warm + total)).parallel().forEach(i -> {
                int s = i % n;
                long nonce = nonces[s] + i / n;
                Address next = addresses.get((s + 1) % n);
                byte[] enc = switch (cfg.kind()) {
                    case TRANSFER -> sign(keys.get(s), nonce, Optional.of(next), BigInteger.ONE, Bytes.EMPTY, gas);
                    case ERC20 -> sign(keys.get(s), nonce, to0, BigInteger.ZERO,
                            Erc20Token.transferCall(next, BigInteger.ONE), gas);
                };
                if (i < warm) {
                    warmRaw[i] = Hex.encode(enc);
                    return;
                }
                int j = i - warm;
                raw[j] = Hex.encode(enc);
                hashes[j] = Hex.encode(Keccak256.hash(enc));
            })).join();
        }
        PacingSchedule schedule = new PacingSchedule(cfg.rate(), cfg.batch());
        int batches = (int) schedule.batchCount(total);
        int nodes = cfg.nodes();
        // Measured transaction j is sender (warm + j) % n's, which sends only to node sender % nodes: each batch is
        // cut into one request per node, so a sender's transactions reach its node in nonce order.
        int[] nodeOf = new int[(int) total];
        for (int j = 0; j < total; j++)
            nodeOf[j] = (int) ((warm + j) % n % nodes);
        String[][] bodies = new String[batches][nodes];
        for (int k = 0; k < batches; k++) {
            int from = k * cfg.batch();
            int to = (int) Math.min(total, (long) (k + 1) * cfg.batch());
            for (int node = 0; node < nodes; node++) {
                final int nd = node;
                int[] mine = IntStream.range(from, to).filter(j -> nodeOf[j] == nd).toArray();
                bodies[k][node] = mine.length == 0 ? null : body(raw, mine);
            }
        }
        Map<String, Integer> index = new HashMap<>(hashes.length * 2);
        for (int j = 0; j < hashes.length; j++)
            index.put(hashes[j], j);
        log("pre-signed %d transactions in %.1f s", warm + total, (System.nanoTime() - signStart) / 1e9);
        if (warm > 0) {
            long warmStart = System.nanoTime();
            warmUp(warmRaw, addresses, nonces);
            warmUpSeconds = (System.nanoTime() - warmStart) / 1e9;
            log("warm-up: %d transactions included in %.1f s", warm, warmUpSeconds);
        }

        // Measured phase.
        AtomicLongArray submitted = new AtomicLongArray((int) total);
        AtomicLongArray included = new AtomicLongArray((int) total);
        long[] blockOf = new long[(int) total];
        AtomicLong confirmed = new AtomicLong();
        AtomicLong blocks = new AtomicLong();
        AtomicLong lastInclusion = new AtomicLong();
        Map<String, Long> rejected = new ConcurrentHashMap<>();
        AtomicLong rejectedCount = new AtomicLong();
        long firstBlock = Long.decode(rpc.call("eth_blockNumber").asText()) + 1;
        BlockWatcher watcher = new BlockWatcher(new JsonRpcClient(cfg.rpc(), http), cfg.ws(), firstBlock, 20,
                (number, block, observed) -> {
                    boolean ours = false;
                    for (JsonNode h : block.path("transactions")) {
                        Integer j = index.get(h.asText().toLowerCase(java.util.Locale.ROOT));
                        if (j != null && included.compareAndSet(j, 0, observed)) {
                            blockOf[j] = number;
                            confirmed.incrementAndGet();
                            lastInclusion.accumulateAndGet(observed, Math::max);
                            ours = true;
                        }
                    }
                    if (ours)
                        blocks.incrementAndGet();
                });
        Thread watcherThread = new Thread(watcher, "block-watcher");
        watcherThread.setDaemon(true);
        List<HeadTimes> finality = new ArrayList<>();
        if (nodes > 1)
            for (java.net.URI ws : cfg.wss())
                finality.add(HeadTimes.follow(ws));
        List<RssSampler> rssPerNode = cfg.pids().stream().map(pid -> new RssSampler(pid, 250)).toList();
        Optional<RssSampler> rss = nodes > 1 ? Optional.empty() : rssPerNode.stream().findFirst();
        long[] nodeCpuStart = cfg.pids().stream().mapToLong(pid -> ProcessCpu.ticks(pid).orElse(-1)).toArray();
        // Reads every node thread's CPU now and when the window closes, nothing in between.
        Optional<ThreadCpuSampler> threads = cfg.pids().isEmpty()
                ? Optional.empty()
                : Optional.of(new ThreadCpuSampler(cfg.pids()));
        watcherThread.start();

        Semaphore inFlight = new Semaphore(cfg.inFlight());
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + (long) (cfg.durationSeconds() * 1e9);
        long sent = 0;
        long lastSubmit = start;
        for (int k = 0; k < batches; k++) {
            long due = start + schedule.dueNanos(k);
            for (long now = System.nanoTime(); now < due; now = System.nanoTime())
                LockSupport.parkNanos(due - now);
            if (System.nanoTime() > deadline)
                break;
            int from = k * cfg.batch();
            int to = (int) Math.min(total, (long) (k + 1) * cfg.batch());
            for (int node = 0; node < nodes; node++) {
                if (bodies[k][node] == null)
                    continue;
                inFlight.acquire();
                long now = System.nanoTime();
                int count = 0;
                for (int j = from; j < to; j++) {
                    if (nodeOf[j] == node) {
                        submitted.set(j, now);
                        count++;
                    }
                }
                sent += count;
                lastSubmit = now;
                final int posted = count;
                clients.get(node).postAsync(bodies[k][node]).whenComplete((answers, error) -> {
                    inFlight.release();
                    if (error != null) {
                        rejected.merge("transport: " + rootMessage(error), (long) posted, Long::sum);
                        rejectedCount.addAndGet(posted);
                        return;
                    }
                    for (JsonRpcClient.Response r : answers) {
                        if (!r.ok()) {
                            rejected.merge(r.error(), 1L, Long::sum);
                            rejectedCount.incrementAndGet();
                        }
                    }
                });
            }
        }
        inFlight.acquire(cfg.inFlight());
        long submitEnd = lastSubmit;
        long waitUntil = System.nanoTime() + (long) (cfg.waitSeconds() * 1e9);
        while (confirmed.get() + rejectedCount.get() < sent && System.nanoTime() < waitUntil
                && watcher.failure().isEmpty())
            Thread.sleep(20);
        long cpuUsed = processCpuNanos() - cpuStart;
        long windowEnd = System.nanoTime();
        long[] nodeCpuUsed = new long[nodeCpuStart.length];
        for (int i = 0; i < nodeCpuStart.length; i++) {
            long now = ProcessCpu.ticks(cfg.pids().get(i)).orElse(-1);
            nodeCpuUsed[i] = nodeCpuStart[i] < 0 || now < 0 ? -1 : now - nodeCpuStart[i];
        }
        threads.ifPresent(ThreadCpuSampler::close);
        watcher.stop();
        watcherThread.join(10_000);
        rssPerNode.forEach(RssSampler::close);
        if (watcher.failure().isPresent())
            throw new IOException("block watcher failed: " + watcher.failure().get().getMessage());
        if (!finality.isEmpty())
            awaitHeads(finality, java.util.Arrays.stream(blockOf).max().orElse(0));

        long[] latencies = new long[(int) confirmed.get()];
        List<Integer> confirmedIdx = new ArrayList<>();
        int c = 0;
        long lastFinal = 0;
        for (int j = 0; j < total && c < latencies.length; j++) {
            long inc = included.get(j);
            if (inc == 0 || submitted.get(j) == 0)
                continue;
            if (!finality.isEmpty()) {
                // Final when a node other than the one it was sent to announces its block.
                var at = finality.get((nodeOf[j] + 1) % nodes).finalAt(blockOf[j]);
                if (at.isEmpty())
                    continue;
                inc = at.getAsLong();
                lastFinal = Math.max(lastFinal, inc);
            }
            latencies[c++] = inc - submitted.get(j);
            confirmedIdx.add(j);
        }
        if (!finality.isEmpty()) {
            network = Optional.of(summarise(finality, rssPerNode, nodeCpuUsed, windowEnd - start, c));
            finality.forEach(HeadTimes::close);
        }
        nodeThreads = threads.map(t -> t.format(confirmedIdx.size())).orElse("");
        long[] receiptResult = checkReceipts(confirmedIdx, hashes, nodeOf);
        long lastConfirmation = finality.isEmpty() ? lastInclusion.get() : lastFinal;
        return new LoadReport(cfg.kind().name().toLowerCase(java.util.Locale.ROOT), n, cfg.batch(), cfg.rate(), sent,
                new TreeMap<>(rejected), confirmedIdx.size(), submitEnd - start,
                confirmedIdx.isEmpty() ? 0 : lastConfirmation - start,
                Percentiles.of(java.util.Arrays.copyOf(latencies, confirmedIdx.size())), blocks.get(),
                receiptResult[0], receiptResult[1], rss.flatMap(RssSampler::result), cpuUsed);
    }

    /** Sender {@code i}'s key: keccak256(seed || i as 8 big-endian bytes), the same on every run with the seed. */
    KeyPair senderKey(int i) {
        byte[] seed = cfg.seed().getBytes(StandardCharsets.UTF_8);
        byte[] in = java.util.Arrays.copyOf(seed, seed.length + 8);
        for (int b = 0; b < 8; b++)
            in[seed.length + b] = (byte) ((long) i >>> (56 - 8 * b));
        return suite.keyPair(Keccak256.hash(in));
    }

    /** How many transactions sender {@code s} sends, warm-up and measured. */
    private long txsOfSender(int s) {
        long n = cfg.senders();
        long all = cfg.warmup() + cfg.txs();
        return all / n + (s < all % n ? 1 : 0);
    }

    /**
     * Sends the warm-up transactions the way the measured ones go: warm-up transaction {@code i} is sender
     * {@code i mod senders}'s, which sends only to node {@code sender mod nodes}, and each batch of {@code --batch} is
     * cut into one request per node, so every node's JSON-RPC intake, gossip and relay paths are compiled before the
     * window (sent to node 1 alone, nodes 2 to 4 compiled their intake inside it). They go as fast as the nodes take
     * them, {@code --in-flight} requests outstanding; then this waits until every sender's mined nonce has passed its
     * warm-up share, so the measured phase starts on an empty pool.
     */
    private void warmUp(String[] warmRaw, List<Address> addresses, long[] nonces)
            throws IOException, InterruptedException {
        Semaphore inFlight = new Semaphore(cfg.inFlight());
        AtomicLong refused = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        int senders = addresses.size();
        int nodes = clients.size();
        for (int from = 0; from < warmRaw.length; from += cfg.batch()) {
            int to = Math.min(warmRaw.length, from + cfg.batch());
            for (int node = 0; node < nodes; node++) {
                final int nd = node;
                int[] mine = IntStream.range(from, to).filter(i -> i % senders % nodes == nd).toArray();
                if (mine.length == 0)
                    continue;
                inFlight.acquire();
                clients.get(node).postAsync(body(warmRaw, mine)).whenComplete((answers, error) -> {
                    inFlight.release();
                    if (error != null) {
                        refused.addAndGet(mine.length);
                        firstError.compareAndSet(null, rootMessage(error));
                        return;
                    }
                    for (JsonRpcClient.Response r : answers) {
                        if (!r.ok()) {
                            refused.incrementAndGet();
                            firstError.compareAndSet(null, r.error());
                        }
                    }
                });
            }
        }
        inFlight.acquire(cfg.inFlight());
        if (refused.get() > 0)
            throw new IOException(refused.get() + " warm-up transactions refused, e.g. " + firstError.get());
        int n = addresses.size();
        long deadline = System.nanoTime() + 300_000_000_000L;
        for (int s = 0; s < n;) {
            long expected = nonces[s] + warmRaw.length / n + (s < warmRaw.length % n ? 1 : 0);
            if (Long.decode(
                    rpc.call("eth_getTransactionCount", addresses.get(s).toHex(), "latest").asText()) >= expected) {
                s++;
                continue;
            }
            if (System.nanoTime() > deadline)
                throw new IOException("warm-up transactions not included within 300 s");
            Thread.sleep(100);
        }
    }

    private byte[] sign(KeyPair key, long nonce, Optional<Address> to, BigInteger value, Bytes data, long gas) {
        Transaction tx = new FeeMarketTransaction(chainId, nonce, tip, maxFee, gas, to, value, data, List.of(),
                TransactionSignature.UNSIGNED);
        return tx.sign(key, suite).encode();
    }

    private long[] pendingNonces(List<Address> addresses) throws IOException, InterruptedException {
        long[] out = new long[addresses.size()];
        for (int from = 0; from < addresses.size(); from += CONTROL_BATCH) {
            List<ObjectNode> reqs = new ArrayList<>();
            for (int i = from; i < Math.min(addresses.size(), from + CONTROL_BATCH); i++)
                reqs.add(JsonRpcClient.request(i, "eth_getTransactionCount", addresses.get(i).toHex(), "pending"));
            List<JsonRpcClient.Response> answers = rpc.batch(reqs);
            for (int i = 0; i < answers.size(); i++) {
                JsonRpcClient.Response r = answers.get(i);
                if (!r.ok())
                    throw new JsonRpcClient.RpcException("eth_getTransactionCount: " + r.error());
                out[from + i] = Long.decode(r.result().asText());
            }
        }
        return out;
    }

    /** Submits control transactions (not measured) and waits until every one has a successful receipt. */
    private List<JsonNode> submitAndAwait(List<byte[]> txs) throws IOException, InterruptedException {
        List<String> hashes = new ArrayList<>();
        for (int from = 0; from < txs.size(); from += CONTROL_BATCH) {
            List<ObjectNode> reqs = new ArrayList<>();
            for (int i = from; i < Math.min(txs.size(), from + CONTROL_BATCH); i++) {
                reqs.add(JsonRpcClient.request(i, "eth_sendRawTransaction", Hex.encode(txs.get(i))));
                hashes.add(Hex.encode(Keccak256.hash(txs.get(i))));
            }
            for (JsonRpcClient.Response r : rpc.batch(reqs))
                if (!r.ok())
                    throw new JsonRpcClient.RpcException("funding transaction rejected: " + r.error());
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (rpc.call("eth_getTransactionReceipt", hashes.getLast()).isNull()) {
            if (System.nanoTime() > deadline)
                throw new IOException("funding transactions not included within 120 s");
            Thread.sleep(100);
        }
        List<JsonNode> receipts = new ArrayList<>();
        for (int from = 0; from < hashes.size(); from += CONTROL_BATCH) {
            List<ObjectNode> reqs = new ArrayList<>();
            for (int i = from; i < Math.min(hashes.size(), from + CONTROL_BATCH); i++)
                reqs.add(JsonRpcClient.request(i, "eth_getTransactionReceipt", hashes.get(i)));
            for (JsonRpcClient.Response r : rpc.batch(reqs)) {
                if (!r.ok() || r.result().isNull())
                    throw new IOException("funding receipt missing for " + hashes.get((int) r.id()));
                if (!"0x1".equals(r.result().path("status").asText()))
                    throw new IOException("funding transaction failed: " + hashes.get((int) r.id()));
                receipts.add(r.result());
            }
        }
        return receipts;
    }

    /**
     * Fetches receipts of an even sample of confirmed transactions, each from a node other than the one it was sent to
     * when there are several; returns {checked, failed}.
     */
    private long[] checkReceipts(List<Integer> confirmedIdx, String[] hashes, int[] nodeOf)
            throws IOException, InterruptedException {
        int sample = Math.min(cfg.receiptSample(), confirmedIdx.size());
        if (sample == 0)
            return new long[]{0, 0};
        List<List<ObjectNode>> reqs = new ArrayList<>();
        for (int node = 0; node < clients.size(); node++)
            reqs.add(new ArrayList<>());
        for (int i = 0; i < sample; i++) {
            int j = confirmedIdx.get((int) ((long) i * (confirmedIdx.size() - 1) / Math.max(1, sample - 1)));
            reqs.get((nodeOf[j] + 1) % clients.size())
                    .add(JsonRpcClient.request(j, "eth_getTransactionReceipt", hashes[j]));
        }
        List<JsonRpcClient.Response> answers = new ArrayList<>();
        for (int node = 0; node < clients.size(); node++)
            if (!reqs.get(node).isEmpty())
                answers.addAll(clients.get(node).batch(reqs.get(node)));
        long failed = 0;
        for (JsonRpcClient.Response r : answers) {
            boolean ok = r.ok() && !r.result().isNull() && "0x1".equals(r.result().path("status").asText());
            if (ok && cfg.kind() == LoadConfig.Kind.ERC20)
                ok = r.result().path("logs").size() == 1 && Erc20Token.TRANSFER_TOPIC
                        .equals(r.result().path("logs").get(0).path("topics").path(0).asText());
            if (!ok)
                failed++;
        }
        return new long[]{sample, failed};
    }

    /**
     * Waits up to 10 s until every node has announced block {@code last}, so that a node a few milliseconds behind
     * the first one still dates the last blocks.
     */
    private static void awaitHeads(List<HeadTimes> nodes, long last) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && nodes.stream().anyMatch(h -> h.finalAt(last).isEmpty()))
            Thread.sleep(20);
    }

    /**
     * How the nodes ended the run: each one's head and its hash at the lowest of them (after up to 10 s for them to
     * meet), the heads their subscriptions announced compared number by number, and CPU and memory per node.
     */
    private NetworkSummary summarise(List<HeadTimes> heads, List<RssSampler> rss, long[] cpuTicks, long windowNanos,
            long finalTransactions) throws IOException, InterruptedException {
        long[] height = new long[clients.size()];
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            for (int i = 0; i < clients.size(); i++)
                height[i] = Long.decode(clients.get(i).call("eth_blockNumber").asText());
            if (java.util.Arrays.stream(height).distinct().count() == 1)
                break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        long common = java.util.Arrays.stream(height).min().orElse(0);
        List<String> hashes = new ArrayList<>();
        for (JsonRpcClient client : clients)
            hashes.add(client.call("eth_getBlockByNumber", "0x" + Long.toHexString(common), false).path("hash")
                    .asText());
        List<Map<Long, HeadTimes.Head>> announced = heads.stream().map(HeadTimes::heads).toList();
        Map<Long, HeadTimes.Head> first = announced.getFirst();
        int compared = 0;
        int differ = 0;
        for (Map.Entry<Long, HeadTimes.Head> e : first.entrySet()) {
            List<String> named = new ArrayList<>();
            for (Map<Long, HeadTimes.Head> h : announced) {
                HeadTimes.Head other = h.get(e.getKey());
                if (other != null)
                    named.add(other.hash());
            }
            if (named.size() < heads.size())
                continue;
            compared++;
            if (named.stream().distinct().count() > 1)
                differ++;
        }
        List<NetworkSummary.Node> nodes = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Optional<Long> pid = i < cfg.pids().size() ? Optional.of(cfg.pids().get(i)) : Optional.empty();
            Optional<Long> ticks = i < cpuTicks.length && cpuTicks[i] >= 0
                    ? Optional.of(cpuTicks[i])
                    : Optional.empty();
            nodes.add(new NetworkSummary.Node(cfg.rpcs().get(i).toString(), height[i], pid, ticks,
                    i < rss.size() ? rss.get(i).result() : Optional.empty()));
        }
        return new NetworkSummary(common, hashes, compared, differ, nodes, windowNanos, finalTransactions);
    }

    /** A batch of the raw transactions at {@code indices}, in that order. */
    private static String body(String[] raw, int[] indices) {
        StringBuilder b = new StringBuilder(indices.length * (raw[indices[0]].length() + 80));
        boolean single = indices.length == 1;
        if (!single)
            b.append('[');
        for (int k = 0; k < indices.length; k++) {
            int j = indices[k];
            if (k > 0)
                b.append(',');
            b.append("{\"jsonrpc\":\"2.0\",\"id\":").append(j)
                    .append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"").append(raw[j]).append("\"]}");
        }
        if (!single)
            b.append(']');
        return b.toString();
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null)
            t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void log(String fmt, Object... args) {
        System.err.printf(java.util.Locale.ROOT, "[load] " + fmt + "%n", args);
    }
}
