package org.stele.node.gov;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.rpc.access.AccountToken;

/** The JSON-RPC calls {@code stele gov} makes: reads, calls, and signed transactions waited for until final. */
final class GovRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Duration wait;
    /** The account that signs the tokens of calls, for a node that wants them ({@code rpc-http-auth = account}). */
    private final KeyPair signer;
    private String bearer;

    GovRpc(URI endpoint, Duration wait) {
        this(endpoint, wait, null);
    }

    /** @param signer the key whose account token every call carries, or null for none */
    GovRpc(URI endpoint, Duration wait, KeyPair signer) {
        this.endpoint = endpoint;
        this.wait = wait;
        this.signer = signer;
    }

    /** An account token of the signer for this chain, good for ten minutes: the command's whole run. */
    private synchronized Optional<String> bearer() {
        if (signer == null) return Optional.empty();
        if (bearer == null) sign(java.time.Instant.now().getEpochSecond());
        return Optional.of(bearer);
    }

    private synchronized void sign(long issuedAt) {
        long chainId = quantity(send("eth_chainId", Optional.empty())).longValueExact();
        bearer = "Bearer " + AccountToken.sign(SUITE, signer, chainId, issuedAt, issuedAt + 600).encode();
    }

    JsonNode call(String method, Object... params) {
        try {
            return send(method, bearer(), params);
        } catch (Revoked e) {
            // The signer's tokens were revoked (by this very command, perhaps): one new token, issued after it.
            sign(Math.max(java.time.Instant.now().getEpochSecond(), e.upTo + 1));
            return send(method, bearer(), params);
        }
    }

    /** The node refused the token as revoked up to {@code upTo} ({@code Accounts.revokeTokens}). */
    private static final class Revoked extends GovException {
        final long upTo;

        Revoked(String message, long upTo) {
            super(message);
            this.upTo = upTo;
        }
    }

    private JsonNode send(String method, Optional<String> authorization, Object... params) {
        ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        ArrayNode p = body.putArray("params");
        for (Object o : params)
            p.add(JSON.valueToTree(o));
        HttpResponse<String> r;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            authorization.ifPresent(a -> request.header("authorization", a));
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GovException("cannot reach the node at " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GovException("interrupted");
        }
        JsonNode n;
        try {
            n = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new GovException(endpoint + " did not answer JSON-RPC (HTTP " + r.statusCode() + ")");
        }
        if (n.has("error")) {
            JsonNode err = n.get("error");
            if (err.path("data").has("tokensRevokedAt") && signer != null)
                throw new Revoked(method + ": " + err.path("message").asText(),
                        err.path("data").path("tokensRevokedAt").asLong());
            String data = err.has("data") ? " " + err.get("data").asText() : "";
            throw new GovException(method + ": " + err.path("message").asText() + data);
        }
        return n.get("result");
    }

    /** What {@code data} returns when called on {@code to} at the head. */
    Bytes ethCall(Address to, Bytes data) {
        ObjectNode tx = JSON.createObjectNode().put("to", to.toHex()).put("data", data.toHex());
        return Bytes.fromHex(call("eth_call", tx, "latest").asText());
    }

    /**
     * Signs a call of {@code data} on {@code to} with {@code key}, sends it, and waits for its receipt; answers the
     * receipt, or fails with the revert reason when it reverted.
     */
    JsonNode transact(KeyPair key, Address to, Bytes data) {
        Address from = SUITE.address(key.publicKey());
        ObjectNode request = JSON.createObjectNode().put("from", from.toHex()).put("to", to.toHex()).put("data",
                data.toHex());
        long gas = quantity(call("eth_estimateGas", request)).longValueExact() * 3 / 2 + 50_000;
        long chainId = quantity(call("eth_chainId")).longValueExact();
        long nonce = quantity(call("eth_getTransactionCount", from.toHex(), "pending")).longValueExact();
        BigInteger tip = BigInteger.valueOf(1_000_000_000L);
        BigInteger baseFee = quantity(call("eth_getBlockByNumber", "latest", false).get("baseFeePerGas"));
        BigInteger maxFee = baseFee.multiply(BigInteger.TWO).add(tip);
        Transaction tx = new FeeMarketTransaction(BigInteger.valueOf(chainId), nonce, tip, maxFee, gas,
                Optional.of(to), BigInteger.ZERO, data, List.of(), TransactionSignature.UNSIGNED).sign(key, SUITE);
        String hash = call("eth_sendRawTransaction", Bytes.wrap(tx.encode()).toHex()).asText();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode receipt = call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull())
                return receipt;
            if (System.nanoTime() > deadline)
                throw new GovException("transaction " + hash + " is not in a block after " + wait.toSeconds()
                        + " s; look it up later with eth_getTransactionReceipt");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GovException("interrupted while waiting for " + hash);
            }
        }
    }

    JsonNode logs(List<Address> addresses) {
        ObjectNode filter = JSON.createObjectNode().put("fromBlock", "0x0").put("toBlock", "latest");
        ArrayNode a = filter.putArray("address");
        addresses.forEach(x -> a.add(x.toHex()));
        return call("eth_getLogs", filter);
    }

    static BigInteger quantity(JsonNode n) {
        if (n == null || n.isNull())
            return BigInteger.ZERO;
        String s = n.asText();
        return new BigInteger(s.startsWith("0x") ? s.substring(2) : s, 16);
    }
}
