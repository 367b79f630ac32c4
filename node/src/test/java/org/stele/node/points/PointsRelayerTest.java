package org.stele.node.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.apps.points.ForwardRequest;
import org.stele.apps.points.NodeRpc;
import org.stele.apps.points.PointsCalls;
import org.stele.apps.points.PointsClient;
import org.stele.apps.points.PointsEvent;
import org.stele.apps.points.RelayRefusal;
import org.stele.apps.points.Relayer;
import org.stele.apps.points.RelayerServer;
import org.stele.apps.points.Sender;
import org.stele.apps.points.TokenBucket;
import org.stele.node.devnode.TestDevNode;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** The points SDK and the relayer against a dev node in this process: real blocks, real receipts, real HTTP. */
class PointsRelayerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private TestDevNode node;
    private NodeRpc rpc;
    private List<String> dev;
    private PointsClient admin;
    private Relayer relayer;
    private RelayerServer server;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("chain"), 3);
        rpc = new NodeRpc(node.rpc());
        dev = node.addresses();
        admin = PointsClient.deploy(rpc, new Sender.NodeAccount(dev.get(0)), "Paw Points", "PAW");
        admin.send(PointsCalls.setIssuerCap(dev.get(0), BigInteger.valueOf(1_000_000)));
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (relayer != null) relayer.close();
        if (node != null) node.close();
    }

    private Credentials operator() {
        return Credentials.create(Numeric.toHexString(node.accounts().get(1).key().privateKey().toArray()));
    }

    private void startRelayer(TokenBucket limits) throws Exception {
        relayer = new Relayer(rpc, operator(), Relayer.Config.of(admin.token(), admin.forwarder()), limits);
        server = new RelayerServer(relayer, "127.0.0.1", 0, "*");
    }

    private static TokenBucket generous() {
        return new TokenBucket(1000, 1000, InstantSource.system());
    }

    private static ECKeyPair holder(int i) {
        return ECKeyPair.create(BigInteger.valueOf(0x5eed_0000L + i));
    }

    private static String address(ECKeyPair key) {
        return "0x" + Keys.getAddress(key);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/relay"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHolderWithNoCoinSendsPointsThroughTheRelayerWhichPaysTheGas() throws Exception {
        startRelayer(generous());
        ECKeyPair alice = holder(1);
        String bob = address(holder(2));
        admin.send(PointsCalls.issue(address(alice), BigInteger.valueOf(100), "adoption #1"));
        BigInteger before = Numeric.toBigInt(rpc.call("eth_getBalance", dev.get(1), "latest").asText());

        var signed = admin.signRequest(alice, PointsCalls.transfer(bob, BigInteger.valueOf(30)), Duration.ofMinutes(5));
        Relayer.Relayed done = PointsClient.relay(server.url(), signed);

        assertThat(admin.balance(address(alice))).isEqualTo(BigInteger.valueOf(70));
        assertThat(admin.balance(bob)).isEqualTo(BigInteger.valueOf(30));
        assertThat(Numeric.toBigInt(rpc.call("eth_getBalance", address(alice), "latest").asText())).isZero();
        assertThat(Numeric.toBigInt(rpc.call("eth_getBalance", dev.get(1), "latest").asText())).isLessThan(before);
        assertThat(admin.history(bob)).singleElement().isInstanceOfSatisfying(PointsEvent.Transfer.class,
                t -> assertThat(t.position().transaction()).isEqualTo(done.transaction()));
    }

    @Test
    void theRelayerRefusesWhatWouldRevertNamingTheTokensErrorAndSendsNothing() throws Exception {
        startRelayer(generous());
        ECKeyPair alice = holder(3);
        admin.send(PointsCalls.issue(address(alice), BigInteger.valueOf(5), "x"));
        long nonceBefore = Long.decode(rpc.call("eth_getTransactionCount", dev.get(1), "latest").asText());

        var tooMuch = admin.signRequest(alice, PointsCalls.transfer(dev.get(2), BigInteger.valueOf(6)),
                Duration.ofMinutes(5));
        HttpResponse<String> answer = post(body(tooMuch));

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(answer.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("WouldRevert");
        assertThat(error.get("message").asText()).isEqualTo("the token would refuse it: ERC20InsufficientBalance("
                + address(alice) + ", 5, 6)");
        assertThat(Long.decode(rpc.call("eth_getTransactionCount", dev.get(1), "latest").asText()))
                .isEqualTo(nonceBefore);

        var forged = new ForwardRequest.Signed(new ForwardRequest(address(alice), admin.token(), BigInteger.ZERO,
                BigInteger.valueOf(100_000), BigInteger.ZERO, tooMuch.request().deadline(),
                PointsCalls.transfer(dev.get(2), BigInteger.ONE)), tooMuch.signature());
        assertThatThrownBy(() -> relayer.relay(forged)).isInstanceOfSatisfying(RelayRefusal.class, r -> {
            assertThat(r.code()).isEqualTo("ForwarderRefused");
            assertThat(r.getMessage()).startsWith("the forwarder refuses the request: ERC2771ForwarderInvalidSigner(");
        });
        var elsewhere = new ForwardRequest(address(alice), admin.forwarder(), BigInteger.ZERO, BigInteger.ONE,
                BigInteger.ZERO, 1, "0x");
        assertThatThrownBy(() -> relayer.relay(elsewhere.sign(alice, 1, admin.forwarder())))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> assertThat(r.code()).isEqualTo("WrongTarget"));
    }

    @Test
    void aSignerOverItsRateIsRefusedWith429UntilItsBucketRefills() throws Exception {
        MutableClock clock = new MutableClock();
        startRelayer(new TokenBucket(2, 0.5, clock));
        ECKeyPair alice = holder(4);
        admin.send(PointsCalls.issue(address(alice), BigInteger.valueOf(10), "x"));
        String to = dev.get(2);
        for (int i = 0; i < 2; i++)
            PointsClient.relay(server.url(), admin.signRequest(alice, PointsCalls.transfer(to, BigInteger.ONE),
                    Duration.ofMinutes(5)));

        HttpResponse<String> third = post(body(admin.signRequest(alice, PointsCalls.transfer(to, BigInteger.ONE),
                Duration.ofMinutes(5))));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(third.body()).at("/error/message").asText())
                .isEqualTo(address(alice)
                        + " is sending too fast: at most 2 at once and 0.5 a second; try again in 2.0 s");
        // Another signer is not held back by Alice's rate.
        ECKeyPair bob = holder(5);
        admin.send(PointsCalls.issue(address(bob), BigInteger.valueOf(1), "x"));
        PointsClient.relay(server.url(),
                admin.signRequest(bob, PointsCalls.transfer(to, BigInteger.ONE), Duration.ofMinutes(5)));

        clock.advance(Duration.ofSeconds(2));
        PointsClient.relay(server.url(), admin.signRequest(alice, PointsCalls.transfer(to, BigInteger.ONE),
                Duration.ofMinutes(5)));
        assertThat(admin.balance(address(alice))).isEqualTo(BigInteger.valueOf(7));
    }

    @Test
    void concurrentRequestsFromManyHoldersAreBatchedAndTheOperatorsNoncesHaveNoGap() throws Exception {
        startRelayer(generous());
        int holders = 40;
        List<ECKeyPair> keys = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            keys.add(holder(100 + i));
            admin.send(PointsCalls.issue(address(keys.get(i)), BigInteger.valueOf(3), "x"));
        }
        long nonceBefore = Long.decode(rpc.call("eth_getTransactionCount", dev.get(1), "latest").asText());
        String sink = dev.get(2);
        List<CompletableFuture<Relayer.Relayed>> all = new ArrayList<>();
        for (ECKeyPair k : keys) {
            var signed = admin.signRequest(k, PointsCalls.transfer(sink, BigInteger.TWO), Duration.ofMinutes(5));
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return PointsClient.relay(server.url(), signed);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();

        assertThat(admin.balance(sink)).isEqualTo(BigInteger.valueOf(2L * holders));
        long sent = relayer.batches();
        assertThat(sent).isLessThan(holders);
        long latest = Long.decode(rpc.call("eth_getTransactionCount", dev.get(1), "latest").asText());
        long pending = Long.decode(rpc.call("eth_getTransactionCount", dev.get(1), "pending").asText());
        assertThat(latest - nonceBefore).isEqualTo(sent);
        assertThat(pending).isEqualTo(latest);
    }

    @Test
    void nodeCallsMadeTogetherShareHttpExchangesAndEachGetsItsOwnAnswerOrRevert() throws Exception {
        int holders = 20;
        for (int i = 0; i < holders; i++)
            admin.send(PointsCalls.issue(address(holder(300 + i)), BigInteger.valueOf(i + 1), "x"));
        long callsBefore = rpc.calls();
        long exchangesBefore = rpc.exchanges();
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 10; round++)
                for (int i = 0; i < holders; i++) {
                    String who = address(holder(300 + i));
                    boolean reverting = i == 7;
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            // A transfer of more than the holder has reverts with the token's custom error.
                            return reverting
                                    ? rpc.ethCallAsContract(admin.forwarder(), admin.token(),
                                            PointsCalls.transfer(dev.get(2), BigInteger.valueOf(1000))
                                                    + who.substring(2))
                                    : Numeric.toBigInt(rpc.ethCall(null, admin.token(), PointsCalls.balanceOf(who)));
                        } catch (NodeRpc.NodeError e) {
                            return e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, threads));
                }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        }

        for (int k = 0; k < answers.size(); k++) {
            int i = k % holders;
            Object answer = answers.get(k).get();
            if (i == 7)
                assertThat(answer).isInstanceOfSatisfying(NodeRpc.NodeError.class,
                        e -> assertThat(e.data()).startsWith("0x"));
            else
                assertThat(answer).isEqualTo(BigInteger.valueOf(i + 1));
        }
        // The admin's client shares this NodeRpc (its receipt polls count too): fewer exchanges than calls all the
        // same.
        long calls = rpc.calls() - callsBefore;
        assertThat(calls).isGreaterThanOrEqualTo(10L * holders);
        assertThat(rpc.exchanges() - exchangesBefore).isLessThan(calls);
    }

    @Test
    void aSignersNextRequestsAreCheckedOnTheStateItsRequestsInFlightLeaveAndRunInNonceOrder() throws Exception {
        // A long batching window keeps the first requests in flight (queued, not yet sent) while the later are checked.
        relayer = new Relayer(rpc, operator(), new Relayer.Config(admin.token(), admin.forwarder(),
                BigInteger.valueOf(300_000), 100, Duration.ofMillis(1500), 1000, Duration.ofSeconds(30)), generous());
        ECKeyPair alice = holder(6);
        String bob = address(holder(7));
        admin.send(PointsCalls.issue(address(alice), BigInteger.TEN, "x"));
        long nonceBefore = Long.decode(rpc.call("eth_getTransactionCount", dev.get(1), "latest").asText());
        List<CompletableFuture<Relayer.Relayed>> sent = new ArrayList<>();
        for (int n = 0; n < 5; n++) sent.add(relayer.submit(transfer(alice, n, bob, 2)));

        assertThatThrownBy(() -> relayer.submit(transfer(alice, 5, bob, 1)))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo("WouldRevert");
                    assertThat(r.getMessage()).isEqualTo("the token would refuse it once the 5 requests of "
                            + address(alice) + " in flight have run (or it would run out of its 100000 gas)");
                });
        assertThatThrownBy(() -> relayer.submit(transfer(alice, 3, bob, 0)))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> assertThat(r.getMessage()).isEqualTo("nonce 3 of "
                        + address(alice) + " is already in flight; its next request is nonce 5"));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();

        assertThat(admin.balance(address(alice))).isZero();
        assertThat(admin.balance(bob)).isEqualTo(BigInteger.TEN);
        assertThat(sent.stream().map(f -> f.join().transaction()).distinct()).hasSize(1);
        assertThat(Long.decode(rpc.call("eth_getTransactionCount", dev.get(1), "latest").asText()))
                .isEqualTo(nonceBefore + 1);
        // Mined, they are no longer in flight: the next nonce is checked on the chain's state alone.
        assertThatThrownBy(() -> relayer.submit(transfer(alice, 5, bob, 1)))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> assertThat(r.getMessage()).isEqualTo(
                        "the token would refuse it: ERC20InsufficientBalance(" + address(alice) + ", 0, 1)"));
    }

    @Test
    void aRequestThatArrivesBeforeItsPredecessorWaitsForItAndAGapIsRefused() throws Exception {
        relayer = new Relayer(rpc, operator(), new Relayer.Config(admin.token(), admin.forwarder(),
                BigInteger.valueOf(300_000), 100, Duration.ofMillis(20), 1000, Duration.ofSeconds(3)), generous());
        server = new RelayerServer(relayer, "127.0.0.1", 0, "*");
        ECKeyPair alice = holder(8);
        String bob = address(holder(9));
        admin.send(PointsCalls.issue(address(alice), BigInteger.TEN, "x"));
        var second = CompletableFuture.supplyAsync(() -> {
            try {
                return PointsClient.relay(server.url(), transfer(alice, 1, bob, 3));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(second).isNotDone();
        Relayer.Relayed first = PointsClient.relay(server.url(), transfer(alice, 0, bob, 4));

        assertThat(second.get().block()).isGreaterThanOrEqualTo(first.block());
        assertThat(admin.balance(bob)).isEqualTo(BigInteger.valueOf(7));
        long started = System.nanoTime();
        assertThatThrownBy(() -> relayer.relay(transfer(alice, 3, bob, 1)))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> assertThat(r.getMessage()).isEqualTo("nonce 3 is not "
                        + address(alice) + "'s next request (2); sign again with nonce 2"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    private ForwardRequest.Signed transfer(ECKeyPair from, long nonce, String to, long points) throws Exception {
        long deadline = Long.decode(rpc.call("eth_getBlockByNumber", "latest", false).get("timestamp").asText()) + 600;
        return new ForwardRequest(address(from), admin.token(), BigInteger.ZERO, BigInteger.valueOf(100_000),
                BigInteger.valueOf(nonce), deadline, PointsCalls.transfer(to, BigInteger.valueOf(points)))
                .sign(from, rpc.chainId(), admin.forwarder());
    }

    @Test
    void theRelayerAnswersBadInputWithOneLineJsonErrors() throws Exception {
        startRelayer(generous());
        HttpResponse<String> notJson = post("{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).at("/error/code").asText()).isEqualTo("BadJson");
        HttpResponse<String> missing = post("{\"request\": {\"from\": \"0x12\"}, \"signature\": \"0x\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).at("/error/message").asText()).isEqualTo("\"to\" must be a string");
        HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + "/relay/config")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode c = JSON.readTree(config.body());
        assertThat(config.headers().firstValue("access-control-allow-origin")).contains("*");
        assertThat(c.get("token").asText()).isEqualTo(admin.token());
        assertThat(c.at("/domain/name").asText()).isEqualTo("PointsForwarder");
    }

    @Test
    void tooLargeBodiesUnknownPathsAndPreflightsGetTheRelayersOwnAnswers() throws Exception {
        startRelayer(generous());
        HttpResponse<String> large = post("{\"pad\": \"" + "x".repeat(70_000) + "\"}");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(large.body()).at("/error/code").asText()).isEqualTo("TooLarge");
        HttpResponse<String> elsewhere = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + "/other")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(elsewhere.body()).at("/error/code").asText()).isEqualTo("NotFound");
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + "/relay")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).contains("GET, POST, OPTIONS");
        assertThat(preflight.headers().firstValue("access-control-allow-headers")).contains("content-type");
    }

    @Test
    void requestsPipelinedOnOneConnectionAreAnsweredInTheirOrder() throws Exception {
        startRelayer(generous());
        ECKeyPair alice = holder(10);
        admin.send(PointsCalls.issue(address(alice), BigInteger.TEN, "x"));
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("signature", "0x")
                .set("request", JSON.valueToTree(java.util.Map.of())));
        var signed = transfer(alice, 0, address(holder(11)), 2);
        ObjectNode relay = JSON.createObjectNode().put("signature", signed.signature());
        relay.putObject("request").put("from", signed.request().from()).put("to", signed.request().to())
                .put("value", "0").put("gas", signed.request().gas().toString()).put("nonce", "0")
                .put("deadline", signed.request().deadline()).put("data", signed.request().data());
        String mined = relay.toString();
        URI at = URI.create(server.url());
        try (var socket = new java.net.Socket(at.getHost(), at.getPort())) {
            // The transfer is answered once mined, the bad request at once: its answer must still come second.
            String both = "POST /relay HTTP/1.1\r\nHost: x\r\nContent-Length: " + mined.length() + "\r\n\r\n" + mined
                    + "POST /relay HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            socket.getOutputStream().write(both.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(readAnswer(in)).startsWith("200 ").contains("\"transaction\"");
            assertThat(readAnswer(in)).startsWith("400 ").contains("BadRequest");
        }
    }

    /** One HTTP/1.1 answer: its status code, a space, and its body. */
    private static String readAnswer(java.io.BufferedReader in) throws Exception {
        String status = in.readLine();
        int length = 0;
        for (String h; !(h = in.readLine()).isEmpty();)
            if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                length = Integer.parseInt(h.substring(15).trim());
        char[] body = new char[length];
        for (int read = 0; read < length;) read += in.read(body, read, length - read);
        return status.substring(9, 13) + new String(body);
    }

    @Test
    void theDevNodeSignsTypedDataForItsAccountsAsTheSdkDoes() throws Exception {
        ForwardRequest request = new ForwardRequest(dev.get(2), admin.token(), BigInteger.ZERO,
                BigInteger.valueOf(120_000), BigInteger.ZERO, 1_900_000_000L,
                PointsCalls.transfer(dev.get(1), BigInteger.TEN));
        ObjectNode typed = JSON.createObjectNode();
        ObjectNode types = typed.putObject("types");
        types.putArray("EIP712Domain").add(field("name", "string")).add(field("version", "string"))
                .add(field("chainId", "uint256")).add(field("verifyingContract", "address"));
        types.putArray("ForwardRequest").add(field("from", "address")).add(field("to", "address"))
                .add(field("value", "uint256")).add(field("gas", "uint256")).add(field("nonce", "uint256"))
                .add(field("deadline", "uint48")).add(field("data", "bytes"));
        typed.put("primaryType", "ForwardRequest");
        typed.putObject("domain").put("name", "PointsForwarder").put("version", "1").put("chainId", rpc.chainId())
                .put("verifyingContract", admin.forwarder());
        typed.putObject("message").put("from", request.from()).put("to", request.to()).put("value", "0")
                .put("gas", "120000").put("nonce", "0").put("deadline", request.deadline()).put("data", request.data());

        String signature = rpc.call("eth_signTypedData_v4", dev.get(2), typed).asText();

        ECKeyPair key = ECKeyPair.create(node.accounts().get(2).key().privateKey().toArray());
        assertThat(signature).isEqualTo(request.sign(key, rpc.chainId(), admin.forwarder()).signature());
        assertThatThrownBy(() -> rpc.call("eth_signTypedData_v4", address(holder(9)), typed))
                .hasMessageContaining("signs only for the dev accounts");
    }

    private static ObjectNode field(String name, String type) {
        return JSON.createObjectNode().put("name", name).put("type", type);
    }

    private static String body(ForwardRequest.Signed s) {
        ObjectNode b = JSON.createObjectNode().put("signature", s.signature());
        ForwardRequest r = s.request();
        b.putObject("request").put("from", r.from()).put("to", r.to()).put("value", "0").put("gas", r.gas().toString())
                .put("nonce", r.nonce().toString()).put("deadline", r.deadline()).put("data", r.data());
        return b.toString();
    }

    /** A clock the test moves. */
    static final class MutableClock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

}
