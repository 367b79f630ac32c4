package org.stele.node.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.chain.BaseFee;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;
import org.stele.rpc.eth.Calls;
import org.stele.rpc.eth.EthBackend;
import org.stele.txpool.TxPoolException;

/**
 * {@code eth_sendTransaction}, on the dev chain only: the node signs with one of its prefunded accounts, filling in
 * the nonce (after the sender's pending ones), the gas (estimated when absent) and EIP-1559 fees (twice the next
 * base fee plus the tip), as anvil and Hardhat do.
 */
final class EthSendTransaction implements RpcMethod {
    private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000);
    private final EthBackend backend;
    private final Calls calls;
    private final Map<Address, KeyPair> keys;

    EthSendTransaction(EthBackend backend, Calls calls, Map<Address, KeyPair> keys) {
        this.backend = backend;
        this.calls = calls;
        this.keys = keys;
    }

    @Override
    public String name() {
        return "eth_sendTransaction";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        Calls.CallRequest call = Calls.parse(params, 0);
        KeyPair key = keys.get(call.from());
        if (key == null) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "unknown account " + call.from().toHex()
                    + ": eth_sendTransaction signs only for the dev accounts (eth_accounts)");
        }
        var head = backend.blocks().head().orElseThrow();
        long gas = call.gas() != 0 ? call.gas() : calls.estimate(calls.next(head), call);
        BigInteger tip = call.maxPriorityFeePerGas() != null ? call.maxPriorityFeePerGas() : TIP;
        BigInteger maxFee = call.maxFeePerGas() != null
                ? call.maxFeePerGas()
                : call.gasPrice() != null ? call.gasPrice() : BaseFee.next(head).multiply(BigInteger.TWO).add(tip);
        List<AccessListEntry> accessList = call.accessList().stream()
                .map(e -> new AccessListEntry(e.address(), e.storageKeys())).toList();
        Transaction tx = new FeeMarketTransaction(BigInteger.valueOf(backend.chainId()),
                backend.pool().nextNonce(call.from()),
                tip.min(maxFee), maxFee, gas, Optional.ofNullable(call.to()), call.value(), call.data(), accessList,
                TransactionSignature.UNSIGNED).sign(key, Secp256k1KeccakSuite.instance());
        try {
            return TextNode.valueOf(backend.pool().add(tx, tx.hash(backend.suite()), call.from()).hash().toHex());
        } catch (TxPoolException e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage());
        }
    }
}
