package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;
import org.stele.state.AccountProof;
import org.stele.state.StorageProof;

/**
 * Reads of the world state at a block: {@code eth_getBalance}, {@code eth_getTransactionCount} (with {@code pending}
 * counting the pool), {@code eth_getCode}, {@code eth_getStorageAt} and {@code eth_getProof}.
 */
public final class StateMethods {
    private StateMethods() {
    }

    public static List<RpcMethod> all(EthBackend backend) {
        return List.of(RpcMethod.of("eth_getBalance", (p, session) -> {
            p.atMost(2);
            Address a = p.address(0, "address");
            var account = backend.stateAt(header(backend, p, 1)).account(a);
            return Quantity.of(account == null ? java.math.BigInteger.ZERO : account.balance());
        }), RpcMethod.of("eth_getTransactionCount", (p, session) -> {
            p.atMost(2);
            Address a = p.address(0, "address");
            BlockParameter block = p.block(1, "block");
            if (block instanceof BlockParameter.Tag t && t.name() == BlockParameter.TagName.PENDING) {
                return Quantity.ofUnsigned(backend.pool().nextNonce(a));
            }
            var account = backend.stateAt(header(backend, p, 1)).account(a);
            return Quantity.ofUnsigned(account == null ? 0 : account.nonce());
        }), RpcMethod.of("eth_getCode", (p, session) -> {
            p.atMost(2);
            Address a = p.address(0, "address");
            return TextNode.valueOf(backend.stateAt(header(backend, p, 1)).codeAt(a).toHex());
        }), RpcMethod.of("eth_getStorageAt", (p, session) -> {
            p.atMost(3);
            Address a = p.address(0, "address");
            Bytes32 slot = slot(p, 1);
            return TextNode.valueOf(backend.stateAt(header(backend, p, 2)).storage(a, slot).toHex());
        }), RpcMethod.of("eth_getProof", (p, session) -> {
            p.atMost(3);
            Address a = p.address(0, "address");
            JsonNode keysNode = p.required(1, "storage keys");
            if (!keysNode.isArray())
                throw JsonRpcException.invalidParams("invalid argument 1 (storage keys): want a list");
            List<Bytes32> keys = new ArrayList<>();
            for (int i = 0; i < keysNode.size(); i++) keys.add(slot(new Params((ArrayNode) keysNode), i));
            return proof(backend.stateAt(header(backend, p, 2)).proof(a, keys));
        }));
    }

    private static BlockHeader header(EthBackend backend, Params p, int i) {
        return Blocks.require(backend.blocks(), p.block(i, "block"));
    }

    /** A storage slot: clients send it as a quantity or as 32 bytes; both are a big-endian number. */
    private static Bytes32 slot(Params p, int i) {
        return p.word(i, "storage slot");
    }

    private static ObjectNode proof(AccountProof proof) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("address", proof.address().toHex());
        o.set("balance", Quantity.of(proof.account().balance()));
        o.put("codeHash", proof.account().codeHash().toHex());
        o.set("nonce", Quantity.ofUnsigned(proof.account().nonce()));
        o.put("storageHash", proof.account().storageRoot().toHex());
        ArrayNode accountProof = o.putArray("accountProof");
        for (Bytes node : proof.accountProof()) accountProof.add(node.toHex());
        ArrayNode storage = o.putArray("storageProof");
        for (StorageProof sp : proof.storageProofs()) {
            ObjectNode s = storage.addObject();
            s.put("key", sp.key().toHex());
            s.set("value", Quantity.of(new java.math.BigInteger(1, sp.value().unsafeArray())));
            ArrayNode nodes = s.putArray("proof");
            for (Bytes node : sp.proof()) nodes.add(node.toHex());
        }
        return o;
    }
}
