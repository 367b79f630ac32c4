package org.stele.apps.identity.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.DidRegistry;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.ContractErrors;
import org.stele.apps.identity.vc.JsonRpc;
import org.stele.apps.identity.vc.VcException;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * Relays owners' signed registry changes from an operator's account, which pays the gas. A change is relayed when it
 * is a {@code *Signed} call ({@link SignedChange}), its identity and the relayer as a whole are within their rate
 * ({@link RateLimit}), and the registry runs it without reverting in an {@code eth_call} from the operator at the
 * head; otherwise it is refused with a {@link RelayRefusal} that names the registry's error. A relayed change is sent
 * as an EIP-1559 transaction and waited for until it is in a block. Nonces are handed out one after the other under a
 * lock, so concurrent relays do not collide; the wait for the block is outside it.
 */
public final class DidRelayer {
    /** The registry's custom errors, to name what it refuses. */
    public static final List<String> ERRORS = List.of("NotIdentityOwner(address,address)",
            "IdentityDeactivated(address)", "InvalidSignature(address)");
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);

    /** A relayed change: its transaction and the block it is in. */
    public record Relayed(String transaction, long block) {}

    private final JsonRpc rpc;
    private final KeyPair operator;
    private final Address operatorAddress;
    private final RateLimit rate;
    private final Duration wait;
    private final ContractErrors errors = new ContractErrors(ERRORS);
    private long chainId = -1;
    private long nextNonce = -1;

    /**
     * @param rpc the node's JSON-RPC
     * @param operator the account that sends the changes and pays their gas
     * @param wait how long to wait for a sent change to be in a block
     */
    public DidRelayer(JsonRpc rpc, KeyPair operator, RateLimit rate, Duration wait) {
        this.rpc = rpc;
        this.operator = operator;
        this.operatorAddress = SUITE.address(operator.publicKey());
        this.rate = rate;
        this.wait = wait;
    }

    public Address operator() {
        return operatorAddress;
    }

    /** What a client may want to know before relaying: the registry, the operator, the chain and the rates. */
    public ObjectNode config() {
        ObjectNode c = JsonNodeFactory.instance.objectNode().put("registry", DidRegistry.ADDRESS.toHex())
                .put("operator", operatorAddress.toHex()).put("chainId", chainId());
        RateLimit.Limits l = rate.limits();
        c.putObject("rate").put("burst", l.burst()).put("everySeconds", l.every().toMillis() / 1000.0)
                .put("allBurst", l.allBurst()).put("allEverySeconds", l.allEvery().toMillis() / 1000.0);
        return c;
    }

    /**
     * Relays a signed change.
     *
     * @throws RelayRefusal when it is not relayed, saying why
     */
    public Relayed relay(Bytes data) {
        SignedChange change = SignedChange.parse(data);
        rate.take(change.identity());
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("from", operatorAddress.toHex())
                .put("to", DidRegistry.ADDRESS.toHex()).put("data", data.toHex());
        long gas;
        try {
            rpc.call("eth_call", call, "latest");
            gas = Chain.quantity(rpc.call("eth_estimateGas", call)).longValueExact() * 3 / 2 + 20_000;
        } catch (VcException e) {
            String named = errors.explain(e.getMessage());
            if (named.equals(e.getMessage()) && !e.getMessage().contains("revert"))
                throw new RelayRefusal(RelayRefusal.Code.UNAVAILABLE, "the node cannot check the change: "
                        + e.getMessage());
            throw new RelayRefusal(RelayRefusal.Code.REGISTRY_REFUSES, "the registry refuses " + change.function()
                    + " of " + change.identity().toHex() + ": " + named);
        }
        String hash = send(data, gas);
        return new Relayed(hash, waitForBlock(hash));
    }

    private synchronized String send(Bytes data, long gas) {
        try {
            long pending = Chain.quantity(rpc.call("eth_getTransactionCount", operatorAddress.toHex(), "pending"))
                    .longValueExact();
            long nonce = Math.max(pending, nextNonce);
            JsonNode baseFee = rpc.call("eth_getBlockByNumber", "latest", false).get("baseFeePerGas");
            BigInteger maxFee = Chain.quantity(baseFee).multiply(BigInteger.TWO).add(TIP);
            var tx = new FeeMarketTransaction(BigInteger.valueOf(chainId()), nonce, TIP, maxFee, gas,
                    Optional.of(DidRegistry.ADDRESS), BigInteger.ZERO, data, List.of(), TransactionSignature.UNSIGNED)
                    .sign(operator, SUITE);
            String hash = rpc.call("eth_sendRawTransaction", Bytes.wrap(tx.encode()).toHex()).asText();
            nextNonce = nonce + 1;
            return hash;
        } catch (VcException e) {
            nextNonce = -1; // read the pool's count again next time
            throw new RelayRefusal(RelayRefusal.Code.UNAVAILABLE, "the relayer's account " + operatorAddress.toHex()
                    + " cannot send it: " + e.getMessage());
        }
    }

    private long waitForBlock(String hash) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode receipt;
            try {
                receipt = rpc.call("eth_getTransactionReceipt", hash);
            } catch (VcException e) {
                throw new RelayRefusal(RelayRefusal.Code.UNAVAILABLE, "sent as " + hash + ", but " + e.getMessage());
            }
            if (receipt != null && !receipt.isNull()) {
                long block = Chain.quantity(receipt.get("blockNumber")).longValueExact();
                if (!"0x1".equals(receipt.path("status").asText()))
                    throw new RelayRefusal(RelayRefusal.Code.REGISTRY_REFUSES, "transaction " + hash
                            + " reverted in block " + block + " (the registry changed since the check)");
                return block;
            }
            if (System.nanoTime() > deadline)
                throw new RelayRefusal(RelayRefusal.Code.UNAVAILABLE,
                        "transaction " + hash + " is not in a block after "
                                + wait.toSeconds() + " s");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayRefusal(RelayRefusal.Code.UNAVAILABLE, "the relayer is stopping; sent as " + hash);
            }
        }
    }

    private synchronized long chainId() {
        if (chainId < 0) chainId = Chain.quantity(rpc.call("eth_chainId")).longValueExact();
        return chainId;
    }
}
