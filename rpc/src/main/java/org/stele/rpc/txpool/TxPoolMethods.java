package org.stele.rpc.txpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.rpc.SimpleMethod;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.eth.EthJson;
import org.stele.rpc.eth.Quantity;
import org.stele.txpool.PooledTransaction;
import org.stele.txpool.TransactionPool;

/** {@code txpool_status} (counts) and {@code txpool_content} (transactions by sender and nonce). */
public final class TxPoolMethods {
    private TxPoolMethods() {
    }

    public static List<RpcMethod> all(TransactionPool pool, EthJson json) {
        return List.of(new SimpleMethod("txpool_status", () -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set("pending", Quantity.of(pool.pendingCount()));
            o.set("queued", Quantity.of(pool.queuedCount()));
            return o;
        }), new SimpleMethod("txpool_content", () -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set("pending", bySender(pool.pending(), json));
            o.set("queued", bySender(pool.queued(), json));
            return o;
        }));
    }

    private static JsonNode bySender(Map<Address, List<PooledTransaction>> txs, EthJson json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        txs.forEach((sender, list) -> {
            ObjectNode byNonce = o.putObject(sender.toChecksumHex());
            for (PooledTransaction p : list) {
                byNonce.set(Long.toUnsignedString(p.nonce()), json.transaction(p.transaction(), Optional.empty(), 0));
            }
        });
        return o;
    }
}
