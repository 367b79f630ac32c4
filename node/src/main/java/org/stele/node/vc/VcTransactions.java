package org.stele.node.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.RpcErrorAnswer;
import org.stele.apps.identity.vc.VcException;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * Signed calls of the identity contracts from the command line: estimated (a refusal surfaces there, named by its
 * custom error), signed here with the user's key, sent, and waited for until in a block.
 */
public final class VcTransactions {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private final Chain chain;
    private final Duration wait;

    public VcTransactions(Chain chain, Duration wait) {
        this.chain = chain;
        this.wait = wait;
    }

    /** Sends {@code data} to {@code to} signed by {@code key}; answers the receipt of the mined transaction. */
    public JsonNode transact(KeyPair key, Address to, Bytes data) {
        Address from = SUITE.address(key.publicKey());
        ObjectNode request = Jws.JSON.createObjectNode().put("from", from.toHex()).put("to", to.toHex())
                .put("data", data.toHex());
        long gas;
        try {
            gas = Chain.quantity(chain.rpc().call("eth_estimateGas", request)).longValueExact() * 3 / 2 + 30_000;
        } catch (RpcErrorAnswer e) {
            // the node ran the call and answered an error: a refusal, named by its custom error; a node that cannot
            // be reached is said as such by the exception itself
            throw new VcException("refused: " + chain.errors().explain(e.getMessage()));
        }
        long chainId = chain.chainId();
        long nonce = Chain.quantity(chain.rpc().call("eth_getTransactionCount", from.toHex(), "pending"))
                .longValueExact();
        BigInteger tip = BigInteger.valueOf(1_000_000_000L);
        BigInteger baseFee = Chain.quantity(chain.rpc().call("eth_getBlockByNumber", "latest", false)
                .get("baseFeePerGas"));
        Transaction tx = new FeeMarketTransaction(BigInteger.valueOf(chainId), nonce, tip,
                baseFee.multiply(BigInteger.TWO).add(tip), gas, Optional.of(to), BigInteger.ZERO, data, List.of(),
                TransactionSignature.UNSIGNED).sign(key, SUITE);
        String hash = chain.rpc().call("eth_sendRawTransaction", Bytes.wrap(tx.encode()).toHex()).asText();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode receipt = chain.rpc().call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull()) {
                if (Chain.quantity(receipt.get("status")).signum() == 0)
                    throw new VcException("transaction " + hash + " failed in block "
                            + Chain.quantity(receipt.get("blockNumber")));
                return receipt;
            }
            if (System.nanoTime() > deadline)
                throw new VcException("transaction " + hash + " is not in a block after " + wait.toSeconds() + " s");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VcException("interrupted while waiting for " + hash);
            }
        }
    }
}
