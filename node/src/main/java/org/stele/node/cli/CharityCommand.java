package org.stele.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stele.apps.charity.CharityCalls;
import org.stele.apps.charity.CharityClient;
import org.stele.apps.charity.CharityClient.CharityException;
import org.stele.apps.charity.CharityEvent;
import org.stele.apps.charity.FifoTrace;
import org.stele.node.cli.common.CommandErrors;
import org.stele.node.cli.common.RpcOption;
import org.stele.node.cli.common.SignerOptions;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.TransactionManager;
import org.web3j.utils.Numeric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stele charity}: the charity application (docs/charity.md) from the command line, against any node's JSON-RPC.
 * Amounts are in coins (18 decimals); a transaction is signed by the node for {@code --from} (a dev chain's accounts)
 * or here with {@code --key-file}. Every subcommand exits 0 on success, 1 when the contract refuses (naming its custom
 * error) or the node cannot be reached, 2 for a bad argument.
 */
@Command(name = "charity", description = "The charity application: organisations, campaigns, donations, disbursements, delivery receipts (docs/charity.md).", subcommands = {
        CharityCommand.Deploy.class, CharityCommand.Org.class, CharityCommand.Campaign.class,
        CharityCommand.Donate.class, CharityCommand.Disburse.class, CharityCommand.Confirm.class,
        CharityCommand.Refund.class, CharityCommand.Track.class, CharityCommand.Receipt.class})
public final class CharityCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the node is, which contract, and who signs. */
    static final class Connection {
        @Mixin
        RpcOption rpc;

        @Option(names = "--contract", description = "The Charity contract's address.")
        String contract;

        @Mixin
        SignerOptions signer;

        HttpService service() {
            return new HttpService(rpc.url());
        }

        TransactionManager sender(HttpService service) throws IOException {
            return signer.transactionManager(Web3j.build(service));
        }

        /** A client that only reads. */
        CharityClient client() throws IOException {
            if (contract == null) throw new IllegalArgumentException("give --contract ADDRESS (the Charity contract)");
            HttpService service = service();
            return new CharityClient(service, signer.given() ? sender(service) : null, contract);
        }

        /** A client that sends transactions: --from or --key-file is required. */
        CharityClient signingClient() throws IOException {
            signer.require();
            return client();
        }
    }

    /** Runs a subcommand's body with the exit codes and one-line errors every subcommand shares. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        Connection connection;

        final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

        abstract void run() throws IOException;

        @Override
        public final Integer call() {
            return CommandErrors.run(CommandErrors.prefix("charity", this), () -> {
                run();
                return 0;
            }, e -> switch (e) {
                case org.web3j.protocol.exceptions.ClientConnectionException c -> connection.rpc.answered(c);
                case IOException io -> connection.rpc.unreachable(io);
                default -> CommandErrors.usual(e);
            });
        }

        /** The events of the one transaction this receipt is for. */
        static List<CharityEvent> eventsOf(CharityClient client, String txHash) throws IOException {
            return client.events().stream().filter(e -> e.position().transaction().equalsIgnoreCase(txHash)).toList();
        }
    }

    static BigInteger coins(String text) {
        try {
            BigDecimal v = new BigDecimal(text).movePointRight(18);
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) throw new NumberFormatException();
            return v.toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an amount of coins (up to 18 decimals)");
        }
    }

    static String coins(BigInteger wei) {
        return new BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString();
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy a new Charity contract; the signer becomes its admin and first operator. Prints its address.")
    static final class Deploy extends Action {
        @Override
        void run() throws IOException {
            HttpService service = connection.service();
            out.println(CharityClient.deploy(service, connection.sender(service)).contract());
        }
    }

    @Command(name = "org", mixinStandardHelpOptions = true, description = "Register an organisation (operators only). Prints its id.")
    static final class Org extends Action {
        @Option(names = "--admin", required = true, description = "The address that runs the organisation's campaigns.")
        String admin;

        @Option(names = "--name", required = true, description = "The organisation's name.")
        String name;

        @Override
        void run() throws IOException {
            var r = connection.signingClient().send(CharityCalls.registerOrganisation(admin, name), BigInteger.ZERO);
            out.println(
                    only(connection.signingClient(), r.getTransactionHash(), CharityEvent.OrganisationRegistered.class)
                            .organisation());
        }
    }

    @Command(name = "campaign", mixinStandardHelpOptions = true, description = "Start a campaign (the organisation's admin). Prints its id.")
    static final class Campaign extends Action {
        @Option(names = "--org", required = true, description = "The organisation's id.")
        long organisation;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--goal", required = true, description = "The goal, in coins.")
        String goal;

        @Option(names = "--days", defaultValue = "30", description = "Open for donations this many days from the latest block (default ${DEFAULT-VALUE}).")
        long days;

        @Option(names = "--token", description = "An ERC-20 token's address; without it, the native coin.")
        String token;

        @Option(names = "--beneficiary", required = true, description = "ADDRESS=Name, once per beneficiary.")
        List<String> beneficiaries;

        @Override
        void run() throws IOException {
            List<CharityCalls.Beneficiary> list = new ArrayList<>();
            for (String b : beneficiaries) {
                int eq = b.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("--beneficiary " + b + ": give ADDRESS=Name");
                list.add(new CharityCalls.Beneficiary(b.substring(0, eq).strip(), b.substring(eq + 1).strip()));
            }
            CharityClient client = connection.signingClient();
            long now = Web3j.build(connection.service()).ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
                    .send().getBlock().getTimestamp().longValueExact();
            var r = client.send(CharityCalls.createCampaign(BigInteger.valueOf(organisation), title, token, coins(goal),
                    now + days * 86_400, list), BigInteger.ZERO);
            out.println(only(client, r.getTransactionHash(), CharityEvent.CampaignCreated.class).campaign());
        }
    }

    @Command(name = "donate", mixinStandardHelpOptions = true, description = "Give to a campaign, in its currency (an ERC-20 campaign's token is approved first). Prints the donation's transaction hash.")
    static final class Donate extends Action {
        @Option(names = "--campaign", required = true)
        long campaign;

        @Option(names = "--amount", required = true, description = "In coins (or whole token units of 18 decimals).")
        String amount;

        @Override
        void run() throws IOException {
            CharityClient client = connection.signingClient();
            BigInteger value = coins(amount);
            BigInteger id = BigInteger.valueOf(campaign);
            CharityEvent.CampaignCreated created = client.events().stream()
                    .filter(e -> e instanceof CharityEvent.CampaignCreated c && c.campaign() == campaign)
                    .map(CharityEvent.CampaignCreated.class::cast).findFirst()
                    .orElseThrow(() -> new CharityException("refused: UnknownCampaign(" + campaign + ")"));
            String token = created.token();
            var r = token == null
                    ? client.send(CharityCalls.donate(id), value)
                    : donateToken(client, token, id, value);
            out.println(r.getTransactionHash());
        }

        private static org.web3j.protocol.core.methods.response.TransactionReceipt donateToken(CharityClient client,
                String token, BigInteger id, BigInteger value) throws IOException {
            client.sendTo(token, CharityCalls.approve(client.contract(), value), BigInteger.ZERO);
            return client.send(CharityCalls.donateToken(id, value), BigInteger.ZERO);
        }
    }

    @Command(name = "disburse", mixinStandardHelpOptions = true, description = "Pay a beneficiary from a campaign that reached its goal, with evidence (the organisation's admin). Prints the disbursement's id.")
    static final class Disburse extends Action {
        @Option(names = "--campaign", required = true)
        long campaign;

        @Option(names = "--to", required = true, description = "A named beneficiary of the campaign.")
        String beneficiary;

        @Option(names = "--amount", required = true, description = "In coins.")
        String amount;

        @Option(names = "--evidence", description = "The evidence document: its SHA-256 is recorded.")
        Path evidence;

        @Option(names = "--evidence-hash", description = "The evidence's hash (0x and 64 hex digits), instead of --evidence.")
        String evidenceHash;

        @Option(names = "--uri", required = true, description = "Where the evidence is published.")
        String uri;

        @Override
        void run() throws IOException {
            String hash = evidenceHash;
            if (evidence != null) {
                try {
                    hash = Numeric
                            .toHexString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(evidence)));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("this JVM has no SHA-256", e);
                }
            }
            if (hash == null || !hash.matches("0x[0-9a-fA-F]{64}"))
                throw new IllegalArgumentException("give --evidence FILE or --evidence-hash 0x… (32 bytes)");
            CharityClient client = connection.signingClient();
            var r = client.send(CharityCalls.disburse(BigInteger.valueOf(campaign), beneficiary, coins(amount), hash,
                    uri), BigInteger.ZERO);
            out.println(only(client, r.getTransactionHash(), CharityEvent.Disbursed.class).disbursement());
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true, description = "Confirm that a disbursement arrived (its beneficiary): the delivery receipt. Prints the transaction hash.")
    static final class Confirm extends Action {
        @Option(names = "--disbursement", required = true)
        long disbursement;

        @Override
        void run() throws IOException {
            out.println(connection.signingClient().send(CharityCalls.confirmDelivery(BigInteger.valueOf(disbursement)),
                    BigInteger.ZERO).getTransactionHash());
        }
    }

    @Command(name = "refund", mixinStandardHelpOptions = true, description = "Take back your donations to a campaign that missed its goal. Prints the transaction hash.")
    static final class Refund extends Action {
        @Option(names = "--campaign", required = true)
        long campaign;

        @Override
        void run() throws IOException {
            out.println(
                    connection.signingClient().send(CharityCalls.refund(BigInteger.valueOf(campaign)), BigInteger.ZERO)
                            .getTransactionHash());
        }
    }

    @Command(name = "track", mixinStandardHelpOptions = true, description = "Where a donor's money went, first-in first-out: by donor address or by a donation's transaction hash.")
    static final class Track extends Action {
        @Parameters(paramLabel = "ADDRESS|TXHASH")
        String who;

        @Override
        void run() throws IOException {
            boolean address = who.matches("0x[0-9a-fA-F]{40}");
            if (!address && !who.matches("0x[0-9a-fA-F]{64}"))
                throw new IllegalArgumentException(who + " is neither an address nor a transaction hash");
            CharityClient client = connection.client();
            List<CharityEvent> events = client.events();
            FifoTrace trace = FifoTrace.of(events);
            Map<Long, Map<String, String>> names = new HashMap<>();
            for (CharityEvent e : events) {
                if (e instanceof CharityEvent.BeneficiaryAdded b)
                    names.computeIfAbsent(b.campaign(), c -> new HashMap<>()).put(b.beneficiary(), b.name());
            }
            Web3j web3j = Web3j.build(connection.service());
            List<FifoTrace.DonationTrace> found = address ? trace.of(who) : trace.ofTransaction(who);
            if (found.isEmpty()) out.println("No donation found for " + who + ".");
            for (FifoTrace.DonationTrace t : found) {
                List<String> pieces = new ArrayList<>();
                for (FifoTrace.Part p : t.parts()) {
                    String name = names.getOrDefault(t.campaign(), Map.of()).getOrDefault(p.beneficiary(),
                            p.beneficiary());
                    if (p.confirmed().isPresent()) {
                        var confirmed = p.confirmed().get();
                        long time = web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                                BigInteger.valueOf(confirmed.block())), false).send().getBlock().getTimestamp()
                                .longValueExact();
                        pieces.add(coins(p.amount()) + " delivered to " + name + " (confirmed by " + name + " on "
                                + Instant.ofEpochSecond(time) + ", transaction " + confirmed.transaction() + ")");
                    } else {
                        pieces.add(coins(p.amount()) + " pending for " + name);
                    }
                }
                if (t.held().signum() > 0) pieces.add(coins(t.held()) + " not yet disbursed");
                if (t.refunded().signum() > 0) pieces.add(coins(t.refunded()) + " refunded");
                out.println("Donation #" + t.donation() + " to campaign " + t.campaign() + " by " + t.donor()
                        + " (transaction " + t.position().transaction() + "): " + coins(t.amount()) + ": "
                        + String.join(", ", pieces) + ".");
            }
        }
    }

    @Command(name = "receipt", mixinStandardHelpOptions = true, description = "Write the proof of a donation, disbursement or delivery confirmation (its transaction) to a file that anyone checks offline with stele proof verify or the verify page.")
    static final class Receipt extends Action {
        @Parameters(paramLabel = "TXHASH")
        String txHash;

        @Option(names = {"-o", "--out"}, required = true, description = "The file to write.")
        Path file;

        @Override
        void run() throws IOException {
            if (!txHash.matches("0x[0-9a-fA-F]{64}"))
                throw new IllegalArgumentException(txHash + " is not a transaction hash");
            CharityClient client = connection.client();
            List<CharityEvent> events = eventsOf(client, txHash);
            if (events.isEmpty())
                throw new CharityException(
                        "transaction " + txHash + " recorded nothing in Charity " + client.contract());
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(client.proof(txHash)) + "\n");
            out.println("Wrote the receipt of " + txHash + " (" + events.stream()
                    .map(e -> e.getClass().getSimpleName()).distinct().reduce((a, b) -> a + ", " + b).orElseThrow()
                    + ") to " + file + "; check it with: stele proof verify " + file);
        }
    }

    /** The one event of this kind that a transaction emitted. */
    static <T extends CharityEvent> T only(CharityClient client, String txHash, Class<T> kind) throws IOException {
        return Action.eventsOf(client, txHash).stream().filter(kind::isInstance).map(kind::cast).findFirst()
                .orElseThrow(() -> new CharityException("transaction " + txHash + " emitted no "
                        + kind.getSimpleName().toLowerCase(Locale.ROOT)));
    }
}
