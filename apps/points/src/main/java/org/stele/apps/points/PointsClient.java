package org.stele.apps.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stele.apps.points.PointsEvent.Position;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * A PointsToken on a node, over JSON-RPC. Each transaction is first run as {@code eth_call}, so a refusal is reported
 * by its custom error before anything is sent. Transfers can also go gas-free: signed here as a forward request and
 * handed to a relayer ({@link #relay}).
 */
public final class PointsClient {
    private static final BigInteger CALL_GAS = BigInteger.valueOf(500_000);
    private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(6_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final NodeRpc node;
    private final Sender sender;
    private final String token;
    private String forwarder;

    /** @param sender signs what {@link #send} sends; null for a client that only reads */
    public PointsClient(NodeRpc node, Sender sender, String token) {
        this.node = node;
        this.sender = sender;
        this.token = token.toLowerCase(Locale.ROOT);
    }

    /** A mined transaction and the application's events in it. */
    public record Receipt(String transaction, long block, List<PointsEvent> events) {}

    public String token() {
        return token;
    }

    /** The token's trusted forwarder, read from the token. */
    public String forwarder() throws IOException {
        if (forwarder == null) forwarder = "0x" + node.ethCall(null, token, "0x7da0a877").substring(26);
        return forwarder;
    }

    /** Deploys a forwarder and a token trusting it; the sender holds every role of the token. */
    public static PointsClient deploy(NodeRpc node, Sender sender, String name, String symbol) throws IOException {
        String forwarder = create(node, sender, PointsCalls.deployForwarder());
        return new PointsClient(node, sender, create(node, sender, PointsCalls.deployToken(name, symbol, forwarder)));
    }

    private static String create(NodeRpc node, Sender sender, String data) throws IOException {
        JsonNode receipt = mine(node, transmit(node, sender, null, data, DEPLOY_GAS));
        return receipt.get("contractAddress").asText();
    }

    /** Sends {@code data} to the token and answers the mined receipt, or throws naming the refusal. */
    public Receipt send(String data) throws IOException {
        if (sender == null) throw new PointsException("this client has no signer: it only reads");
        try {
            node.ethCall(sender.address(), token, data);
        } catch (NodeRpc.NodeError e) {
            throw new PointsException("refused: " + PointsContracts.ERRORS.decode(e.data()).map(Object::toString)
                    .orElse(e.getMessage()));
        }
        JsonNode receipt = mine(node, transmit(node, sender, token, data, CALL_GAS));
        return new Receipt(receipt.get("transactionHash").asText(), Long.decode(receipt.get("blockNumber").asText()),
                decode(receipt.get("logs")));
    }

    public BigInteger balance(String holder) throws IOException {
        return Numeric.toBigInt(node.ethCall(null, token, PointsCalls.balanceOf(holder)));
    }

    /** The holder's next forward-request nonce at the forwarder. */
    public BigInteger forwarderNonce(String holder) throws IOException {
        return Numeric.toBigInt(node.ethCall(null, forwarder(), ForwardRequest.nonces(holder)));
    }

    /** Every event of the token and its forwarder, decoded, in chain order. */
    public List<PointsEvent> events() throws IOException {
        ObjectNode filter = JSON.createObjectNode().put("fromBlock", "0x0").put("toBlock", "latest");
        filter.putArray("address").add(token).add(forwarder());
        List<PointsEvent> events = new ArrayList<>();
        for (JsonNode log : node.call("eth_getLogs", filter)) decodeLog(log, events);
        events.sort((a, b) -> Position.CHAIN_ORDER.compare(a.position(), b.position()));
        return events;
    }

    /** What happened to {@code holder}'s points: issued to it, sent, received, redeemed; in chain order. */
    public List<PointsEvent> history(String holder) throws IOException {
        String h = holder.toLowerCase(Locale.ROOT);
        return events().stream().filter(e -> switch (e) {
            case PointsEvent.Transfer t -> (t.from().equals(h) || t.to().equals(h))
                    && !t.from().equals(zero()) && !t.to().equals(zero());
            case PointsEvent.Issued i -> i.holder().equals(h);
            case PointsEvent.Redeemed r -> r.holder().equals(h) || r.merchant().equals(h);
            default -> false;
        }).toList();
    }

    /** A forward request from the key's account to call {@code data} on the token, valid for {@code validFor}. */
    public ForwardRequest.Signed signRequest(ECKeyPair key, String data, Duration validFor) throws IOException {
        String from = "0x" + org.web3j.crypto.Keys.getAddress(key);
        long now = Long.decode(node.call("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
        return new ForwardRequest(from, token, BigInteger.ZERO, BigInteger.valueOf(120_000), forwarderNonce(from),
                now + validFor.toSeconds(), data).sign(key, node.chainId(), forwarder());
    }

    /**
     * Hands a signed request to the relayer at {@code relayerUrl}; answers once mined, or throws its one-line error.
     */
    public static Relayer.Relayed relay(String relayerUrl, ForwardRequest.Signed signed) throws IOException {
        return relay(HTTP, relayerUrl, signed);
    }

    /** As {@link #relay(String, ForwardRequest.Signed)}, over the caller's HTTP client (its timeouts, its pool). */
    public static Relayer.Relayed relay(HttpClient http, String relayerUrl, ForwardRequest.Signed signed)
            throws IOException {
        ObjectNode body = JSON.createObjectNode().put("signature", signed.signature());
        ForwardRequest r = signed.request();
        body.putObject("request").put("from", r.from()).put("to", r.to()).put("value", r.value().toString())
                .put("gas", r.gas().toString()).put("nonce", r.nonce().toString()).put("deadline", r.deadline())
                .put("data", r.data());
        HttpResponse<String> resp;
        try {
            resp = http.send(HttpRequest.newBuilder(URI.create(relayerUrl.replaceAll("/+$", "") + "/relay"))
                    .timeout(Duration.ofSeconds(150)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IllegalArgumentException e) {
            throw new PointsException("not a relayer URL: " + relayerUrl);
        } catch (IOException e) {
            throw new PointsException("the relayer at " + relayerUrl + " cannot be reached (" + e + ")");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(resp.body());
        } catch (IOException e) {
            throw new PointsException("the relayer answered HTTP " + resp.statusCode() + " without JSON");
        }
        if (resp.statusCode() != 200)
            throw new PointsException("the relayer refused: " + answer.path("error").path("code").asText("HTTP "
                    + resp.statusCode()) + ": " + answer.path("error").path("message").asText());
        return new Relayer.Relayed(answer.get("transaction").asText(), answer.get("block").asLong(), true);
    }

    private static String zero() {
        return "0x0000000000000000000000000000000000000000";
    }

    private static List<PointsEvent> decode(JsonNode logs) {
        List<PointsEvent> events = new ArrayList<>();
        for (JsonNode log : logs) decodeLog(log, events);
        return events;
    }

    private static void decodeLog(JsonNode log, List<PointsEvent> into) {
        List<String> topics = new ArrayList<>();
        log.get("topics").forEach(t -> topics.add(t.asText()));
        PointsEvents.decode(new Position(Long.decode(log.get("blockNumber").asText()),
                Long.decode(log.get("logIndex").asText()), log.get("transactionHash").asText()), topics,
                log.get("data").asText()).ifPresent(into::add);
    }

    private static String transmit(NodeRpc node, Sender sender, String to, String data, BigInteger gas)
            throws IOException {
        try {
            return switch (sender) {
                case Sender.NodeAccount a -> {
                    ObjectNode tx = JSON.createObjectNode().put("from", a.address()).put("data", data)
                            .put("gas", Numeric.toHexStringWithPrefix(gas));
                    if (to != null) tx.put("to", to);
                    yield node.call("eth_sendTransaction", tx).asText();
                }
                case Sender.Key k -> {
                    long chainId = node.chainId();
                    BigInteger nonce = Numeric.toBigInt(node.call("eth_getTransactionCount", k.address(), "pending")
                            .asText());
                    BigInteger price = Numeric.toBigInt(node.call("eth_gasPrice").asText());
                    RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, gas, to == null ? "" : to,
                            BigInteger.ZERO, data, price.min(BigInteger.valueOf(1_000_000_000)),
                            price.multiply(BigInteger.TWO).add(BigInteger.valueOf(1_000_000_000)));
                    yield node.call("eth_sendRawTransaction",
                            Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, k.credentials()))).asText();
                }
            };
        } catch (NodeRpc.NodeError e) {
            throw new PointsException("the node refused the transaction: " + e.getMessage());
        }
    }

    private static JsonNode mine(NodeRpc node, String hash) throws IOException {
        for (int i = 0; i < 1200; i++) {
            JsonNode receipt = node.call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull()) {
                if (!"0x1".equals(receipt.path("status").asText()))
                    throw new PointsException("transaction " + hash + " failed");
                return receipt;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + hash);
            }
        }
        throw new PointsException("no receipt for " + hash + " in a minute");
    }
}
