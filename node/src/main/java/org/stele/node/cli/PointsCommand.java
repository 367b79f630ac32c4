package org.stele.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.stele.apps.points.ForwardRequest;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.PointsCalls;
import org.stele.apps.points.PointsClient;
import org.stele.apps.points.PointsEvent;
import org.stele.apps.points.PointsException;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.RelayerServer;
import org.stele.apps.points.Sender;
import org.stele.apps.points.TokenBucket;
import org.stele.node.cli.common.CommandErrors;
import org.stele.node.cli.common.RpcOption;
import org.stele.node.cli.common.SignerOptions;
import org.web3j.crypto.Credentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele points}: the points application (docs/points.md) from the command line, against any node's JSON-RPC.
 * Points are whole numbers. A transaction is signed by the node for {@code --from} (a dev chain's accounts) or here
 * with {@code --key-file}; {@code transfer} and {@code redeem} can instead go gas-free through a relayer
 * ({@code --via-relayer URL}, signed with {@code --key-file}). {@code relayer} runs the operator's relayer. Every
 * subcommand exits 0 on success, 1 when the token or relayer refuses (naming why) or the node cannot be reached, 2 for a
 * bad argument.
 */
@Command(name = "points", description = "The points application: issue, send, redeem loyalty points; the gas-paying relayer (docs/points.md).", subcommands = {
        PointsCommand.Deploy.class, PointsCommand.Grant.class, PointsCommand.Cap.class, PointsCommand.Issue.class,
        PointsCommand.Transfer.class, PointsCommand.Redeem.class, PointsCommand.Balance.class,
        PointsCommand.History.class, PointsCommand.RelayerCmd.class})
public final class PointsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the node is, which token, and who signs. */
    static final class Connection {
        @Mixin
        RpcOption rpc;

        @Option(names = "--token", description = "The PointsToken's address.")
        String token;

        @Mixin
        SignerOptions signer;

        NodeRpc node() {
            return new NodeRpc(rpc.url());
        }

        Credentials key() throws IOException {
            return signer.key();
        }

        Sender sender() throws IOException {
            if (signer.hasKeyFile()) return new Sender.Key(key());
            signer.require();
            return new Sender.NodeAccount(address(signer.from(), "--from"));
        }

        PointsClient client(boolean signing) throws IOException {
            if (token == null) throw new IllegalArgumentException("give --token ADDRESS (the PointsToken)");
            return new PointsClient(node(), signing ? sender() : null, address(token, "--token"));
        }
    }

    /** Runs a subcommand's body with the exit codes and one-line errors every subcommand shares. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        Connection connection;

        final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

        abstract void run() throws IOException, InterruptedException;

        @Override
        public final Integer call() {
            return CommandErrors.run(CommandErrors.prefix("points", this), () -> {
                run();
                return 0;
            }, e -> switch (e) {
                case NodeRpc.NodeError n -> connection.rpc.answered(n);
                case IOException io -> connection.rpc.unreachable(io);
                default -> CommandErrors.usual(e);
            });
        }
    }

    static String address(String text, String option) {
        if (text == null || !text.matches("0x[0-9a-fA-F]{40}"))
            throw new IllegalArgumentException(option + " " + text + " is not an address (0x and 40 hex digits)");
        return text.toLowerCase(Locale.ROOT);
    }

    static BigInteger points(String text) {
        if (text == null || !text.matches("\\d{1,70}") || new BigInteger(text).signum() == 0)
            throw new IllegalArgumentException("\"" + text + "\" is not a number of points (a whole number above 0)");
        return new BigInteger(text);
    }

    static String role(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "issuer" -> PointsCalls.ISSUER_ROLE;
            case "merchant", "redeemer" -> PointsCalls.REDEEMER_ROLE;
            case "pauser" -> PointsCalls.PAUSER_ROLE;
            default -> throw new IllegalArgumentException("--role " + name + ": give issuer, merchant or pauser");
        };
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy a forwarder and a PointsToken trusting it; the signer holds every role and may issue --cap points. Prints the token's address.")
    static final class Deploy extends Action {
        @Option(names = "--name", defaultValue = "Stele Points", description = "The token's name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--symbol", defaultValue = "PTS", description = "The token's symbol (default ${DEFAULT-VALUE}).")
        String symbol;

        @Option(names = "--cap", defaultValue = "1000000", description = "How many points the deployer may issue (default ${DEFAULT-VALUE}).")
        String cap;

        @Override
        void run() throws IOException {
            BigInteger limit = new BigInteger(cap.matches("\\d{1,70}") ? cap : "-1");
            if (limit.signum() < 0) throw new IllegalArgumentException("--cap " + cap + " is not a whole number");
            Sender sender = connection.sender();
            PointsClient client = PointsClient.deploy(connection.node(), sender, name, symbol);
            client.send(PointsCalls.setIssuerCap(sender.address(), limit));
            out.println(client.token());
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Give an account a role (the admin): issuer, merchant or pauser. Prints the transaction hash.")
    static final class Grant extends Action {
        @Option(names = "--role", required = true)
        String role;

        @Option(names = "--account", required = true)
        String account;

        @Override
        void run() throws IOException {
            out.println(connection.client(true).send(PointsCalls.grantRole(role(role), address(account, "--account")))
                    .transaction());
        }
    }

    @Command(name = "cap", mixinStandardHelpOptions = true, description = "Set how many points an issuer may issue in all (the admin). Prints the transaction hash.")
    static final class Cap extends Action {
        @Option(names = "--issuer", required = true)
        String issuer;

        @Option(names = "--cap", required = true)
        String cap;

        @Override
        void run() throws IOException {
            if (!cap.matches("\\d{1,70}"))
                throw new IllegalArgumentException("--cap " + cap + " is not a whole number");
            out.println(connection.client(true)
                    .send(PointsCalls.setIssuerCap(address(issuer, "--issuer"), new BigInteger(cap))).transaction());
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Give new points to a holder (an issuer, within its cap). Prints the transaction hash.")
    static final class Issue extends Action {
        @Option(names = "--to", required = true)
        String to;

        @Option(names = "--amount", required = true, description = "Whole points.")
        String amount;

        @Option(names = "--ref", defaultValue = "", description = "Why: recorded in the Issued event.")
        String ref;

        @Override
        void run() throws IOException {
            out.println(connection.client(true).send(PointsCalls.issue(address(to, "--to"), points(amount), ref))
                    .transaction());
        }
    }

    /** A holder's call, sent directly or signed as a forward request for a relayer. */
    abstract static class HolderAction extends Action {
        @Option(names = "--via-relayer", description = "Gas-free: sign a forward request with --key-file and hand it to the relayer at this URL.")
        String relayer;

        void holderSends(String data) throws IOException {
            if (relayer == null) {
                out.println(connection.client(true).send(data).transaction());
                return;
            }
            if (!connection.signer.hasKeyFile())
                throw new IllegalArgumentException("--via-relayer signs a forward request: give --key-file FILE");
            PointsClient client = connection.client(false);
            ForwardRequest.Signed signed = client.signRequest(connection.key().getEcKeyPair(), data,
                    Duration.ofMinutes(10));
            out.println(PointsClient.relay(relayer, signed).transaction());
        }
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true, description = "Send points to another holder. Prints the transaction hash.")
    static final class Transfer extends HolderAction {
        @Option(names = "--to", required = true)
        String to;

        @Option(names = "--amount", required = true, description = "Whole points.")
        String amount;

        @Override
        void run() throws IOException {
            holderSends(PointsCalls.transfer(address(to, "--to"), points(amount)));
        }
    }

    @Command(name = "redeem", mixinStandardHelpOptions = true, description = "Spend points at a merchant, which burns them. Prints the transaction hash.")
    static final class Redeem extends HolderAction {
        @Option(names = "--merchant", required = true)
        String merchant;

        @Option(names = "--amount", required = true, description = "Whole points.")
        String amount;

        @Option(names = "--ref", defaultValue = "", description = "The merchant's reference (an order number): recorded in the Redeemed event.")
        String ref;

        @Override
        void run() throws IOException {
            holderSends(PointsCalls.redeem(address(merchant, "--merchant"), points(amount), ref));
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "A holder's points.")
    static final class Balance extends Action {
        @Parameters(paramLabel = "ADDRESS")
        String holder;

        @Override
        void run() throws IOException {
            out.println(connection.client(false).balance(address(holder, "ADDRESS")));
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "What happened to a holder's points, oldest first: one line each.")
    static final class History extends Action {
        @Parameters(paramLabel = "ADDRESS")
        String holder;

        @Override
        void run() throws IOException {
            String h = address(holder, "ADDRESS");
            var events = connection.client(false).history(h);
            if (events.isEmpty()) out.println("No points have moved for " + h + ".");
            for (PointsEvent e : events) {
                String line = switch (e) {
                    case PointsEvent.Issued i -> "issued " + i.amount() + " by " + i.issuer() + ref(i.ref());
                    case PointsEvent.Redeemed r -> r.holder().equals(h)
                            ? "redeemed " + r.amount() + " at " + r.merchant() + ref(r.ref())
                            : "took " + r.amount() + " in redemption from " + r.holder() + ref(r.ref());
                    case PointsEvent.Transfer t -> t.from().equals(h)
                            ? "sent " + t.amount() + " to " + t.to()
                            : "received " + t.amount() + " from " + t.from();
                    default -> e.toString();
                };
                out.println("block " + e.position().block() + ": " + line + " (transaction "
                        + e.position().transaction() + ")");
            }
        }

        private static String ref(String ref) {
            return ref.isEmpty() ? "" : " for \"" + ref + "\"";
        }
    }

    @Command(name = "relayer", mixinStandardHelpOptions = true, description = "Run the operator's relayer: takes signed forward requests over HTTP (POST /relay) and pays their gas from --key-file's account. Runs until stopped.")
    static final class RelayerCmd extends Action {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Listen on this address (default ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "8547", description = "Listen on this port, 0 for any free one (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--allow-origin", defaultValue = "*", description = "The CORS origin pages may call from (default ${DEFAULT-VALUE}).")
        String allowOrigin;

        @Option(names = "--burst", defaultValue = "10", description = "Requests a signer may send at once (default ${DEFAULT-VALUE}).")
        int burst;

        @Option(names = "--per-second", defaultValue = "2", description = "Requests a signer may send each second after a burst (default ${DEFAULT-VALUE}).")
        double perSecond;

        @Option(names = "--max-batch", defaultValue = "100", description = "The most requests in one transaction (default ${DEFAULT-VALUE}).")
        int maxBatch;

        @Option(names = "--batch-window-ms", defaultValue = "20", description = "How long to wait for more requests to batch (default ${DEFAULT-VALUE}).")
        long batchWindowMs;

        @Option(names = "--simulate-every-request", description = "Check every request by an eth_call on the node, "
                + "also those the relayer can decide itself (a transfer within the signer's points); slower.")
        boolean simulateEveryRequest;

        @Override
        void run() throws IOException, InterruptedException {
            if (connection.token == null) throw new IllegalArgumentException("give --token ADDRESS (the PointsToken)");
            if (maxBatch < 1) throw new IllegalArgumentException("--max-batch must be at least 1");
            Credentials operator = connection.key();
            PointsClient client = connection.client(false);
            Relayer.Config config = Relayer.Config.of(client.token(), client.forwarder());
            config = new Relayer.Config(config.token(), config.forwarder(), config.maxGasPerRequest(), maxBatch,
                    Duration.ofMillis(batchWindowMs), config.queueLimit(), config.orderWait(), !simulateEveryRequest);
            Relayer relayer = new Relayer(connection.node(), operator, config,
                    new TokenBucket(burst, perSecond, InstantSource.system()));
            RelayerServer server = new RelayerServer(relayer, host, port, allowOrigin);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                relayer.close();
                out.println("Relayed " + relayer.relayed() + " requests in " + relayer.batches() + " transactions; "
                        + relayer.localChecks() + " checked locally, " + relayer.simulatedChecks() + " by simulation");
                out.flush();
                stop.countDown();
            }));
            out.println("Relaying for token " + client.token() + " (forwarder " + client.forwarder() + ") at "
                    + server.url() + "/relay, gas paid by " + operator.getAddress());
            stop.await();
        }
    }

}
