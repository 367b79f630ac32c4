package org.stele.rpc.web3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.stele.common.Hex;
import org.stele.common.crypto.CryptoSuite;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code web3_sha3}: the chain's hash of the given data (Keccak-256, or SM3 on an SM chain). */
public final class Web3Sha3 implements RpcMethod {
    private final CryptoSuite suite;

    public Web3Sha3(CryptoSuite suite) {
        this.suite = suite;
    }

    @Override
    public String name() {
        return "web3_sha3";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        return TextNode.valueOf(Hex.encode(suite.hash(params.data(0, "data").unsafeArray())));
    }
}
