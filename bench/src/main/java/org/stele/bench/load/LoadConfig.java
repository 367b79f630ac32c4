package org.stele.bench.load;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The generator's settings, from its command line. Defaults give a short run: 100 senders, batches of 100,
 * unlimited rate, 10,000 transactions (or rate x duration when a rate is given).
 */
public record LoadConfig(List<URI> rpcs, List<URI> wss, int senders, long txs, Kind kind, double rate, int batch,
        double durationSeconds, double waitSeconds, List<Long> pids, String seed, long maxFeeGwei, long tipGwei,
        int receiptSample, int inFlight, long warmup) {

    public enum Kind {
        TRANSFER, ERC20
    }

    public static final String USAGE = """
            usage: LoadGenerator --rpc URL[,URL...] [--ws URL[,URL...]] [--senders N] [--txs N] [--kind transfer|erc20] [--rate TPS]
                                 [--batch N] [--duration S] [--wait S] [--pid P] [--seed TEXT] [--max-fee-gwei G]
                                 [--tip-gwei G] [--receipts N] [--in-flight N] [--warmup N]
              --rate 0 (default) submits as fast as the node answers; --duration caps the submission window
              (default 60 s); --wait is how long to wait for inclusion after the last submission (default 30 s);
              --txs defaults to rate x duration, or 10000 when the rate is 0; --pid samples that process's VmRSS;
              --warmup N sends N more transactions of the same kind first, as fast as the node takes them, and
              waits for all of them before the measured phase (default 0: none); with several nodes they are
              routed and batched as the measured ones are (sender i to node i mod N).
              Several --rpc URLs (comma-separated) are the nodes of one network: sender i sends only to node
              i mod N, so its nonces arrive in order, and a transaction is final when the next node's newHeads
              (the --ws URL of the same position, one per node) announces its block; --pid takes one process id
              per node.""";

    public LoadConfig {
        rpcs = List.copyOf(rpcs);
        wss = List.copyOf(wss);
        pids = List.copyOf(pids);
        if (rpcs.isEmpty())
            throw new IllegalArgumentException("--rpc URL is required");
        if (rpcs.size() > 1 && wss.size() != rpcs.size())
            throw new IllegalArgumentException(
                    "a network of " + rpcs.size() + " --rpc URLs needs as many --ws URLs, got " + wss.size());
        if (!pids.isEmpty() && pids.size() != rpcs.size())
            throw new IllegalArgumentException("--pid needs one process id per --rpc URL");
        if (senders < 1)
            throw new IllegalArgumentException("--senders must be at least 1");
        if (txs < 1)
            throw new IllegalArgumentException("--txs must be at least 1");
        if (!(rate >= 0) || Double.isInfinite(rate))
            throw new IllegalArgumentException("--rate must be >= 0");
        if (batch < 1)
            throw new IllegalArgumentException("--batch must be at least 1");
        if (!(durationSeconds > 0) || !(waitSeconds >= 0))
            throw new IllegalArgumentException("--duration must be > 0 and --wait >= 0");
        if (warmup < 0)
            throw new IllegalArgumentException("--warmup must be >= 0");
        if (receiptSample < 0 || inFlight < 1 || maxFeeGwei < 1 || tipGwei < 0 || tipGwei > maxFeeGwei)
            throw new IllegalArgumentException(
                    "--receipts must be >= 0, --in-flight >= 1, --max-fee-gwei >= 1, 0 <= --tip-gwei <= max fee");
    }

    /** The first (or only) node's JSON-RPC URL: where the token is deployed and the senders funded. */
    public URI rpc() {
        return rpcs.getFirst();
    }

    /** The first node's WebSocket URL, if given. */
    public Optional<URI> ws() {
        return wss.isEmpty() ? Optional.empty() : Optional.of(wss.getFirst());
    }

    /** The first node's process id, if given. */
    public Optional<Long> pid() {
        return pids.isEmpty() ? Optional.empty() : Optional.of(pids.getFirst());
    }

    /** How many nodes the load is spread over. */
    public int nodes() {
        return rpcs.size();
    }

    /** Parses {@code --flag value} pairs; throws {@link IllegalArgumentException} with a readable message. */
    public static LoadConfig parse(String... args) {
        List<URI> rpc = List.of();
        List<URI> ws = List.of();
        int senders = 100;
        Long txs = null;
        Kind kind = Kind.TRANSFER;
        double rate = 0;
        int batch = 100;
        double duration = 60;
        double wait = 30;
        List<Long> pid = List.of();
        String seed = "stele-load";
        long maxFee = 1000;
        long tip = 1;
        int receipts = 200;
        int inFlight = 8;
        long warmup = 0;
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (i + 1 >= args.length)
                throw new IllegalArgumentException(flag + " needs a value");
            String v = args[i + 1];
            try {
                switch (flag) {
                    case "--rpc" -> rpc = list(v, URI::create);
                    case "--ws" -> ws = list(v, URI::create);
                    case "--senders" -> senders = Integer.parseInt(v);
                    case "--txs" -> txs = Long.parseLong(v);
                    case "--kind" -> kind = switch (v) {
                        case "transfer" -> Kind.TRANSFER;
                        case "erc20" -> Kind.ERC20;
                        default -> throw new IllegalArgumentException("--kind must be transfer or erc20, got " + v);
                    };
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--batch" -> batch = Integer.parseInt(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--wait" -> wait = Double.parseDouble(v);
                    case "--pid" -> pid = list(v, Long::parseLong);
                    case "--seed" -> seed = v;
                    case "--max-fee-gwei" -> maxFee = Long.parseLong(v);
                    case "--tip-gwei" -> tip = Long.parseLong(v);
                    case "--receipts" -> receipts = Integer.parseInt(v);
                    case "--in-flight" -> inFlight = Integer.parseInt(v);
                    case "--warmup" -> warmup = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " expects a number, got " + v);
            }
        }
        long total = txs != null ? txs : rate > 0 ? Math.max(1, Math.round(rate * duration)) : 10_000;
        return new LoadConfig(rpc, ws, senders, total, kind, rate, batch, duration, wait, pid, seed, maxFee, tip,
                receipts, inFlight, warmup);
    }

    private static <T> List<T> list(String commaSeparated, java.util.function.Function<String, T> parse) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .map(parse).toList();
    }
}
