package org.stele.node.devnode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * {@code eth_signTypedData_v4(address, typedData)}, on the dev chain only: the node signs EIP-712 typed data for one of
 * its prefunded accounts, as anvil and Hardhat do, so pages that sign permits and forward requests work on a dev chain
 * without a wallet. {@code typedData} is the JSON object or its text; the answer is 65 bytes r‖s‖v.
 */
final class EthSignTypedData implements RpcMethod {
    private final Map<Address, KeyPair> keys;

    EthSignTypedData(Map<Address, KeyPair> keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "eth_signTypedData_v4";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(2);
        Address account = params.address(0, "account");
        JsonNode data = params.required(1, "typedData");
        KeyPair key = keys.get(account);
        if (key == null)
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "unknown account " + account.toHex()
                    + ": eth_signTypedData_v4 signs only for the dev accounts (eth_accounts)");
        if (!(data.isTextual() || data.isObject()))
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "the second parameter must be EIP-712 typed data");
        byte[] digest;
        try {
            digest = new StructuredDataEncoder(data.isTextual() ? data.asText() : data.toString()).hashStructuredData();
        } catch (IOException | RuntimeException e) {
            throw new JsonRpcException(JsonRpcError.INVALID_PARAMS, "not EIP-712 typed data: " + e.getMessage());
        }
        Sign.SignatureData s = Sign.signMessage(digest, ECKeyPair.create(key.privateKey().toArray()), false);
        byte[] out = new byte[65];
        System.arraycopy(s.getR(), 0, out, 0, 32);
        System.arraycopy(s.getS(), 0, out, 32, 32);
        out[64] = s.getV()[0];
        return TextNode.valueOf(Numeric.toHexString(out));
    }
}
